/**
 * Crash records from a real process: an uncaught exception and an unhandled rejection each leave one
 * redacted record in <data>/crashes/ and a last line in <data>/logs/, and the process exits non-zero.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashRecord, recentCrashRecords, writeCrashRecord } from '../../../../../electron/host/ops/crash-record';
import { readRecentLines } from '../../../../../electron/host/ops/log-file';
import { runTsx } from '../../../../helpers/run-tsx';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-record-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('a crashing host', () => {
  it.each(['throw', 'reject'] as const)('%s: writes a redacted crash file and a log line, then exits 70', async (mode) => {
    const dataDir = path.join(root, mode);
    const r = await runTsx(['test/helpers/crash-child.ts', dataDir, mode]);
    expect(r.code).toBe(70);
    const records = recentCrashRecords(dataDir);
    expect(records).toHaveLength(1);
    const text = fs.readFileSync(path.join(dataDir, 'crashes', records[0].file), 'utf8');
    const record = JSON.parse(text) as { kind: string; error: { name: string; message: string; stack: string[] }; versions: { node: string } };
    expect(record.kind).toBe(mode === 'throw' ? 'uncaughtException' : 'unhandledRejection');
    expect(record.error.name).toBe('Error');
    expect(record.error.message).toContain('990102********0023');
    expect(record.error.stack.join('\n')).toContain('crash-child.ts');
    expect(record.versions.node).toBe(process.versions.node);
    for (const secret of ['990102198507220023', '李四', os.homedir()]) expect(text).not.toContain(secret);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dataDir, 'crashes', records[0].file)).mode & 0o777).toBe(0o600);

    const lines = readRecentLines(path.join(dataDir, 'logs'));
    expect(lines[0].msg).toMatch(/^程序启动: 版本 \d+\.\d+\.\d+，Node /);
    expect(lines[1].msg).toBe('crash-child started');
    expect(lines.at(-1)).toMatchObject({ level: 'error' });
    expect(lines.at(-1)!.msg).toContain(`程序异常退出 (${record.kind})`);
    expect(lines.at(-1)!.msg).toContain(records[0].file);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'counter.log'), 'utf8')).not.toContain('990102198507220023');
    expect(r.stderr).not.toContain('990102198507220023');
  }, 60_000);

  it('a record that cannot be written returns null instead of throwing; a non-Error reason is recorded as text', () => {
    const blocker = path.join(root, 'blocker');
    fs.writeFileSync(blocker, '');
    const record = crashRecord('unhandledRejection', '身份证 990102198507220023 读取超时', '1.2.3');
    expect(record.error).toMatchObject({ name: 'string', message: '身份证 990102********0023 读取超时', stack: [] });
    expect(writeCrashRecord(blocker, record)).toBeNull();
    expect(recentCrashRecords(blocker)).toEqual([]);
  });
});
