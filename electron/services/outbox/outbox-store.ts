/**
 * Outbox rows and their attempt history: the one home of the outbox tables' SQL. The uploader changes an
 * item (claims and undoes claims included) only through these functions, so every state change is one short
 * transaction and the attempt history is always written with it.
 */
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statement-cache';
import { OUTBOX_STATES } from './outbox-schema';

export { OUTBOX_STATES };
export type OutboxState = (typeof OUTBOX_STATES)[number];
export type AttemptAction = 'send' | 'query' | 'reverse';
/** ok = accepted by the platform; refused = business refusal; unknown = may or may not have been done. */
/** found = ours (carries our 办件编号); not-ours = the business is on the platform, filed by someone else. */
export type AttemptOutcome = 'ok' | 'refused' | 'unknown' | 'error' | 'found' | 'not-ours' | 'not-found' | 'interrupted';

export interface OutboxItem {
  id: number;
  caseId: number;
  infno: string;
  /** msgid of the last send, persisted before it left: what may have reached the platform. */
  msgid: string | null;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  platformMessage: string | null;
  dependsOn: number | null;
  /** Why the item may not go yet (a 容缺 case waiting for its materials); null = free to go. */
  held: string | null;
  /** How the clerk closed a 需人工处理 item (resubmitted / voided / settled elsewhere); null = open. */
  resolution: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OutboxAttempt {
  id: number;
  outboxId: number;
  action: AttemptAction;
  infno: string;
  msgid: string | null;
  startedAt: string;
  finishedAt: string | null;
  outcome: AttemptOutcome | null;
  message: string | null;
}

interface ItemRow {
  id: number;
  case_id: number;
  infno: string;
  msgid: string | null;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  platform_message: string | null;
  depends_on: number | null;
  held?: string | null;
  resolution?: string | null;
  created_at: string;
  updated_at: string;
}

export function toItem(r: ItemRow): OutboxItem {
  return {
    id: r.id,
    caseId: r.case_id,
    infno: r.infno,
    msgid: r.msgid,
    state: r.state,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    platformMessage: r.platform_message,
    dependsOn: r.depends_on,
    held: r.held ?? null,
    resolution: r.resolution ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function insertOutboxItem(db: Db, v: { caseId: number; infno: string; dependsOn: number | null; now: Date }): OutboxItem {
  const at = v.now.toISOString();
  const info = cachedStatement(
    db,
    `INSERT INTO outbox (case_id, infno, state, attempts, next_attempt_at, depends_on, created_at, updated_at)
     VALUES (?, ?, 'pending', 0, ?, ?, ?, ?)`,
  ).run(v.caseId, v.infno, at, v.dependsOn, at, at);
  // Built from what was written: no re-read inside the accepting transaction.
  return {
    id: Number(info.lastInsertRowid),
    caseId: v.caseId,
    infno: v.infno,
    msgid: null,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    lastError: null,
    platformMessage: null,
    dependsOn: v.dependsOn,
    held: null,
    resolution: null,
    createdAt: at,
    updatedAt: at,
  };
}

export function getOutboxItem(db: Db, id: number): OutboxItem | undefined {
  const row = cachedStatement(db, 'SELECT * FROM outbox WHERE id = ?').get(id) as ItemRow | undefined;
  return row && toItem(row);
}

export function getOutboxItemByCase(db: Db, caseId: number): OutboxItem | undefined {
  const row = cachedStatement(db, 'SELECT * FROM outbox WHERE case_id = ?').get(caseId) as ItemRow | undefined;
  return row && toItem(row);
}

/**
 * Items that may be worked on now: waiting states, due, and whose dependency (a cancellation's
 * registration) is done. Oldest first, so a registration always goes before later work.
 */
export function dueItems(db: Db, now: Date, limit: number, exclude: ReadonlySet<number> = new Set()): OutboxItem[] {
  const rows = cachedStatement(
    db,
    `SELECT o.* FROM outbox o INDEXED BY outbox_waiting
     LEFT JOIN outbox d ON d.id = o.depends_on
     WHERE o.state IN ('pending', 'retry', 'unknown') AND o.next_attempt_at <= ? AND o.held IS NULL
       AND (o.depends_on IS NULL OR d.state = 'done')
     ORDER BY o.next_attempt_at, o.id
     LIMIT ?`,
  ).all(now.toISOString(), limit + exclude.size) as ItemRow[];
  return rows.filter((r) => !exclude.has(r.id)).slice(0, limit).map(toItem);
}

/** A send claimed ahead: in-flight with its msgid persisted, not yet sent. */
export interface Claim {
  item: OutboxItem;
  msgid: string;
  attemptId: number;
}

/** A due item taken for work: a fresh send comes claimed; an item of unknown outcome is looked up first. */
export interface TakenItem {
  item: OutboxItem;
  claim?: Claim;
}

/**
 * Takes up to `limit` due items, claiming each fresh send with one of `msgids` (drawn by the caller BEFORE
 * its transaction: a reservation made inside would vanish on rollback). Run inside the caller's transaction.
 */
export function claimDueItems(db: Db, now: Date, limit: number, exclude: ReadonlySet<number>, msgids: string[]): TakenItem[] {
  return dueItems(db, now, limit, exclude).map((item) => {
    if (item.state === 'unknown' && item.msgid) return { item };
    const msgid = msgids.shift()!;
    const attemptId = beginAttempt(db, item.id, { action: 'send', infno: item.infno, msgid, now });
    return { item, claim: { item, msgid, attemptId } };
  });
}

/** Undoes claimed sends that never left: their attempts go, the items are as they were before the claim. */
export function undoClaims(db: Db, claims: readonly Claim[], now: Date): void {
  if (claims.length === 0) return;
  db.transaction(() => {
    for (const c of claims) {
      cachedStatement(db, 'DELETE FROM outbox_attempts WHERE id = ?').run(c.attemptId);
      cachedStatement(db, `UPDATE outbox SET state = ?, msgid = ?, attempts = ?, updated_at = ? WHERE id = ?`).run(
        c.item.state,
        c.item.msgid,
        c.item.attempts,
        now.toISOString(),
        c.item.id,
      );
    }
  }).immediate();
}

/** A msgid no attempt has recorded: after a restart the client's per-second sequence starts again. */
export function unusedMsgid(db: Db, draw: () => string): string {
  const used = cachedStatement(db, 'SELECT 1 FROM outbox_attempts WHERE msgid = ? LIMIT 1');
  for (let i = 0; i < 10_000; i++) {
    const id = draw();
    if (!used.get(id)) return id;
  }
  throw new Error('无法生成未使用过的报文编号');
}

/** Earliest next_attempt_at among waiting items whose dependency is done (for the scheduler). */
export function nextDueAt(db: Db): string | null {
  const row = cachedStatement(
    db,
    `SELECT MIN(o.next_attempt_at) AS at FROM outbox o LEFT JOIN outbox d ON d.id = o.depends_on
     WHERE o.state IN ('pending', 'retry', 'unknown') AND o.held IS NULL AND (o.depends_on IS NULL OR d.state = 'done')`,
  ).get() as { at: string | null };
  return row.at;
}

/** Number of items that still have work to do (not done, not waiting for the clerk). */
export function openItemCount(db: Db): number {
  return (
    cachedStatement(db, `SELECT COUNT(*) AS n FROM outbox WHERE state IN ('pending', 'retry', 'unknown', 'in-flight') AND held IS NULL`).get() as {
      n: number;
    }
  ).n;
}

/**
 * Starts an attempt: the item goes in-flight and, for a send, the msgid it is about to use is
 * persisted first, so a crash leaves a record of what may have been sent.
 */
export function beginAttempt(
  db: Db,
  itemId: number,
  a: { action: AttemptAction; infno: string; msgid: string; now: Date },
): number {
  const at = a.now.toISOString();
  return db.transaction(() => {
    if (a.action === 'send') {
      cachedStatement(db, `UPDATE outbox SET state = 'in-flight', msgid = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?`).run(
        a.msgid,
        at,
        itemId,
      );
    } else {
      cachedStatement(db, `UPDATE outbox SET state = 'in-flight', attempts = attempts + 1, updated_at = ? WHERE id = ?`).run(at, itemId);
    }
    const info = cachedStatement(db, 'INSERT INTO outbox_attempts (outbox_id, action, infno, msgid, started_at) VALUES (?, ?, ?, ?, ?)').run(
      itemId,
      a.action,
      a.infno,
      a.msgid,
      at,
    );
    return Number(info.lastInsertRowid);
  }).immediate();
}

/**
 * An attempt of a transaction the item needs before its own (9101 for its materials): recorded in the item's
 * history, but the item's own msgid and state are left as they are.
 */
export function beginSideAttempt(db: Db, itemId: number, a: { infno: string; msgid: string; now: Date }): number {
  const info = cachedStatement(db, 'INSERT INTO outbox_attempts (outbox_id, action, infno, msgid, started_at) VALUES (?, ?, ?, ?, ?)').run(
    itemId,
    'send',
    a.infno,
    a.msgid,
    a.now.toISOString(),
  );
  return Number(info.lastInsertRowid);
}

export function finishAttempt(db: Db, attemptId: number, outcome: AttemptOutcome, message: string | null, now: Date): void {
  cachedStatement(db, 'UPDATE outbox_attempts SET finished_at = ?, outcome = ?, message = ? WHERE id = ?').run(
    now.toISOString(),
    outcome,
    message,
    attemptId,
  );
}

export function setItemState(
  db: Db,
  itemId: number,
  v: { state: OutboxState; now: Date; nextAttemptAt?: Date; lastError?: string | null; platformMessage?: string | null },
): void {
  const at = v.now.toISOString();
  cachedStatement(db, 
    `UPDATE outbox SET state = ?, updated_at = ?,
       next_attempt_at = COALESCE(?, next_attempt_at),
       last_error = CASE WHEN ? THEN ? ELSE last_error END,
       platform_message = CASE WHEN ? THEN ? ELSE platform_message END
     WHERE id = ?`,
  ).run(
    v.state,
    at,
    v.nextAttemptAt ? v.nextAttemptAt.toISOString() : null,
    v.lastError !== undefined ? 1 : 0,
    v.lastError ?? null,
    v.platformMessage !== undefined ? 1 : 0,
    v.platformMessage ?? null,
    itemId,
  );
}

/**
 * Crash recovery: an item left in-flight may or may not have reached the platform. It becomes
 * 'unknown' (resolved by a query before any resend) and its open attempt is closed as interrupted.
 */
export function recoverInFlight(db: Db, now: Date): number {
  const at = now.toISOString();
  return db.transaction(() => {
    cachedStatement(db, `UPDATE outbox_attempts SET finished_at = ?, outcome = 'interrupted', message = ? WHERE outcome IS NULL`).run(
      at,
      '上报过程中程序中断，结果未知',
    );
    // An item whose last send never got a msgid cannot have been sent: back to pending.
    cachedStatement(db, `UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'in-flight' AND msgid IS NULL`).run(at);
    return db
      .prepare(
        `UPDATE outbox SET state = 'unknown', updated_at = ?, next_attempt_at = ?, last_error = ? WHERE state = 'in-flight'`,
      )
      .run(at, at, '程序中断时正在上报，结果未知，将先向平台查询').changes;
  }).immediate();
}

/** Makes waiting items due now; with an id, also puts an item the clerk has dealt with back in the queue. */
export function makeDueNow(db: Db, now: Date, itemId?: number): number {
  const at = now.toISOString();
  if (itemId === undefined) {
    return db
      .prepare(`UPDATE outbox SET next_attempt_at = ?, updated_at = ? WHERE state IN ('pending', 'retry', 'unknown')`)
      .run(at, at).changes;
  }
  return db
    .prepare(
      `UPDATE outbox SET next_attempt_at = ?, updated_at = ?,
         state = CASE WHEN state = 'needs-clerk' THEN 'retry' ELSE state END
       WHERE id = ? AND state IN ('pending', 'retry', 'unknown', 'needs-clerk') AND resolution IS NULL`,
    )
    .run(at, at, itemId).changes;
}

export function listAttempts(db: Db, itemId: number): OutboxAttempt[] {
  return (
    cachedStatement(db, 'SELECT * FROM outbox_attempts WHERE outbox_id = ? ORDER BY id').all(itemId) as Array<{
      id: number;
      outbox_id: number;
      action: AttemptAction;
      infno: string;
      msgid: string | null;
      started_at: string;
      finished_at: string | null;
      outcome: AttemptOutcome | null;
      message: string | null;
    }>
  ).map((r) => ({
    id: r.id,
    outboxId: r.outbox_id,
    action: r.action,
    infno: r.infno,
    msgid: r.msgid,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    outcome: r.outcome,
    message: r.message,
  }));
}

/** Holds a case's upload (a 容缺 case until its materials are in): the uploader skips it until released. */
export function holdItemOfCase(db: Db, caseId: number, why: string, now: Date): void {
  cachedStatement(db, 'UPDATE outbox SET held = ?, updated_at = ? WHERE case_id = ?').run(why, now.toISOString(), caseId);
}

/** Releases a held upload, due now; false when the case had no held item. */
export function releaseItemOfCase(db: Db, caseId: number, now: Date): boolean {
  const at = now.toISOString();
  return (
    cachedStatement(db, 'UPDATE outbox SET held = NULL, next_attempt_at = ?, updated_at = ? WHERE case_id = ? AND held IS NOT NULL').run(at, at, caseId)
      .changes > 0
  );
}

/** Closes a 需人工处理 item for good (never retried, no longer waiting); false when it is not one. */
export function resolveItem(db: Db, itemId: number, resolution: string, now: Date): boolean {
  return (
    cachedStatement(db, `UPDATE outbox SET resolution = ?, updated_at = ? WHERE id = ? AND state = 'needs-clerk' AND resolution IS NULL`).run(
      resolution,
      now.toISOString(),
      itemId,
    ).changes > 0
  );
}
