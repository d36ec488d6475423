/**
 * The uploader: sends queued cases to the platform outside the accepting transaction.
 *
 * - Bounded concurrency; oldest first; a cancellation never goes before its registration is done.
 * - Before a send the item is marked in-flight with the msgid it will use, so a crash leaves a
 *   record of what may have been sent; at start every in-flight item becomes 'unknown'.
 * - An 'unknown' item is first looked up on the platform by business key (or reversed with 2601
 *   where the kind cannot be queried) and only resent, with a new msgid, when it is not there.
 * - Answers: ok → done; business refusal → needs-clerk (err_msg verbatim), unless it is a duplicate
 *   refusal and the query finds our record → done; time-out / network / 5xx / garbled → unknown;
 *   other failures → retry later. Waiting items back off exponentially with full jitter.
 * - Network failures switch to offline: one gentle probe at a time until the platform answers.
 * - Only the holder of the upload lease sends (one uploader per database: the app or `counter sync`);
 *   crash recovery runs each time the lease is taken, never under another live uploader's feet.
 *
 * This file is the loop (scheduling, claim → send → record); its parts live beside it: sending one item in
 * item-delivery.ts, the failure rules in outcome-classification.ts, writing outcomes in outcome-recorder.ts,
 * lookups and 2601 in unknown-outcome.ts, batched 'done' writes in group-commit.ts, online/offline in
 * reachability.ts, holding the lease in lease-keeper.ts, the outbox rows' SQL in outbox-store.ts.
 */
import { EventEmitter } from 'node:events';
import type { Db } from '../store/database';
import type { AttachmentStore } from '../attachments/attachment-store';
import { AttachmentUploads, type UploadFile } from './attachment-uploads';
import type { BackoffPolicy } from './backoff';
import { GroupCommit } from './group-commit';
import { ItemDelivery } from './item-delivery';
import { DEFAULT_DUPLICATE_PATTERNS, DEFAULT_REVERSAL_NOT_FOUND } from './outcome-classification';
import { OutcomeRecorder } from './outcome-recorder';
import {
  claimDueItems,
  dueItems,
  makeDueNow,
  nextDueAt,
  openItemCount,
  recoverInFlight,
  undoClaims,
  unusedMsgid,
  type OutboxItem,
  type OutboxState,
  type TakenItem,
} from './outbox-store';
import type { PlatformCaller, SenderRegistry } from './platform-port';
import { Reachability, type ReachabilityChange } from './reachability';
import type { TransactionCodes } from './transaction-codes';
import { LeaseKeeper } from './lease-keeper';
import { addPass, countOutcome, emptySummary, type SyncSummary } from './sync-summary';
import { UploadLease, type LeaseHolder } from './upload-lease';

export type { SenderRegistry };

export interface UploaderOptions {
  db: Db;
  client: PlatformCaller;
  senders: SenderRegistry;
  codes: TransactionCodes;
  /** Sends at once (default 4). */
  concurrency?: number;
  /** Per-item retry backoff (default 2 s doubling, capped at 5 min). */
  backoff?: BackoffPolicy;
  /** Offline probe backoff (default 2 s doubling, capped at 1 min). */
  probe?: BackoffPolicy;
  /** How often the running loop looks for work queued by others (default 1 s). */
  pollMs?: number;
  /** err_msg fragments meaning "already registered" (then a query decides). */
  duplicatePatterns?: string[];
  /** err_msg fragments of a 2601 refusal meaning "the original transaction is not there". */
  reversalNotFoundPatterns?: string[];
  now?: () => Date;
  random?: () => number;
  actor?: string;
  /** The upload lease (default: one for this process, role 'app'). */
  lease?: UploadLease;
  /** Materials to upload with 9101 before each filing (see attachment-uploads.ts). */
  attachments?: { store: AttachmentStore; upload: UploadFile };
}

export type { SyncSummary };

export interface ChangedEvent {
  itemId: number;
  caseId: number;
  state: OutboxState;
}

/** The uploader's events and their payloads: a wrong name or payload does not compile. */
export type UploaderEvents = {
  /** An item changed state (itemId 0: several did, or something was queued). */
  changed: [ChangedEvent];
  online: [];
  offline: [];
  error: [Error];
  /** Another uploader took the lease over; this one waits. */
  'lease-lost': [LeaseHolder];
};

export class Uploader extends EventEmitter<UploaderEvents> {
  private readonly db: Db;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly now: () => Date;
  readonly lease: UploadLease;
  private readonly keeper: LeaseKeeper;

  private readonly reach: Reachability;
  private readonly dones: GroupCommit;
  private readonly delivery: ItemDelivery;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private currentPass: Promise<SyncSummary> | null = null;
  private readonly busy = new Set<number>();

