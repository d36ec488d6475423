/**
 * Exactly once, for real: the uploader runs in a child process against the platform simulator with
 * faults on (latency, HTTP 500s, dropped connections before and after the work, garbled replies) and
 * is SIGKILLed at random moments, then restarted, until the queue is drained. The simulator's own
 * SQLite file then proves every case arrived exactly once by business key and none was lost.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptCase } from '../../../../../electron/services/outbox/accept';
import { businessKeyOf } from '../../../../../electron/services/outbox/case-payloads';
import { transactionCodesFromProfile } from '../../../../../electron/services/outbox/transaction-codes';
import { queueCounts } from '../../../../../electron/services/outbox/queue-view';
import { loadProfile } from '../../../../../electron/services/platform/profile';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../../electron/services/platform/simulator';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import type { Db } from '../../../../../electron/services/store/database';
import { specialDiseaseFixtures } from '../../../../helpers/outbox-fixtures';

const ROOT = path.resolve(__dirname, '../../../../..');

const WORKER = path.join(ROOT, 'test/helpers/outbox-sync-worker.ts');
const CASES = 400;

/** Small seeded PRNG so a failing run can be replayed (the seed is printed). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface WorkerRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the worker; with killAfterMs, SIGKILLs it that long after it starts draining. */
function runWorker(dataDir: string, url: string, killAfterMs: number | null): Promise<WorkerRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dataDir, url], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (killAfterMs !== null && !timer && stdout.includes('started\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function simRecords(file: string): Array<{ sn: string; psn_no: string; key1: string; begndate: string; status: string }> {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT sn, psn_no, key1, begndate, status FROM records WHERE kind = 'special-disease'`).all() as Array<{
      sn: string;
      psn_no: string;
      key1: string;
      begndate: string;
      status: string;
    }>;
  } finally {
    db.close();
  }
}

function acceptFixtures(db: Db, count: number, startWindow = 0): string[] {
  const codes = transactionCodesFromProfile(loadProfile('demo'));
  return specialDiseaseFixtures(count, startWindow).map((f) => {
    const businessKey = businessKeyOf(f.kind, f.psnNo, f.payload)!;
    acceptCase(db, { ...f, businessKey, clerk: 'clerk01', region: '990100', site: '001' }, { codes });
    return businessKey;
  });
}

/** Every accepted case exists exactly once on the platform (valid, never reversed) and carries the platform's sn. */
function expectExactlyOnce(appDb: Db, simFile: string, keys: string[]): void {
  const records = simRecords(simFile);
  const byKey = new Map<string, typeof records>();
  for (const r of records) {
    const k = `${r.psn_no}|${r.key1}|${r.begndate}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const missing = keys.filter((k) => !byKey.has(k));
  const duplicated = [...byKey.entries()].filter(([, rs]) => rs.length !== 1).map(([k]) => k);
  expect(missing).toEqual([]);
  expect(duplicated).toEqual([]);
  expect(records.filter((r) => r.status !== 'valid')).toEqual([]);
  expect(records).toHaveLength(keys.length);
  const cases = appDb.prepare(`SELECT business_key, state, result FROM cases`).all() as Array<{ business_key: string; state: string; result: string | null }>;
  for (const c of cases) {
    expect(c.state).toBe('filed');
    const sn = (JSON.parse(c.result ?? '{}') as { trt_dcla_detl_sn?: string }).trt_dcla_detl_sn;
    expect(sn).toBe(byKey.get(c.business_key)![0].sn);
  }
}

describe('outbox crash test (child uploader SIGKILLed at random moments)', () => {
  let dir: string;
  let sim: PlatformSimulator;
  let simFile: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-crash-'));
    simFile = path.join(dir, 'platform-sim.db');
    sim = await startPlatformSimulator({ port: 0, dbFile: simFile });
  });
  afterAll(async () => {
    await sim?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`delivers ${CASES} cases exactly once through kills, 500s, lost replies and garbled replies`, async () => {
    const dataDir = path.join(dir, 'counter');
    const db = openAppDatabase(dataDir);
    const keys = acceptFixtures(db, CASES);
    db.close();

    const seed = Number(process.env.OUTBOX_CRASH_SEED ?? Date.now() % 100_000);
    const rand = mulberry32(seed);
    let kills = 0;
    let finished = false;
    for (let round = 0; round < 30 && !finished; round++) {
      sim.faults.set({ latencyMs: 20, http500: 3, dropBefore: 2, dropAfter: 4, malformed: 2 });
      // The first rounds always die a little while into the drain (each gets through a few dozen cases at
      // most); later ones may run to the end.
      const killAfter = round < 10 || rand() < 0.5 ? Math.floor(rand() * 250) : null;
      const run = await runWorker(dataDir, sim.url, killAfter);
      if (run.signal === 'SIGKILL') {
        kills++;
        continue;
      }
      expect(run.stderr, `seed ${seed}`).toBe('');
      expect(run.code, `seed ${seed}`).toBe(0);
      const { counts } = JSON.parse(run.stdout.trim().split('\n').pop()!) as { counts: Record<string, number> };
      finished = counts.done === CASES;
    }
    if (!finished) {
      const appDb = openAppDatabase(dataDir);
      const detail = JSON.stringify({ counts: queueCounts(appDb), stuck: appDb.prepare(`SELECT state, last_error, platform_message FROM outbox WHERE state != 'done' LIMIT 5`).all() });
      appDb.close();
      expect.fail(`seed ${seed}: queue not drained after ${kills} kills: ${detail}`);
    }
    expect(kills, `seed ${seed}`).toBeGreaterThanOrEqual(10);

    const appDb = openAppDatabase(dataDir);
    try {
      expect(queueCounts(appDb)).toMatchObject({ done: CASES, total: CASES });
      expectExactlyOnce(appDb, simFile, keys);
      // The faults really happened: some sends ended unknown or were interrupted and were resolved by a query.
      const outcomes = appDb.prepare(`SELECT action, outcome, COUNT(*) AS n FROM outbox_attempts GROUP BY action, outcome`).all() as Array<{
        action: string;
        outcome: string;
        n: number;
      }>;
      const n = (action: string, outcome: string) => outcomes.find((o) => o.action === action && o.outcome === outcome)?.n ?? 0;
      expect(n('send', 'unknown') + n('send', 'interrupted')).toBeGreaterThan(0);
      expect(n('query', 'found') + n('query', 'not-found')).toBeGreaterThan(0);
      // Restarts within the same second never reused a msgid (they are reserved in the app DB).
      expect(appDb.prepare('SELECT msgid FROM outbox_attempts GROUP BY msgid HAVING COUNT(*) > 1').all()).toEqual([]);
    } finally {
      appDb.close();
    }
  }, 150_000);
});
