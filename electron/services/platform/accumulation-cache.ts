/**
 * The platform's last 5206 answer per person and year, so the person panel and the 试算 can still use the
 * platform's figures (marked offline) when it cannot be reached. Personal data kept for convenience only:
 * pruned with the person cache by the retention job (../privacy/retention.ts).
 */
import type { Db } from '../store/database';
import type { PlatformAccumulation } from './transactions/accumulation';

const PREFIX = 'accumulation.';
const keyOf = (psnNo: string, year: number) => `${PREFIX}${psnNo}.${year}`;

export function keepAccumulation(db: Db, a: PlatformAccumulation, at: Date): void {
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(keyOf(a.psnNo, a.year), JSON.stringify(a), at.toISOString());
}

/** The last answer and when it came (ISO UTC), or null. */
export function lastAccumulation(db: Db, psnNo: string, year: number): { accumulation: PlatformAccumulation; asOf: string } | null {
  const row = db.prepare('SELECT value, updated_at FROM settings WHERE key = ?').get(keyOf(psnNo, year)) as { value: string; updated_at: string } | undefined;
  return row ? { accumulation: JSON.parse(row.value) as PlatformAccumulation, asOf: row.updated_at } : null;
}

/** Drop answers older than maxAgeDays; returns how many went. */
export function pruneAccumulations(db: Db, now: Date, maxAgeDays: number): number {
  const cutoff = new Date(now.getTime() - maxAgeDays * 86_400_000).toISOString();
  return db.prepare(`DELETE FROM settings WHERE key LIKE '${PREFIX}%' AND updated_at < ?`).run(cutoff).changes;
}
