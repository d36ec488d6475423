/**
 * Generic case persistence: the cases table, its 办件编号 numbering and the event row that records
 * every state change (who, when, from, to, why). Workflows for the three services build on this.
 * Callers own the transaction: these functions are meant to run inside db.transaction().
 */
import { CASE_KIND_NAMES, type ServiceKind } from '../../contract/vocabulary/case-kinds';
import type { Db } from '../store/database';
import { cachedStatement } from '../store/statement-cache';
import { CASE_KINDS } from './case-schema';

export { CASE_KINDS };
export type CaseKind = (typeof CASE_KINDS)[number];
export type RegistrationKind = ServiceKind;

/**
 * accepted → filed (platform confirmed) | needs-clerk (platform refused); filed → cancelled. A refused case is
 * closed by the clerk: resubmitted (a corrected filing replaces it), voided (作废, a supervisor) or
 * settled-elsewhere (办结 through another channel).
 */
export type CaseState = 'accepted' | 'filed' | 'needs-clerk' | 'cancelled' | 'resubmitted' | 'voided' | 'settled-elsewhere';

export interface CaseRecord {
  id: number;
  caseNo: string;
  kind: CaseKind;
  businessKey: string;
  psnNo: string;
  insuplcAdmdvs: string | null;
  payload: Record<string, unknown>;
  /** The platform's output once filed (e.g. trt_dcla_detl_sn). */
  result: Record<string, unknown> | null;
  /** For a cancellation: the registration case it cancels. */
  relatedCaseId: number | null;
  state: CaseState;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  /** The acceptor's name and envelope opter_type; null for cases from before sign-in and for imports. */
  createdByName: string | null;
  opterType: 1 | 2 | 3 | null;
}

export interface CaseEvent {
  id: number;
  caseId: number;
  at: string;
  actor: string;
  from: string | null;
  to: string;
  reason: string | null;
}

export interface NewCase {
  kind: CaseKind;
  businessKey: string;
  psnNo: string;
  insuplcAdmdvs?: string | null;
  payload: Record<string, unknown>;
  createdBy: string;
  createdByName?: string | null;
  opterType?: 1 | 2 | 3 | null;
  relatedCaseId?: number | null;
  /** 6-digit administrative division of the office (办件编号 prefix). */
  region: string;
  /** 3-digit window/site number. */
  site: string;
  now: Date;
  reason?: string;
}

export class CaseStoreError extends Error {
  constructor(message: string, readonly code: 'duplicate' | 'invalid' | 'not-found') {
    super(message);
    this.name = 'CaseStoreError';
  }
}

export function isCancelKind(kind: CaseKind): boolean {
  return kind.endsWith('-cancel');
}

/** The registration kind a cancellation undoes, or the kind itself. */
export function registrationKindOf(kind: CaseKind): RegistrationKind {
  return kind.replace(/-cancel$/, '') as RegistrationKind;
}

/** The kinds' Chinese names (../../contract/vocabulary/case-kinds), under the name the case modules use. */
export const KIND_LABELS: Record<CaseKind, string> = CASE_KIND_NAMES;

