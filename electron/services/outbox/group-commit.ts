/**
 * Group commit of 'done' outcomes: an accepted send's writes wait in a buffer and go to disk together, usually
 * inside the next claim's transaction, so a busy queue pays one fsync per batch rather than one per case.
 * Safe because a crash before the flush leaves the item in-flight → unknown → found again by the query.
 * A short timer and a size cap bound how long a write may wait; a failed flush keeps its writes for the next.
 */
import type { Db } from '../store/database';

export type BufferedWrite = () => void;

export interface GroupCommitOptions {
  /** Flush at once when this many writes wait. */
  cap: number;
  /** Otherwise flush after this long (default 5 ms). */
  delayMs?: number;
}

export class GroupCommit {
  private writes: BufferedWrite[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly opts: GroupCommitOptions,
  ) {}

  get size(): number {
    return this.writes.length;
  }

  add(write: BufferedWrite): void {
    this.writes.push(write);
    if (this.writes.length >= this.opts.cap) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.opts.delayMs ?? 5);
  }

  /** Writes every buffered write in one transaction. */
  flush(): void {
    const writes = this.take();
    if (writes.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const w of writes) w();
      }).immediate();
    } catch (err) {
      this.putBack(writes);
      throw err;
    }
  }

  /** Takes the buffered writes to run in the caller's own transaction (then putBack() if it fails). */
  take(): BufferedWrite[] {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.writes.splice(0);
  }

  /** Returns writes that were taken but not written, ahead of newer ones. */
  putBack(writes: readonly BufferedWrite[]): void {
    this.writes.unshift(...writes);
  }
}
