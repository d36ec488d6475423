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
 */
import { EventEmitter } from 'node:events';
import {
  changeCaseState,
  getCase,
  isCancelKind,
  KIND_LABELS,
  type CaseKind,
  type CaseRecord,
} from '../cases/case-store';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statement-cache';
import { backoffDelay, type BackoffPolicy } from './backoff';
import {
  beginAttempt,
  dueItems,
  finishAttempt,
  getOutboxItem,
  makeDueNow,
  nextDueAt,
  openItemCount,
  recoverInFlight,
  setItemState,
  type AttemptOutcome,
  type OutboxItem,
  type OutboxState,
} from './outbox-store';
import { asPlatformFailure, caseOperator, NotOurs, type CaseSender, type PlatformCaller, type PlatformFailure, type SendContext } from './platform-port';
import { REVERSAL_INFNO, type TransactionCodes } from './transaction-codes';
import { UploadLease, type LeaseHolder } from './upload-lease';

export type SenderRegistry = Record<CaseKind, CaseSender>;

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
}

export interface SyncSummary {
  attempted: number;
  done: number;
  retry: number;
  unknown: number;
  needsClerk: number;
  online: boolean;
  /** Items still waiting (pending, retry, unknown) after this pass. */
  open: number;
  /** Set when nothing was sent because another uploader holds the lease. */
  leaseHolder?: LeaseHolder;
}

export interface ChangedEvent {
  itemId: number;
  caseId: number;
  state: OutboxState;
}

type Outcome = 'done' | 'retry' | 'unknown' | 'needs-clerk';
type AttemptEnd = { id: number; outcome: AttemptOutcome; message: string | null };
type Claim = { item: OutboxItem; msgid: string; attemptId: number };

const DEFAULT_DUPLICATE_PATTERNS = ['重复', '已存在', '已备案', '已申报', '已提交'];
const DEFAULT_REVERSAL_NOT_FOUND = ['不存在', '未找到', '无此交易', '无需冲正'];

export class Uploader extends EventEmitter {
  private readonly db: Db;
  private readonly client: PlatformCaller;
  private readonly concurrency: number;
  private readonly backoff: BackoffPolicy;
  private readonly probe: BackoffPolicy;
  private readonly pollMs: number;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly actor: string;
  private readonly duplicatePatterns: string[];
  private readonly reversalNotFound: string[];
  readonly lease: UploadLease;
  private holdingLease = false;

  private isOnline = true;
  private probeFailures = 0;
  private probeAt = 0;
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private currentPass: Promise<SyncSummary> | null = null;
  private readonly busy = new Set<number>();
  private doneBuffer: Array<() => void> = [];
  private flushTimer: NodeJS.Timeout | null = null;

  constructor(private readonly opts: UploaderOptions) {
    super();
    this.db = opts.db;
    this.client = opts.client;
    this.concurrency = Math.max(1, opts.concurrency ?? 4);
    this.backoff = opts.backoff ?? { baseMs: 2000, capMs: 300_000 };
    this.probe = opts.probe ?? { baseMs: 2000, capMs: 60_000 };
    this.pollMs = opts.pollMs ?? 1000;
    this.now = opts.now ?? (() => new Date());
    this.random = opts.random ?? Math.random;
    this.actor = opts.actor ?? 'system:uploader';
    this.duplicatePatterns = opts.duplicatePatterns ?? DEFAULT_DUPLICATE_PATTERNS;
    this.reversalNotFound = opts.reversalNotFoundPatterns ?? DEFAULT_REVERSAL_NOT_FOUND;
    this.lease = opts.lease ?? new UploadLease(this.db, { role: 'app', now: this.now });
  }

  get online(): boolean {
    return this.isOnline;
  }