  constructor(private readonly opts: UploaderOptions) {
    super();
    this.db = opts.db;
    this.concurrency = Math.max(1, opts.concurrency ?? 4);
    this.pollMs = opts.pollMs ?? 1000;
    this.now = opts.now ?? (() => new Date());
    const random = opts.random ?? Math.random;
    this.lease = opts.lease ?? new UploadLease(this.db, { role: 'app', now: this.now });
    this.keeper = new LeaseKeeper(this.lease, {
      taken: () => {
        const n = recoverInFlight(this.db, this.now());
        if (n > 0) this.emit('changed', { itemId: 0, caseId: 0, state: 'unknown' });
      },
      lost: (holder) => this.emit('lease-lost', holder),
      error: (err) => this.emit('error', err as Error),
    });
    this.reach = new Reachability(opts.probe ?? { baseMs: 2000, capMs: 60_000 }, this.now, random);
    const record = new OutcomeRecorder({
      db: this.db,
      actor: opts.actor ?? 'system:uploader',
      backoff: opts.backoff ?? { baseMs: 2000, capMs: 300_000 },
      now: this.now,
      random,
      changed: (item, state) => this.changed(item, state),
    });
    // Usually the next claim's transaction writes buffered 'done's; the timer and the cap bound how long they wait.
    this.dones = new GroupCommit(this.db, { cap: 2 * this.concurrency });
    this.delivery = new ItemDelivery({
      db: this.db,
      client: opts.client,
      senders: opts.senders,
      codes: opts.codes,
      record,
      dones: this.dones,
      now: this.now,
      freshMsgid: () => this.freshMsgid(),
      duplicatePatterns: opts.duplicatePatterns ?? DEFAULT_DUPLICATE_PATTERNS,
      reversalNotFoundPatterns: opts.reversalNotFoundPatterns ?? DEFAULT_REVERSAL_NOT_FOUND,
      changed: (item, state) => this.changed(item, state),
      answered: () => this.reached(this.reach.noteAnswer()),
      failed: (f) => this.reached(this.reach.noteFailure(f)),
      attachments: opts.attachments
        ? new AttachmentUploads({ db: this.db, ...opts.attachments, freshMsgid: () => this.freshMsgid(), now: this.now })
        : undefined,
    });
  }

  get online(): boolean {
    return this.reach.online;
  }

  status(): { online: boolean; running: boolean; active: number } {
    return { online: this.reach.online, running: this.running, active: this.busy.size };
  }

  /** Crash recovery, then keep sending until stop(). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Stops taking new work and waits for the sends under way to finish. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.currentPass) await this.currentPass.catch(() => undefined);
    this.dones.flush();
    this.keeper.release();
  }

  /** One pass: works every item that is due now (respecting dependencies and offline), then returns. */
  syncOnce(): Promise<SyncSummary> {
    if (this.currentPass) return this.currentPass.then(() => this.syncOnce());
    const pass = this.pass().finally(() => {
      if (this.currentPass === pass) this.currentPass = null;
    });
    this.currentPass = pass;
    return pass;
  }

