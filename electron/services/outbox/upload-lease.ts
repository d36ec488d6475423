/**
 * The upload lease: one row in the app database naming the one process that may send the queue (the app
 * or `counter sync`), with a heartbeat and an expiry. Two uploaders on one database would both send; with
 * the lease the second one waits or refuses. A holder that crashed is recognised at once on this machine
 * (its pid is gone) and anywhere else when its lease expires.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Db } from '../store/database';
import { processAlive } from '../store/process-alive';
import { cachedStatement } from '../store/statement-cache';

const KEY = 'outbox.uploadLease';

export interface LeaseHolder {
  /** pid + random: unique per process run, so a restarted process never mistakes an old lease for its own. */
  id: string;
  pid: number;
  host: string;
  /** Who holds it, for messages: 'app', 'cli', … */
  role: string;
  acquiredAt: string;
  heartbeatAt: string;
  expiresAt: string;
}

export interface UploadLeaseOptions {
  role: string;
  /** A lease not renewed for this long is free for the taking (default 15 s). */
  ttlMs?: number;
  now?: () => Date;
  /** Is a process on this machine alive? (default: signal 0). */
  isAlive?: (pid: number) => boolean;
  host?: string;
  pid?: number;
}

export type AcquireResult = { ok: true } | { ok: false; holder: LeaseHolder };

export class UploadLease {
  readonly id: string;
  readonly ttlMs: number;
  private readonly now: () => Date;
  private readonly isAlive: (pid: number) => boolean;
  private readonly host: string;
  private readonly pid: number;
  /** When our lease runs out as last written (0 = not held). */
  private heldUntil = 0;
  private renewedAt = 0;

  constructor(
    private readonly db: Db,
    private readonly opts: UploadLeaseOptions,
  ) {
    this.pid = opts.pid ?? process.pid;
    this.id = `${this.pid}-${crypto.randomBytes(6).toString('hex')}`;
    this.ttlMs = opts.ttlMs ?? 15_000;
    this.now = opts.now ?? (() => new Date());
    this.isAlive = opts.isAlive ?? processAlive;
    this.host = opts.host ?? os.hostname();
  }

  /** The current holder, if any (expired or not). */
  holder(): LeaseHolder | null {
    const row = cachedStatement(this.db, 'SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
    if (!row) return null;
    try {
      const h = JSON.parse(row.value) as Partial<LeaseHolder>;
      if (typeof h.id !== 'string' || typeof h.pid !== 'number' || typeof h.expiresAt !== 'string' || typeof h.host !== 'string') return null;
      return h as LeaseHolder;
    } catch {
      return null;
    }
  }

  /** True while we hold a lease that has not expired by our own clock. */
  get held(): boolean {
    return this.heldUntil > this.now().getTime();
  }

  /**
   * Takes the lease if it is free, expired, left by a dead process on this machine, or already ours
   * (then it is renewed). In one IMMEDIATE transaction, so two processes cannot both win.
   */
  acquire(): AcquireResult {
    const result = this.db
      .transaction((): AcquireResult => {
        const current = this.holder();
        const now = this.now();
        if (current && current.id !== this.id && !this.isStale(current, now)) return { ok: false, holder: current };
        this.write(current && current.id === this.id ? current.acquiredAt : now.toISOString(), now);
        return { ok: true };
      })
      .immediate();
    if (!result.ok) this.heldUntil = 0;
    return result;
  }

  /**
   * Keeps the lease fresh: renews it when a third of its life has passed. False when it was lost
   * (taken over after we stalled past the expiry): the caller must stop sending.
   */
  ensure(): boolean {
    const now = this.now().getTime();
    if (this.held && now - this.renewedAt < this.ttlMs / 3) return true;
    return this.acquire().ok;
  }

  /** Gives the lease up (on stop), if it is still ours. */
  release(): void {
    this.heldUntil = 0;
    this.db
      .transaction(() => {
        if (this.holder()?.id === this.id) cachedStatement(this.db, 'DELETE FROM settings WHERE key = ?').run(KEY);
      })
      .immediate();
  }

  private isStale(h: LeaseHolder, now: Date): boolean {
    if (h.expiresAt <= now.toISOString()) return true;
    return h.host === this.host && h.pid !== this.pid && !this.isAlive(h.pid);
  }

  private write(acquiredAt: string, now: Date): void {
    const expires = new Date(now.getTime() + this.ttlMs);
    const value: LeaseHolder = {
      id: this.id,
      pid: this.pid,
      host: this.host,
      role: this.opts.role,
      acquiredAt,
      heartbeatAt: now.toISOString(),
      expiresAt: expires.toISOString(),
    };
    cachedStatement(
      this.db,
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    ).run(KEY, JSON.stringify(value), now.toISOString());
    this.heldUntil = expires.getTime();
    this.renewedAt = now.getTime();
  }
}

/** The Chinese message for a refused lease, naming the holder. */
export function leaseHeldMessage(h: LeaseHolder): string {
  const who = h.role === 'app' ? '工作站' : h.role === 'cli' ? '另一个 counter sync' : h.role;
  return `${who}正在上报 (进程 ${h.pid}${h.host !== os.hostname() ? `，${h.host}` : ''})`;
}
