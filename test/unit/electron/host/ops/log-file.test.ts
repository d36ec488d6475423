/** The rotating log files: size-based rotation, the kept count, reading back recent lines, a failing disk. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createRotatingFile, logFiles, readRecentLines } from '../../../../../electron/host/ops/log-file';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'log-file-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => path.join(root, `d${n++}`);

describe('createRotatingFile', () => {
  it('writes one JSON object a line with time, level, pid and the message, in a 0700 folder and a 0600 file', () => {
    const dir = freshDir();
    const sink = createRotatingFile({ dir, maxBytes: 10_000, files: 3, now: () => new Date('2026-03-01T01:02:03.000Z') });
    sink.write('warn', '打印机缺纸');
    sink.write('error', 'second');
    const lines = fs.readFileSync(path.join(dir, 'counter.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { time: '2026-03-01T01:02:03.000Z', level: 'warn', pid: process.pid, msg: '打印机缺纸' },
      { time: '2026-03-01T01:02:03.000Z', level: 'error', pid: process.pid, msg: 'second' },
    ]);
    if (process.platform !== 'win32') {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(path.join(dir, 'counter.log')).mode & 0o777).toBe(0o600);
    }
  });

  it('rotates by size and keeps exactly `files` old files, dropping the oldest', () => {
    const dir = freshDir();
    const sink = createRotatingFile({ dir, maxBytes: 300, files: 2 });
    for (let i = 0; i < 40; i++) sink.write('info', `line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    const files = logFiles(dir).map((f) => path.basename(f));
    expect(files).toEqual(['counter.log', 'counter.log.1', 'counter.log.2']);
    for (const f of logFiles(dir)) expect(fs.statSync(f).size).toBeLessThanOrEqual(300);
    // The newest line is in counter.log, and the files read back in order without a gap.
    const back = readRecentLines(dir, { limit: 1000 }).map((l) => Number(l.msg.slice(5, 8)));
    expect(back.at(-1)).toBe(39);
    expect(back).toEqual(back.map((_, i) => back[0] + i));
    expect(back[0]).toBeGreaterThan(0); // the first lines were rotated away
  });

  it('continues an existing file after a restart, counting its size', () => {
    const dir = freshDir();
    createRotatingFile({ dir, maxBytes: 250, files: 2 }).write('info', 'a'.repeat(150));
    createRotatingFile({ dir, maxBytes: 250, files: 2 }).write('info', 'b'.repeat(150));
    expect(logFiles(dir).map((f) => path.basename(f))).toEqual(['counter.log', 'counter.log.1']);
  });

  it('never throws when the folder cannot be written; says so once on stderr', () => {
    const blocker = path.join(root, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const sink = createRotatingFile({ dir: path.join(blocker, 'logs'), maxBytes: 1000, files: 1 });
      expect(() => sink.write('error', 'one')).not.toThrow();
      expect(() => sink.write('error', 'two')).not.toThrow();
      expect(err.mock.calls.filter(([t]) => String(t).includes('日志文件无法写入'))).toHaveLength(1);
    } finally {
      err.mockRestore();
    }
  });
});

describe('readRecentLines', () => {
  it('filters by level, keeps the last `limit`, skips torn or foreign lines, and is empty for no folder', () => {
    const dir = freshDir();
    const sink = createRotatingFile({ dir, maxBytes: 100_000, files: 1 });
    sink.write('info', 'i1');
    sink.write('error', 'e1');
    sink.write('debug', 'd1');
    sink.write('warn', 'w1');
    sink.write('error', 'e2');
    fs.appendFileSync(path.join(dir, 'counter.log'), 'not json\n{"level":"fatal","msg":"x"}\n{"time":"t","level":"error","msg":"torn');
    expect(readRecentLines(dir, { minLevel: 'warn' }).map((l) => l.msg)).toEqual(['e1', 'w1', 'e2']);
    expect(readRecentLines(dir, { minLevel: 'warn', limit: 2 }).map((l) => l.msg)).toEqual(['w1', 'e2']);
    expect(readRecentLines(dir).map((l) => l.msg)).toEqual(['i1', 'e1', 'd1', 'w1', 'e2']);
    expect(readRecentLines(path.join(root, 'none'))).toEqual([]);
  });

  it('lists only counter.log and its numbered rotations, newest first', () => {
    const dir = freshDir();
    fs.mkdirSync(dir);
    for (const f of ['counter.log.10', 'counter.log', 'counter.log.2', 'counter.log.bak', 'other.log', 'counter.log.1']) fs.writeFileSync(path.join(dir, f), '');
    expect(logFiles(dir).map((f) => path.basename(f))).toEqual(['counter.log', 'counter.log.1', 'counter.log.2', 'counter.log.10']);
  });
});
