/**
 * Outbox benchmarks:
 * - durable enqueue: acceptCase (case + event + outbox row, one transaction each) against raw
 *   better-sqlite3 single-row inserts with the same pragmas (WAL, synchronous=FULL) and the same encryption;
 *   goal ratio ≥ 0.5.
 * - drain: 10,000 accepted cases sent to the local platform simulator (its own process); goal ≥ 500 cases/s
 *   with flat memory: the live heap after a full GC at 25% done and at 100% done.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { acceptCase } from '../../electron/services/outbox/accept';
import { businessKeyOf } from '../../electron/services/outbox/case-payloads';
import { openStandaloneOutbox } from '../../electron/services/standalone-outbox';
import { transactionCodesFromProfile } from '../../electron/services/outbox/transaction-codes';
import { loadProfile } from '../../electron/services/platform/profile';
import { spawn } from 'node:child_process';
import v8 from 'node:v8';
import vm from 'node:vm';
import { openAppDatabase } from '../../electron/services/app-schema';
import { applyKey, applyPragmas } from '../../electron/services/store/database';
import { generateMasterKey } from '../../electron/services/store/key-source';
import { specialDiseaseFixtures } from '../helpers/outbox-fixtures';
import type { BenchRow } from './run';

const ENQUEUE_N = Number(process.env.OUTBOX_BENCH_ENQUEUE ?? 3000);
const DRAIN_N = Number(process.env.OUTBOX_BENCH_DRAIN ?? 10_000);
/** The uploader's default (what the app and counter sync use). */
const DRAIN_CONCURRENCY = Number(process.env.OUTBOX_BENCH_CONCURRENCY ?? 4);

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

/** A real GC for memory checkpoints (tsx runs without --expose-gc). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/**
 * Raw: the same pragmas, one durable insert of a comparable row per transaction; outbox: one acceptCase
 * (one transaction) per case. The two alternate case by case, so a drift or stall of the disk (other
 * processes' fsyncs) hits both alike. Reported: total rates, and the ratio of the median per-operation
 * latencies (robust against the odd stalled fsync), per run of RUNS.
 */
function benchEnqueue(dir: string): { raw: number; outbox: number; ratios: number[] } {
  const runs = 3;
  const ratios: number[] = [];
  let rawNs = 0;
  let outboxNs = 0;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (let run = 0; run < runs; run++) {
    const fixtures = specialDiseaseFixtures(ENQUEUE_N);
    // The same storage on both sides: the raw file is encrypted with the same cipher and a key, as the app's is.
    const rawDb = new Database(path.join(dir, `raw${run}.db`));
    applyKey(rawDb, generateMasterKey());
    applyPragmas(rawDb);
    rawDb.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT UNIQUE, psn_no TEXT, payload TEXT, at TEXT)');
    const ins = rawDb.prepare('INSERT INTO t (k, psn_no, payload, at) VALUES (?, ?, ?, ?)');
    const db = openAppDatabase(path.join(dir, `enqueue${run}`));
    const codes = transactionCodesFromProfile(loadProfile('demo'));
    const rawTimes: number[] = [];
    const outboxTimes: number[] = [];
    fixtures.forEach((f, i) => {
      let t0 = process.hrtime.bigint();
      ins.run(`k${i}`, f.psnNo, JSON.stringify(f.payload), new Date().toISOString());
      rawTimes.push(Number(process.hrtime.bigint() - t0));
      t0 = process.hrtime.bigint();
      acceptCase(db, { ...f, businessKey: businessKeyOf(f.kind, f.psnNo, f.payload)!, clerk: 'bench', region: '990100', site: '001' }, { codes });
      outboxTimes.push(Number(process.hrtime.bigint() - t0));
    });
    rawDb.close();
    db.close();
    rawNs += rawTimes.reduce((a, b) => a + b, 0);
    outboxNs += outboxTimes.reduce((a, b) => a + b, 0);
    ratios.push(median(rawTimes) / median(outboxTimes));
  }
  const n = ENQUEUE_N * runs;
  return { raw: n / (rawNs / 1e9), outbox: n / (outboxNs / 1e9), ratios };
}

