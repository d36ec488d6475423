/**
 * Receipt print jobs that could not print at once (paper out, offline, unplugged), kept in the app
 * database so an app restart cannot lose them. Jobs print in id order; a job is 'printed' once its bytes
 * were accepted by the printer, or 'failed' after MAX_PRINT_ATTEMPTS write failures while the printer
 * reported itself ready (the queue then moves on; the clerk can 补打 from 办件记录).
 */
import type { Db, Migration } from '../store/database';

export const MAX_PRINT_ATTEMPTS = 5;

export const printJobsMigration: Migration = {
  name: 'print jobs',
  up(db) {
    db.exec(`
      CREATE TABLE print_jobs (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        what TEXT NOT NULL,
        bytes BLOB NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'printed', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        printed_at TEXT
      );
      CREATE INDEX print_jobs_by_state ON print_jobs (state, id);
    `);
  },
};

export type PrintJobState = 'pending' | 'printed' | 'failed';

export interface StoredPrintJob {
  id: number;
  createdAt: string;
  what: string;
  bytes: Uint8Array;
  state: PrintJobState;
  attempts: number;
  lastError: string | null;
  printedAt: string | null;
}

interface Row {
  id: number;
  created_at: string;
  what: string;
  bytes: Buffer;
  state: PrintJobState;
  attempts: number;
  last_error: string | null;
  printed_at: string | null;
}

const toJob = (r: Row): StoredPrintJob => ({
  id: r.id,
  createdAt: r.created_at,
  what: r.what,
  bytes: new Uint8Array(r.bytes),
  state: r.state,
  attempts: r.attempts,
  lastError: r.last_error,
  printedAt: r.printed_at,
});

export class PrintJobStore {
  constructor(
    private readonly db: Db,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  add(job: { what: string; bytes: Uint8Array }): number {
    const info = this.db
      .prepare("INSERT INTO print_jobs (created_at, what, bytes, state) VALUES (?, ?, ?, 'pending')")
      .run(this.clock().toISOString(), job.what, Buffer.from(job.bytes));
    return Number(info.lastInsertRowid);
  }

  /** The oldest job still waiting, or undefined. */
  nextPending(): StoredPrintJob | undefined {
    const row = this.db.prepare("SELECT * FROM print_jobs WHERE state = 'pending' ORDER BY id LIMIT 1").get() as Row | undefined;
    return row && toJob(row);
  }

  countPending(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM print_jobs WHERE state = 'pending'").get() as { n: number }).n;
  }

  /** Jobs not printed (waiting first, then given up), oldest first, at most limit. */
  unprinted(limit = 100): StoredPrintJob[] {
    const rows = this.db
      .prepare("SELECT * FROM print_jobs WHERE state != 'printed' ORDER BY state = 'failed', id LIMIT ?")
      .all(limit) as Row[];
    return rows.map(toJob);
  }

  get(id: number): StoredPrintJob | undefined {
    const row = this.db.prepare('SELECT * FROM print_jobs WHERE id = ?').get(id) as Row | undefined;
    return row && toJob(row);
  }

  markPrinted(id: number): void {
    this.db
      .prepare("UPDATE print_jobs SET state = 'printed', attempts = attempts + 1, printed_at = ?, last_error = NULL WHERE id = ? AND state = 'pending'")
      .run(this.clock().toISOString(), id);
  }

  /** Records a failed write; returns the job's state after it ('failed' once attempts reach the maximum). */
  recordFailure(id: number, error: string): PrintJobState {
    this.db
      .prepare(
        `UPDATE print_jobs SET attempts = attempts + 1, last_error = ?,
           state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE state END
         WHERE id = ? AND state = 'pending'`,
      )
      .run(error, MAX_PRINT_ATTEMPTS, id);
    return this.get(id)?.state ?? 'failed';
  }
}