/** Calendar date of the 办件编号 in China Standard Time (UTC+8), whatever the machine's zone. */
export function caseNoDate(now: Date): string {
  const cst = new Date(now.getTime() + 8 * 3600_000);
  return cst.toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * Next number of a daily sequence: head + yyyyMMdd + 6 digits, counted in case_no_seq. The date is today's,
 * or — when the clock has stepped back — the latest date already numbered under this head: case_no_seq is
 * the persisted high-water mark, so numbers only grow, across restarts too, and none is ever issued twice.
 */
export function nextDailyNumber(db: Db, head: string, yyyymmdd: string): string {
  const latest = cachedStatement(db, 'SELECT prefix FROM case_no_seq WHERE prefix >= ? AND prefix <= ? ORDER BY prefix DESC LIMIT 1').get(
    `${head}00000000`,
    `${head}99999999`,
  ) as { prefix: string } | undefined;
  const prefix = latest && latest.prefix > head + yyyymmdd ? latest.prefix : head + yyyymmdd;
  const row = cachedStatement(
    db,
    `INSERT INTO case_no_seq (prefix, last) VALUES (?, 1)
     ON CONFLICT(prefix) DO UPDATE SET last = last + 1 RETURNING last`,
  ).get(prefix) as { last: number };
  if (row.last > 999_999) throw new CaseStoreError(`今日编号已用尽 (${prefix})`, 'invalid');
  return prefix + String(row.last).padStart(6, '0');
}

/** Next 办件编号: region(6) + site(3) + yyyyMMdd + 6-digit daily sequence, never lower than one issued before. */
export function nextCaseNo(db: Db, region: string, site: string, now: Date): string {
  if (!/^\d{6}$/.test(region)) throw new CaseStoreError(`区划代码必须是 6 位数字: ${region}`, 'invalid');
  if (!/^\d{3}$/.test(site)) throw new CaseStoreError(`窗口/站点编号必须是 3 位数字: ${site}`, 'invalid');
  return nextDailyNumber(db, region + site, caseNoDate(now));
}

interface CaseRow {
  id: number;
  case_no: string;
  kind: CaseKind;
  business_key: string;
  psn_no: string;
  insuplc_admdvs: string | null;
  payload: string;
  result: string | null;
  related_case_id: number | null;
  state: CaseState;
  created_at: string;
  updated_at: string;
  created_by: string;
  created_by_name: string | null;
  opter_type: 1 | 2 | 3 | null;
}

function toRecord(r: CaseRow): CaseRecord {
  return {
    id: r.id,
    caseNo: r.case_no,
    kind: r.kind,
    businessKey: r.business_key,
    psnNo: r.psn_no,
    insuplcAdmdvs: r.insuplc_admdvs,
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    result: r.result === null ? null : (JSON.parse(r.result) as Record<string, unknown>),
    relatedCaseId: r.related_case_id,
    state: r.state,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    createdBy: r.created_by,
    createdByName: r.created_by_name,
    opterType: r.opter_type,
  };
}

export function findCaseByBusinessKey(db: Db, kind: CaseKind, businessKey: string): CaseRecord | undefined {
  const row = cachedStatement(db, 'SELECT * FROM cases WHERE kind = ? AND business_key = ?').get(kind, businessKey) as
    | CaseRow
    | undefined;
  return row && toRecord(row);
}

export function getCase(db: Db, id: number): CaseRecord | undefined {
  const row = cachedStatement(db, 'SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined;
  return row && toRecord(row);
}

export function getCaseByNo(db: Db, caseNo: string): CaseRecord | undefined {
  const row = cachedStatement(db, 'SELECT * FROM cases WHERE case_no = ?').get(caseNo) as CaseRow | undefined;
  return row && toRecord(row);
}

/**
 * Inserts a case in state 'accepted' with its first event. Refuses a duplicate business key.
 * Lean on purpose (cached statements, no re-read): it sits inside every durable accept.
 */
export function insertCase(db: Db, c: NewCase): CaseRecord {
  if (!c.businessKey.trim()) throw new CaseStoreError('业务键不能为空', 'invalid');
  if (!c.psnNo.trim()) throw new CaseStoreError('人员编号不能为空', 'invalid');
  const existing = cachedStatement(db, 'SELECT case_no FROM cases WHERE kind = ? AND business_key = ?').get(c.kind, c.businessKey) as
    | { case_no: string }
    | undefined;
  if (existing) {
    throw new CaseStoreError(
      `该${KIND_LABELS[c.kind]}已受理，不能重复受理（办件编号 ${existing.case_no}）`,
      'duplicate',
    );
  }
  const caseNo = nextCaseNo(db, c.region, c.site, c.now);
  const at = c.now.toISOString();
  const payload = JSON.stringify(c.payload);
  const info = cachedStatement(
    db,
    `INSERT INTO cases (case_no, kind, business_key, psn_no, insuplc_admdvs, payload, related_case_id, state,
                        created_at, updated_at, created_by, created_by_name, opter_type)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?, ?)`,
  ).run(
    caseNo,
    c.kind,
    c.businessKey,
    c.psnNo,
    c.insuplcAdmdvs ?? null,
    payload,
    c.relatedCaseId ?? null,
    at,
    at,
    c.createdBy,
    c.createdByName ?? null,
    c.opterType ?? null,
  );
  const id = Number(info.lastInsertRowid);
  recordCaseEvent(db, { caseId: id, actor: c.createdBy, from: null, to: 'accepted', reason: c.reason ?? '受理', at });
  return {
    id,
    caseNo,
    kind: c.kind,
    businessKey: c.businessKey,
    psnNo: c.psnNo,
    insuplcAdmdvs: c.insuplcAdmdvs ?? null,
    // A copy as stored, so the caller's object and the record never alias.
    payload: JSON.parse(payload) as Record<string, unknown>,
    result: null,
    relatedCaseId: c.relatedCaseId ?? null,
    state: 'accepted',
    createdAt: at,
    updatedAt: at,
    createdBy: c.createdBy,
    createdByName: c.createdByName ?? null,
    opterType: c.opterType ?? null,
  };
}

export function recordCaseEvent(
  db: Db,
  e: { caseId: number; actor: string; from: string | null; to: string; reason?: string | null; at: string },
): void {
  cachedStatement(db, 'INSERT INTO case_events (case_id, at, actor, from_state, to_state, reason) VALUES (?, ?, ?, ?, ?, ?)').run(
    e.caseId,
    e.at,
    e.actor,
    e.from,
    e.to,
    e.reason ?? null,
  );
}

/**
 * A 临时受理 case confirmed by 1101 takes the platform's 人员编号; a business key that starts with the old one
 * (psn_no|…) follows it. The event says so.
 */
export function adoptPlatformPsnNo(db: Db, c: CaseRecord, psnNo: string, opts: { actor: string; now: Date }): void {
  const key = c.businessKey.startsWith(`${c.psnNo}|`) ? psnNo + c.businessKey.slice(c.psnNo.length) : c.businessKey;
  const at = opts.now.toISOString();
  cachedStatement(db, 'UPDATE cases SET psn_no = ?, business_key = ?, updated_at = ? WHERE id = ?').run(psnNo, key, at, c.id);
  recordCaseEvent(db, { caseId: c.id, actor: opts.actor, from: c.state, to: c.state, reason: `临时受理核验通过（1101）：人员编号 ${psnNo}`, at });
}

/** Moves a case to a new state and records the event; a no-op when already there. */
export function changeCaseState(
  db: Db,
  caseId: number,
  to: CaseState,
  opts: { actor: string; reason?: string; now: Date; result?: Record<string, unknown> },
): void {
  const row = cachedStatement(db, 'SELECT state FROM cases WHERE id = ?').get(caseId) as { state: CaseState } | undefined;
  if (!row) throw new CaseStoreError(`办件不存在: ${caseId}`, 'not-found');
  const at = opts.now.toISOString();
  if (opts.result !== undefined) {
    cachedStatement(db, 'UPDATE cases SET result = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(opts.result), at, caseId);
  }
  if (row.state === to) return;
  cachedStatement(db, 'UPDATE cases SET state = ?, updated_at = ? WHERE id = ?').run(to, at, caseId);
  recordCaseEvent(db, { caseId, actor: opts.actor, from: row.state, to, reason: opts.reason, at });
}

export function listCaseEvents(db: Db, caseId: number): CaseEvent[] {
  return (
    cachedStatement(db, 'SELECT * FROM case_events WHERE case_id = ? ORDER BY id').all(caseId) as Array<{
      id: number;
      case_id: number;
      at: string;
      actor: string;
      from_state: string | null;
      to_state: string;
      reason: string | null;
    }>
  ).map((r) => ({ id: r.id, caseId: r.case_id, at: r.at, actor: r.actor, from: r.from_state, to: r.to_state, reason: r.reason }));
}

/**
 * Frees the business key of a refused filing that the clerk closed (resubmitted or voided): the key names the
 * live business, so a corrected filing — or a later application — may take it. The old case keeps it as a tag.
 */
export function retireBusinessKey(db: Db, caseId: number, caseNo: string): void {
  cachedStatement(db, "UPDATE cases SET business_key = business_key || '#' || ? WHERE id = ? AND business_key NOT LIKE '%#%'").run(caseNo, caseId);
}