  status(): { online: boolean; running: boolean; active: number } {
    return { online: this.isOnline, running: this.running, active: this.busy.size };
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
    this.flushDone();
    if (this.holdingLease) this.lease.release();
    this.holdingLease = false;
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
    const total: SyncSummary = { attempted: 0, done: 0, retry: 0, unknown: 0, needsClerk: 0, online: this.isOnline, open: 0 };
    for (;;) {
      const s = await this.syncOnce();
      total.attempted += s.attempted;
      total.done += s.done;
      total.retry += s.retry;
      total.unknown += s.unknown;
      total.needsClerk += s.needsClerk;
      total.online = s.online;
      total.open = s.open;
      total.leaseHolder = s.leaseHolder;
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
    if (itemId === undefined || n > 0) this.probeAt = 0; // the clerk asked: probe at once
    if (n > 0) {
      this.emit('changed', { itemId: itemId ?? 0, caseId: 0, state: 'retry' } satisfies ChangedEvent);
      if (this.running) this.schedule(0);
    }
    return n;
  }

  /**
   * Holds the lease or says who does. Taking it (again) runs crash recovery: whatever a previous holder
   * left in-flight may or may not have been sent.
   */
  private ensureLease(): LeaseHolder | null {
    if (this.lease.ensure()) {
      if (!this.holdingLease) {
        this.holdingLease = true;
        const n = recoverInFlight(this.db, this.now());
        if (n > 0) this.emit('changed', { itemId: 0, caseId: 0, state: 'unknown' } satisfies ChangedEvent);
      }
      return null;
    }
    if (this.holdingLease) this.loseLease();
    return this.lease.holder() ?? { id: '?', pid: 0, host: '?', role: '?', acquiredAt: '', heartbeatAt: '', expiresAt: '' };
  }

  private loseLease(): void {
    this.holdingLease = false;
    const holder = this.lease.holder();
    if (holder) this.emit('lease-lost', holder);
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
    if (!this.isOnline) wake = Math.max(wake, this.probeAt);
    return Math.max(0, wake - now);
  }

  private async pass(): Promise<SyncSummary> {
    const summary: SyncSummary = { attempted: 0, done: 0, retry: 0, unknown: 0, needsClerk: 0, online: this.isOnline, open: 0 };
    const blockedBy = this.ensureLease();
    if (blockedBy) {
      summary.open = openItemCount(this.db);
      summary.leaseHolder = blockedBy;
      return summary;
    }
    // Heartbeat while requests are out: a long wait on the platform must not let the lease lapse. It only
    // renews; recovery belongs to the start of a pass, never under our own requests.
    const heartbeat = setInterval(() => {
      try {
        if (this.holdingLease && !this.lease.ensure()) this.loseLease();
      } catch (err) {
        this.emit('error', err);
      }
    }, Math.max(50, this.lease.ttlMs / 3));
    heartbeat.unref();
    try {
      return await this.passUnderLease(summary);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async passUnderLease(summary: SyncSummary): Promise<SyncSummary> {
    const active = new Set<Promise<void>>();
    // Claimed ahead (in-flight, msgid persisted) in one transaction per batch, sent as slots free up.
    const ready: Array<{ item: OutboxItem; claim?: Claim }> = [];
    for (;;) {
      // Offline: a single probe, and only once its time has come.
      const limit = this.isOnline ? this.concurrency : this.now().getTime() >= this.probeAt && active.size === 0 ? 1 : 0;
      if (limit <= 1 && ready.length > 0) this.giveBack(ready.splice(0));
      while (active.size < limit) {
        // Lost the lease (we stalled past its expiry and someone took over): send nothing more, and leave the
        // rows alone — the new holder has already taken them as "unknown" and will look them up.
        if (!this.holdingLease || !this.lease.held) {
          this.forget(ready.splice(0));
          break;
        }
        if (ready.length === 0) ready.push(...this.claim(limit));
        const next = ready.shift();
        if (!next) break;
        const { item, claim } = next;
        summary.attempted++;
        const p = this.work(item, claim)
          .then((outcome) => {
            if (outcome === 'done') summary.done++;
            else if (outcome === 'retry') summary.retry++;
            else if (outcome === 'unknown') summary.unknown++;
            else summary.needsClerk++;
          })
          .finally(() => {
            this.busy.delete(item.id);
            active.delete(p);
          });
        active.add(p);
      }
      if (active.size === 0) {
        // Buffered 'done's may free dependants (a cancellation behind its registration): write, look again.
        if (this.doneBuffer.length === 0) break;
        this.flushDone();
        continue;
      }
      await Promise.race(active);
    }
    this.giveBack(ready.splice(0));
    this.flushDone();
    summary.online = this.isOnline;
    summary.open = openItemCount(this.db);
    return summary;
  }

  /**
   * Takes up to `limit` due items. Fresh sends are marked in-flight with their msgid in ONE transaction
   * (one fsync for the batch), which also writes the completions buffered so far (their dependants may
   * become due); items of unknown outcome are resolved one by one in work().
   */
  private claim(limit: number): Array<{ item: OutboxItem; claim?: Claim }> {
    const now = this.now();
    const dones = this.takeDoneBuffer();
    // msgids are drawn BEFORE the claim transaction: a reservation made inside it would vanish if it rolled
    // back while this process kept the ids. Enough for what is due, plus what the buffered dones may free.
    const wanted = Math.min(limit, dueItems(this.db, now, limit, this.busy).length + dones.length);
    let msgids: string[];
    try {
      msgids = Array.from({ length: wanted }, () => this.freshMsgid());
    } catch (err) {
      this.doneBuffer.unshift(...dones);
      throw err;
    }
    // IMMEDIATE: reads then writes, possibly beside another process's writes (the app and the CLI).
    let claimed: Array<{ item: OutboxItem; claim?: Claim }>;
    try {
      claimed = this.db
        .transaction(() => {
          for (const w of dones) w();
          if (!this.lease.held || wanted === 0) return [];
          return dueItems(this.db, now, wanted, this.busy).map((item) => {
            if (item.state === 'unknown' && item.msgid) return { item };
            const msgid = msgids.shift()!;
            const attemptId = beginAttempt(this.db, item.id, { action: 'send', infno: item.infno, msgid, now });
            return { item, claim: { item, msgid, attemptId } };
          });
        })
        .immediate();
    } catch (err) {
      this.doneBuffer.unshift(...dones); // not written: keep them for the next try
      throw err;
    }
    for (const c of claimed) this.busy.add(c.item.id);
    return claimed;
  }

  /** Gives back items taken but never worked: claimed sends are undone (they never left), all leave `busy`. */
  private giveBack(entries: Array<{ item: OutboxItem; claim?: Claim }>): void {
    if (!this.holdingLease) return this.forget(entries);
    this.release(entries.flatMap((r) => (r.claim ? [r.claim] : [])));
    for (const e of entries) this.busy.delete(e.item.id);
  }

  private forget(entries: Array<{ item: OutboxItem; claim?: Claim }>): void {
    for (const e of entries) this.busy.delete(e.item.id);
  }

  /** Undoes claimed sends that were never sent (e.g. the platform went offline meanwhile). */
  private release(claims: Claim[]): void {
    if (claims.length === 0) return;
    this.db.transaction(() => {
      for (const c of claims) {
        cachedStatement(this.db, 'DELETE FROM outbox_attempts WHERE id = ?').run(c.attemptId);
        cachedStatement(this.db, `UPDATE outbox SET state = ?, msgid = ?, attempts = ?, updated_at = ? WHERE id = ?`).run(
          c.item.state,
          c.item.msgid,
          c.item.attempts,
          this.now().toISOString(),
          c.item.id,
        );
      }
    }).immediate();
    for (const c of claims) this.busy.delete(c.item.id);
  }

  private async work(item: OutboxItem, claim?: Claim): Promise<Outcome> {
    const c = getCase(this.db, item.caseId);
    if (!c) return this.settleNeedsClerk(item, null, null, `办件 ${item.caseId} 不存在`);
    const sender = this.opts.senders[c.kind];
    const registration = c.relatedCaseId !== null ? getCase(this.db, c.relatedCaseId) : undefined;
    try {
      if (!sender) throw new Error(`没有${KIND_LABELS[c.kind]}的上报方式`);
      if (item.state === 'unknown' && item.msgid) {
        const resolved = await this.resolveUnknown(item, c, sender, registration);
        if (resolved !== 'resend') return resolved;
      }
      return await this.send(item, c, sender, registration, claim);
    } catch (err) {
      // A fault of ours (cannot build the input, no sender): the clerk must look; nothing was sent twice.
      return this.settleNeedsClerk(item, c, null, `无法上报: ${(err as Error).message}`);
    }
  }

  private freshMsgid(): string {
    // After a restart the client's per-second sequence starts again: never reuse a msgid we recorded.
    const used = cachedStatement(this.db, 'SELECT 1 FROM outbox_attempts WHERE msgid = ? LIMIT 1');
    for (let i = 0; i < 10_000; i++) {
      const id = this.client.newMsgid();
      if (!used.get(id)) return id;
    }
    throw new Error('无法生成未使用过的报文编号');
  }

  private async send(item: OutboxItem, c: CaseRecord, sender: CaseSender, registration?: CaseRecord, claim?: Claim): Promise<Outcome> {
    const msgid = claim?.msgid ?? this.freshMsgid();
    const attempt = claim?.attemptId ?? beginAttempt(this.db, item.id, { action: 'send', infno: item.infno, msgid, now: this.now() });
    this.changed(item, 'in-flight');
    const ctx: SendContext = { client: this.client, msgid, registration, operator: caseOperator(c) };
    let output: Record<string, unknown>;
    try {
      output = await sender.send(ctx, c);
    } catch (err) {
      const f = asPlatformFailure(err);
      if (!f) {
        finishAttempt(this.db, attempt, 'error', (err as Error).message, this.now());
        throw err;
      }
      this.noteReachability(f);
      if (f.kind === 'business' && f.infno && f.infno !== item.infno) {
        // The client's sign-in was refused, not our case: nothing was sent, try again later.
        const msg = `签到失败 (${f.infno}): ${f.errMsg ?? f.message}`;
        return this.settleWaiting(item, 'retry', msg, { id: attempt, outcome: 'error', message: msg });
      }
      if (f.kind === 'business') {
        const msg = f.errMsg ?? f.message;
        const refused = { id: attempt, outcome: 'refused' as const, message: msg };
        if (sender.query && this.isDuplicateRefusal(msg)) {
          finishAttempt(this.db, attempt, 'refused', msg, this.now());
          const found = await this.lookUp(item, c, sender, registration);
          if (found.kind === 'found') return this.settleDone(item, c, found.record, registration, '平台已有该记录 (查询确认是本办件)');
          if (found.kind === 'failed') return found.outcome;
          if (found.kind === 'not-ours') return this.settleNeedsClerk(item, c, `${found.message}；平台答复: ${msg}`, `平台退回: ${found.message}`);
          return this.settleNeedsClerk(item, c, msg, `平台退回: ${msg}`);
        }
        return this.settleNeedsClerk(item, c, msg, `平台退回: ${msg}`, refused);
      }
      return this.settleWaiting(item, f.outcomeUnknown ? 'unknown' : 'retry', f.message, {
        id: attempt,
        outcome: f.outcomeUnknown ? 'unknown' : 'error',
        message: f.message,
      });
    }
    this.markOnline();
    // Group commit: a crash before the flush leaves the item in-flight → unknown → found by the query.
    this.doneBuffer.push(() => this.writeDone(item, c, output, registration, '平台已受理', { id: attempt, outcome: 'ok', message: null }));
    // Usually the next claim's transaction writes these; the timer and the cap bound how long they wait.
    if (this.doneBuffer.length >= 2 * this.concurrency) this.flushDone();
    else this.flushTimer ??= setTimeout(() => this.flushDone(), 5);
    return 'done';
  }

  /** An earlier send may have reached the platform: find out before sending again. */
  private async resolveUnknown(
    item: OutboxItem,
    c: CaseRecord,
    sender: CaseSender,
    registration?: CaseRecord,
  ): Promise<Outcome | 'resend'> {
    if (sender.query) {
      const found = await this.lookUp(item, c, sender, registration);
      if (found.kind === 'found') return this.settleDone(item, c, found.record, registration, '查询确认平台已办理 (本办件)');
      if (found.kind === 'failed') return found.outcome;
      // Someone else's record for the same business: resending would be refused (or worse, filed twice).
      if (found.kind === 'not-ours') return this.settleNeedsClerk(item, c, found.message, `平台已有他人办理的记录: ${found.message}`);
      return 'resend';
    }
    return this.reverse(item, c);
  }

  private async lookUp(
    item: OutboxItem,
    c: CaseRecord,
    sender: CaseSender,
    registration?: CaseRecord,
  ): Promise<
    | { kind: 'found'; record: Record<string, unknown> }
    | { kind: 'not-ours'; message: string }
    | { kind: 'not-found' }
    | { kind: 'failed'; outcome: Outcome }
  > {
    const queryInfno = this.opts.codes[c.kind]?.queryInfno ?? 'query';
    const msgid = this.freshMsgid();
    const attempt = beginAttempt(this.db, item.id, { action: 'query', infno: queryInfno, msgid, now: this.now() });
    try {
      const record = await sender.query!({ client: this.client, msgid, registration, operator: caseOperator(c) }, c);
      this.markOnline();
      if (record instanceof NotOurs) {
        finishAttempt(this.db, attempt, 'not-ours', record.message, this.now());
        return { kind: 'not-ours', message: record.message };
      }
      finishAttempt(this.db, attempt, record ? 'found' : 'not-found', null, this.now());
      return record ? { kind: 'found', record } : { kind: 'not-found' };
    } catch (err) {
      const f = asPlatformFailure(err);
      const msg = f ? (f.errMsg ?? f.message) : (err as Error).message;
      finishAttempt(this.db, attempt, 'error', `查询失败: ${msg}`, this.now());
      if (f) this.noteReachability(f);
      // Still unknown: we must not resend until a query answers.
      return { kind: 'failed', outcome: this.settleWaiting(item, 'unknown', `查询失败: ${msg}`) };
    }
  }

  /** 2601 冲正 of the last send, for kinds the platform cannot look up. */
  private async reverse(item: OutboxItem, c: CaseRecord): Promise<Outcome | 'resend'> {
    const msgid = this.freshMsgid();
    const attempt = beginAttempt(this.db, item.id, { action: 'reverse', infno: REVERSAL_INFNO, msgid, now: this.now() });
    try {
      await this.client.call(
        REVERSAL_INFNO,
        { psn_no: c.psnNo, omsgid: item.msgid, oinfno: item.infno },
        { msgid, insuplcAdmdvs: c.insuplcAdmdvs ?? undefined, operator: caseOperator(c) },
      );
      finishAttempt(this.db, attempt, 'ok', '已冲正原交易', this.now());
      this.markOnline();
      return 'resend';
    } catch (err) {
      const f = asPlatformFailure(err);
      if (!f) throw err;
      this.noteReachability(f);
      const msg = f.errMsg ?? f.message;
      if (f.kind === 'business' && f.infno && f.infno !== REVERSAL_INFNO) {
        finishAttempt(this.db, attempt, 'error', `签到失败 (${f.infno}): ${msg}`, this.now());
        return this.settleWaiting(item, 'unknown', `签到失败 (${f.infno}): ${msg}`);
      }
      if (f.kind === 'business') {
        if (this.reversalNotFound.some((p) => msg.includes(p))) {
          finishAttempt(this.db, attempt, 'not-found', msg, this.now());
          return 'resend';
        }
        finishAttempt(this.db, attempt, 'refused', msg, this.now());
        return this.settleNeedsClerk(item, c, msg, `冲正被拒绝，请人工核实: ${msg}`);
      }
      finishAttempt(this.db, attempt, 'error', `冲正失败: ${msg}`, this.now());
      return this.settleWaiting(item, 'unknown', `冲正失败: ${msg}`);
    }
  }

  private isDuplicateRefusal(msg: string): boolean {
    return this.duplicatePatterns.some((p) => msg.includes(p));
  }

  private settleDone(
    item: OutboxItem,
    c: CaseRecord,
    output: Record<string, unknown>,
    registration: CaseRecord | undefined,
    why: string,
    attempt?: AttemptEnd,
  ): Outcome {
    this.db.transaction(() => this.writeDone(item, c, output, registration, why, attempt)).immediate();
    return 'done';
  }

  private writeDone(
    item: OutboxItem,
    c: CaseRecord,
    output: Record<string, unknown>,
    registration: CaseRecord | undefined,
    why: string,
    attempt?: AttemptEnd,
  ): void {
    const now = this.now();
    if (attempt) finishAttempt(this.db, attempt.id, attempt.outcome, attempt.message, now);
    setItemState(this.db, item.id, { state: 'done', now, lastError: null, platformMessage: null });
    changeCaseState(this.db, c.id, 'filed', { actor: this.actor, reason: why, now, result: output });
    if (isCancelKind(c.kind) && registration) {
      changeCaseState(this.db, registration.id, 'cancelled', { actor: this.actor, reason: `已撤销 (办件 ${c.caseNo})`, now });
    }
    this.changed(item, 'done');
  }

  /** Writes every buffered 'done' in one transaction. */
  private flushDone(): void {
    const writes = this.takeDoneBuffer();
    if (writes.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const w of writes) w();
      }).immediate();
    } catch (err) {
      this.doneBuffer.unshift(...writes);
      throw err;
    }
  }

