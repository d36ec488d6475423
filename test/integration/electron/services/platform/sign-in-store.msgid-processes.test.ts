/**
 * msgid uniqueness across processes for real: two processes on one app database (the app and `counter sync`,
 * or a restart) start signing in and calling the platform simulator within the same second. Every request
 * (9001 sign-ins included) must carry its own msgid, and the platform must have answered each one afresh.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import { startSim, type SimFixture } from '../../../../helpers/sim-fixture';

const ROOT = path.resolve(__dirname, '../../../../..');
const WORKER = path.join(ROOT, 'test/helpers/msgid-worker.ts');

function runWorker(dataDir: string, url: string, startAt: number, count: number): Promise<{ sent: string[]; local: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dataDir, url, String(startAt), String(count)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { sent: string[]; local: string[] }) : reject(new Error(`worker exit ${code}: ${err}`))));
  });
}

const stampOf = (msgid: string) => msgid.slice(12, 26);

describe('msgids from two processes on one database', () => {
  let f: SimFixture;
  let dataDir: string;

  beforeAll(async () => {
    f = await startSim();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'msgid-procs-'));
    openAppDatabase(dataDir).close(); // migrate once, as an installed workstation would be
  });
  afterAll(async () => {
    await f?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('never repeat, even when both start in the same second (sign-ins included)', async () => {
    // Both wait for the same instant just after a second boundary, well after they have booted.
    const startAt = Math.ceil((Date.now() + 3000) / 1000) * 1000 + 20;
    const count = 40;
    const [a, b] = await Promise.all([runWorker(dataDir, f.sim.url, startAt, count), runWorker(dataDir, f.sim.url, startAt, count)]);
    // Each sent one 9001 and `count` 1101s, and drew `count` more ids without sending them.
    expect(a.sent).toHaveLength(count + 1);
    expect(b.sent).toHaveLength(count + 1);
    const all = [...a.sent, ...a.local, ...b.sent, ...b.local];
    expect(new Set(all).size).toBe(all.length);
    // They really overlapped: both began in the same second.
    expect(stampOf(a.sent[0])).toBe(stampOf(b.sent[0]));
    // The platform answered every request afresh (a reused msgid would have been a replay or a refusal).
    const state = f.sim.state();
    expect(state.calls['9001']).toBe(2);
    expect(state.work['9001']).toBe(2);
    expect(state.work['1101']).toBe(2 * count);
  }, 60_000);

  it('a process started right after another (same database) continues after its ids', async () => {
    const first = await runWorker(dataDir, f.sim.url, 0, 5);
    const second = await runWorker(dataDir, f.sim.url, 0, 5);
    const all = [...first.sent, ...first.local, ...second.sent, ...second.local];
    expect(new Set(all).size).toBe(all.length);
    expect(second.sent[0] > first.local[first.local.length - 1]).toBe(true);
  }, 60_000);
});
