/**
 * The audit chain: append latency (one IMMEDIATE transaction with synchronous=FULL per row, as every audited
 * call pays it) and how fast `counter audit verify` checks a long chain.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyAuditChain } from '../../electron/services/audit/audit-chain';
import { AuditLog } from '../../electron/services/audit/audit-log';
import { openAppDatabase } from '../../electron/services/app-schema';
import type { BenchRow } from './run';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

export async function run(): Promise<BenchRow[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-audit-'));
  const db = openAppDatabase(dataDir);
  try {
    const key = Buffer.alloc(32, 3);
    const audit = new AuditLog(db, () => new Date(), key);
    const times: number[] = [];
    const rows = 2000;
    for (let i = 0; i < rows; i++) {
      const t = performance.now();
      audit.record('op001', 'queue.list', { states: null, count: 20, psnNos: Array.from({ length: 20 }, (_, k) => `9901000000000000${String(k).padStart(4, '0')}`) }, { callerId: 'bench', transport: 'ipc' });
      times.push(performance.now() - t);
    }
    const t = performance.now();
    const report = verifyAuditChain(db, key);
    const verifyMs = performance.now() - t;
    return [
      { benchmark: `audit append p50 / p99 (${rows} rows, FULL sync)`, result: `${pct(times, 50).toFixed(2)} / ${pct(times, 99).toFixed(2)} ms`, goal: 'p99 < 50 ms (fsync-bound)', ok: pct(times, 99) < 50 },
      { benchmark: `audit verify (${report.rows} rows)`, result: `${verifyMs.toFixed(0)} ms (${Math.round(report.rows / (verifyMs / 1000))} rows/s)`, goal: 'no problems', ok: report.problems.length === 0 },
    ];
  } finally {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
