/**
 * The upload lease with real processes: a worker standing in for the app drains the queue (slowly, the
 * simulator adds latency) while `counter sync` is started beside it. The CLI refuses, or waits with --wait;
 * a SIGKILLed holder is taken over at once; a fresh lease from another machine is respected until it expires.
 * Every case reaches the platform exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../../../electron/services/outbox/accept';
import { businessKeyOf } from '../../../../../electron/services/outbox/case-payloads';
import { queueCounts } from '../../../../../electron/services/outbox/queue-view';
import { transactionCodesFromProfile } from '../../../../../electron/services/outbox/transaction-codes';
import { counter } from '../../../../helpers/run-tsx';
import { loadProfile } from '../../../../../electron/services/platform/profile';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../../electron/services/platform/simulator';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import { specialDiseaseFixtures } from '../../../../helpers/outbox-fixtures';

const ROOT = path.resolve(__dirname, '../../../../..');
const WORKER = path.join(ROOT, 'test/helpers/outbox-sync-worker.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}


/** Starts the app stand-in; resolves once it is draining (it holds the lease by then). */
function startApp(dataDir: string, url: string): Promise<{ child: ChildProcess; exited: Promise<Run> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dataDir, url], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LEASE_ROLE: 'app' },
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<Run>((res) => child.on('exit', (code) => res({ code, stdout, stderr })));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('started\n')) resolve({ child, exited });
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    void exited.then((r) => reject(new Error(`app stand-in exited before starting: ${r.stderr}`)));
  });
}

describe('upload lease: one uploader per database (real processes)', () => {
  let dir: string;
  let sim: PlatformSimulator;
  let simFile: string;
  let dataDir: string;
  let nextWindow = 0;
  const keys: string[] = [];

  function acceptMore(n: number): void {
    const db = openAppDatabase(dataDir);
    const codes = transactionCodesFromProfile(loadProfile('demo'));
    try {
      for (const f of specialDiseaseFixtures(n, nextWindow)) {
        const businessKey = businessKeyOf(f.kind, f.psnNo, f.payload)!;
        acceptCase(db, { ...f, businessKey, clerk: 'clerk01', region: '990100', site: '001' }, { codes });
        keys.push(businessKey);
      }
    } finally {
      db.close();
    }
    nextWindow += 10;
  }

  function expectAllFiledOnce(): void {
    const simDb = new Database(simFile, { readonly: true });
    try {
      const rows = simDb.prepare(`SELECT psn_no || '|' || key1 || '|' || begndate AS k FROM records WHERE kind = 'special-disease'`).all() as { k: string }[];
      expect(rows.map((r) => r.k).sort()).toEqual([...keys].sort());
    } finally {
      simDb.close();
    }
    const db = openAppDatabase(dataDir);
    try {
      expect(queueCounts(db)).toMatchObject({ done: keys.length, total: keys.length });
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-lease-'));
    simFile = path.join(dir, 'sim.db');
    dataDir = path.join(dir, 'counter');
    sim = await startPlatformSimulator({ port: 0, dbFile: simFile });
  });
  afterAll(async () => {
    await sim?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counter sync refuses while the app is sending, and with --wait sends after it', async () => {
    acceptMore(120);
    sim.faults.set({ latencyMs: 100 });
    const app = await startApp(dataDir, sim.url);
    try {
      const refused = await counter(['sync', '--once', '--data', dataDir, '--platform', sim.url]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('错误: 工作站正在上报，请勿同时运行 counter sync');
      expect(refused.stdout).toBe('');

      const waiting = counter(['sync', '--wait', '--data', dataDir, '--platform', sim.url]);
      const appRun = await app.exited;
      expect(appRun.code).toBe(0);
      const waited = await waiting;
      expect(waited.stderr).toContain('等待其结束后再上报');
      expect(waited.code).toBe(0);
      expect(JSON.parse(waited.stdout)).toMatchObject({ counts: { done: keys.length } });
    } finally {
      app.child.kill('SIGKILL');
    }
    expectAllFiledOnce();
  }, 60_000);

  it('a SIGKILLed app leaves a lease that counter sync takes over at once, finishing its work exactly once', async () => {
    acceptMore(120);
    sim.faults.set({ latencyMs: 50 });
    const app = await startApp(dataDir, sim.url);
    await new Promise((r) => setTimeout(r, 300));
    app.child.kill('SIGKILL');
    await app.exited;
    sim.faults.set({ latencyMs: 0 });
    const run = await counter(['sync', '--data', dataDir, '--platform', sim.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectAllFiledOnce();
  }, 60_000);

  it('a fresh lease held on another machine is respected until it expires', async () => {
    acceptMore(5);
    const db = openAppDatabase(dataDir);
    const put = (expiresInMs: number) =>
      db
        .prepare(`INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('outbox.uploadLease', ?, '')`)
        .run(
          JSON.stringify({
            id: '1-abc',
            pid: 1,
            host: 'other-counter-pc',
            role: 'app',
            acquiredAt: new Date().toISOString(),
            heartbeatAt: new Date().toISOString(),
            expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
          }),
        );
    try {
      put(60_000);
      const refused = await counter(['sync', '--once', '--data', dataDir, '--platform', sim.url]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('工作站正在上报，请勿同时运行 counter sync');
      expect(refused.stderr).toContain('other-counter-pc');
      put(-1000);
      const run = await counter(['sync', '--data', dataDir, '--platform', sim.url]);
      expect(run.code).toBe(0);
    } finally {
      db.close();
    }
    expectAllFiledOnce();
  }, 60_000);
});