/** The simulator in its own process, as the real platform would be: the uploader's numbers are its own. */
async function startSimulatorProcess(dbFile: string): Promise<{ url: string; close(): Promise<void> }> {
  const script = path.resolve(__dirname, '../helpers/platform-sim-process.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, dbFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n')[0];
      if (buf.includes('\n')) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`模拟平台进程退出 (${code})`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

interface DrainResult {
  rate: number;
  rssBefore: number;
  rssAfter: number;
  rssPeak: number;
  /** Live heap (after a full GC) when a quarter of the cases were done, and when all were: flat = no growth. */
  heapQuarter: number;
  heapEnd: number;
  done: number;
}

async function benchDrain(dir: string): Promise<DrainResult> {
  const sim = await startSimulatorProcess(path.join(dir, 'sim.db'));
  const dataDir = path.join(dir, 'drain');
  const sa = openStandaloneOutbox({ dataDir, platformUrl: sim.url, concurrency: DRAIN_CONCURRENCY });
  try {
    const codes = sa.outbox.codes;
    const fixtures = specialDiseaseFixtures(DRAIN_N);
    sa.db.transaction(() => {
      for (const f of fixtures) {
        acceptCase(sa.db, { ...f, businessKey: businessKeyOf(f.kind, f.psnNo, f.payload)!, clerk: 'bench', region: '990100', site: '001' }, { codes });
      }
    })();
    fixtures.length = 0;
    const gc = collector();
    gc();
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 200);
    let doneCount = 0;
    let heapQuarter = 0;
    sa.outbox.uploader.on('changed', (e: { state: string }) => {
      if (e.state === 'done' && ++doneCount === Math.floor(DRAIN_N / 4)) {
        gc();
        heapQuarter = process.memoryUsage().heapUsed;
      }
    });
    const t0 = process.hrtime.bigint();
    await sa.outbox.uploader.drain();
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    clearInterval(sampler);
    gc();
    const heapEnd = process.memoryUsage().heapUsed;
    const rssAfter = process.memoryUsage().rss;
    return { rate: DRAIN_N / secs, rssBefore, rssAfter, rssPeak, heapQuarter, heapEnd, done: sa.outbox.counts().done };
  } finally {
    sa.close();
    await sim.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-bench-'));
  try {
    const e = benchEnqueue(dir);
    const ratio = [...e.ratios].sort((a, b) => a - b)[Math.floor(e.ratios.length / 2)];
    const d = await benchDrain(dir);
    return [
      { benchmark: `outbox: raw durable insert (3×${ENQUEUE_N}, WAL+FULL)`, result: `${e.raw.toFixed(0)} rows/s` },
      { benchmark: 'outbox: durable enqueue (case+event+outbox, 1 txn each)', result: `${e.outbox.toFixed(0)} cases/s` },
      {
        benchmark: 'outbox: enqueue / raw ratio (median latency, interleaved; median of 3 runs)',
        result: `${ratio.toFixed(2)} (runs ${e.ratios.map((r) => r.toFixed(2)).join(' ')})`,
        goal: '≥ 0.5',
        ok: ratio >= 0.5,
      },
      {
        benchmark: `outbox: drain ${DRAIN_N} cases to simulator (concurrency ${DRAIN_CONCURRENCY})`,
        result: `${d.rate.toFixed(0)} cases/s (${d.done} done)`,
        goal: '≥ 500 cases/s',
        ok: d.rate >= 500 && d.done === DRAIN_N,
      },
      {
        benchmark: 'outbox: drain RSS before / peak / after',
        result: `${mb(d.rssBefore)} / ${mb(d.rssPeak)} / ${mb(d.rssAfter)}`,
      },
      {
        benchmark: 'outbox: drain live heap at 25% done → 100% done (after GC)',
        result: `${(d.heapQuarter / 1e6).toFixed(1)} MB → ${(d.heapEnd / 1e6).toFixed(1)} MB`,
        goal: 'flat (< 10 MB growth)',
        ok: d.heapEnd - d.heapQuarter < 10 * 1e6,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