  /**
   * Works the queue until nothing is left that can be sent (every item done, waiting for the clerk, or
   * behind one that is), sleeping between passes until the next item is due. Stops early on abort.
   */
  async drain(signal?: AbortSignal): Promise<SyncSummary> {
    const total = emptySummary(this.reach.online);
    for (;;) {
      const s = await this.syncOnce();
      addPass(total, s);
      if (s.leaseHolder || signal?.aborted || nextDueAt(this.db) === null) return total;
      const delay = this.idleDelay();
      if (delay > 0) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(done, delay);
          function done() {
            clearTimeout(t);
            signal?.removeEventListener('abort', done);
            resolve();
          }
          signal?.addEventListener('abort', done, { once: true });
        });
      }
      if (signal?.aborted) return total;
    }
  }

  /** Makes waiting items due now (all, or one — which also re-queues an item the clerk has dealt with). */
  retryNow(itemId?: number): number {
    const n = makeDueNow(this.db, this.now(), itemId);
    if (itemId === undefined || n > 0) this.reach.probeNow(); // the clerk asked: probe at once
    if (n > 0) {
      this.emit('changed', { itemId: itemId ?? 0, caseId: 0, state: 'retry' });
      if (this.running) this.schedule(0);
    }
    return n;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.syncOnce()
        .catch((err) => this.emit('error', err))
        .finally(() => this.schedule(this.idleDelay()));
    }, Math.max(0, delayMs));
  }

  /** How long the loop may sleep: until the next item is due, but never longer than the poll interval. */
  private idleDelay(): number {
    const now = this.now().getTime();
    let wake = now + this.pollMs;
    const next = nextDueAt(this.db);
    if (next) wake = Math.min(wake, Date.parse(next));
    return Math.max(0, this.reach.wakeAt(wake) - now);
  }

  private async pass(): Promise<SyncSummary> {
    // Taking the lease (again) runs crash recovery; another live uploader's in-flight items are left alone.
    const summary = emptySummary(this.reach.online);
    const blockedBy = this.keeper.take();
    if (blockedBy) {
      summary.open = openItemCount(this.db);
      summary.leaseHolder = blockedBy;
      return summary;
    }
    const stopHeartbeat = this.keeper.heartbeat();
    try {
      return await this.passUnderLease(summary);
    } finally {
      stopHeartbeat();
    }
  }

  private async passUnderLease(summary: SyncSummary): Promise<SyncSummary> {
    const active = new Set<Promise<void>>();
    // Claimed ahead (in-flight, msgid persisted) in one transaction per batch, sent as slots free up.
    const ready: TakenItem[] = [];
    for (;;) {
      const limit = this.reach.sendLimit(this.concurrency, active.size);
      if (limit <= 1 && ready.length > 0) this.giveBack(ready.splice(0));
      while (active.size < limit) {
        // Lost the lease (we stalled past its expiry and someone took over): send nothing more, and leave the
        // rows alone — the new holder has already taken them as "unknown" and will look them up.
        if (!this.keeper.holding || !this.lease.held) {
          this.forget(ready.splice(0));
          break;
        }
        if (ready.length === 0) ready.push(...this.claim(limit));
        const next = ready.shift();
        if (!next) break;
        const { item, claim } = next;
        summary.attempted++;
        const p = this.delivery.work(item, claim)
          .then((outcome) => countOutcome(summary, outcome))
          .finally(() => {
            this.busy.delete(item.id);
            active.delete(p);
          });
        active.add(p);
      }
      if (active.size === 0) {
        // Buffered 'done's may free dependants (a cancellation behind its registration): write, look again.
        if (this.dones.size === 0) break;
        this.dones.flush();
        continue;
      }
      await Promise.race(active);
    }
    this.giveBack(ready.splice(0));
    this.dones.flush();
    summary.online = this.reach.online;
    summary.open = openItemCount(this.db);
    return summary;
  }

  /**
   * Takes up to `limit` due items. Fresh sends are marked in-flight with their msgid in ONE transaction
   * (one fsync for the batch), which also writes the completions buffered so far (their dependants may
   * become due); items of unknown outcome are resolved one by one (ItemDelivery.work).
   */
  private claim(limit: number): TakenItem[] {
    const now = this.now();
    const dones = this.dones.take();
    // msgids are drawn BEFORE the claim transaction: a reservation made inside it would vanish if it rolled
    // back while this process kept the ids. Enough for what is due, plus what the buffered dones may free.
    const wanted = Math.min(limit, dueItems(this.db, now, limit, this.busy).length + dones.length);
    let msgids: string[];
    try {
      msgids = Array.from({ length: wanted }, () => this.freshMsgid());
    } catch (err) {
      this.dones.putBack(dones);
      throw err;
    }
    // IMMEDIATE: reads then writes, possibly beside another process's writes (the app and the CLI).
    let claimed: TakenItem[];
    try {
      claimed = this.db
        .transaction(() => {
          for (const w of dones) w();
          if (!this.lease.held || wanted === 0) return [];
          return claimDueItems(this.db, now, wanted, this.busy, msgids);
        })
        .immediate();
    } catch (err) {
      this.dones.putBack(dones); // not written: keep them for the next try
      throw err;
    }
    for (const c of claimed) this.busy.add(c.item.id);
    return claimed;
  }

  /** Gives back items taken but never worked: claimed sends are undone (they never left), all leave `busy`. */
  private giveBack(entries: TakenItem[]): void {
    if (!this.keeper.holding) return this.forget(entries);
    const claims = entries.flatMap((r) => (r.claim ? [r.claim] : []));
    undoClaims(this.db, claims, this.now());
    for (const e of entries) this.busy.delete(e.item.id);
  }

  private forget(entries: TakenItem[]): void {
    for (const e of entries) this.busy.delete(e.item.id);
  }

  private reached(change: ReachabilityChange): void {
    if (change === 'went-offline') this.emit('offline');
    else if (change === 'came-online') {
      // Back online: what waited out the outage goes now rather than at its backed-off time.
      makeDueNow(this.db, this.now());
      this.emit('online');
    }
  }

  /** After a restart the client's per-second sequence starts again: never reuse a msgid we recorded. */
  private freshMsgid(): string {
    return unusedMsgid(this.db, () => this.opts.client.newMsgid());
  }

  private changed(item: OutboxItem, state: OutboxState): void {
    this.emit('changed', { itemId: item.id, caseId: item.caseId, state });
  }
}