  private takeDoneBuffer(): Array<() => void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    return this.doneBuffer.splice(0);
  }

  private settleNeedsClerk(
    item: OutboxItem,
    c: CaseRecord | null,
    platformMessage: string | null,
    why: string,
    attempt?: AttemptEnd,
  ): Outcome {
    const now = this.now();
    this.db.transaction(() => {
      if (attempt) finishAttempt(this.db, attempt.id, attempt.outcome, attempt.message, now);
      setItemState(this.db, item.id, { state: 'needs-clerk', now, lastError: why, platformMessage });
      if (c) changeCaseState(this.db, c.id, 'needs-clerk', { actor: this.actor, reason: why, now });
    }).immediate();
    this.changed(item, 'needs-clerk');
    return 'needs-clerk';
  }

  private settleWaiting(item: OutboxItem, state: 'retry' | 'unknown', why: string, attempt?: AttemptEnd): Outcome {
    const now = this.now();
    this.db.transaction(() => {
      if (attempt) finishAttempt(this.db, attempt.id, attempt.outcome, attempt.message, now);
      const attempts = getOutboxItem(this.db, item.id)?.attempts ?? 1;
      const next = new Date(now.getTime() + backoffDelay(attempts, this.backoff, this.random));
      setItemState(this.db, item.id, { state, now, nextAttemptAt: next, lastError: why });
    }).immediate();
    this.changed(item, state);
    return state;
  }

  /** Network-level failures mean offline; any answer from the platform means online. */
  private noteReachability(f: PlatformFailure): void {
    if (f.kind === 'network' || f.kind === 'timeout') {
      this.probeFailures++;
      this.probeAt = this.now().getTime() + backoffDelay(this.probeFailures, this.probe, this.random);
      if (this.isOnline) {
        this.isOnline = false;
        this.emit('offline');
      }
    } else {
      this.markOnline();
    }
  }

  private markOnline(): void {
    this.probeFailures = 0;
    this.probeAt = 0;
    if (!this.isOnline) {
      this.isOnline = true;
      // Back online: what waited out the outage goes now rather than at its backed-off time.
      makeDueNow(this.db, this.now());
      this.emit('online');
    }
  }

  private changed(item: OutboxItem, state: OutboxState): void {
    this.emit('changed', { itemId: item.id, caseId: item.caseId, state } satisfies ChangedEvent);
  }
}
