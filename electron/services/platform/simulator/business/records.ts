/**
 * The simulator's `records` table as the handlers use it: new serial numbers, insert, find by person and
 * business key (through the indexes), overlapping valid windows for duplicate checks, and cancellation.
 */
import type { Db } from '../../../store/database';
import { cachedStatement as st } from '../../../store/statement-cache';
import { compactTime } from '../../envelope';
import type { RecordKind, RecordRow } from '../store';
import { Refusal, type HandlerContext } from './handler';

export function nextSn(db: Db, prefix: string, now: Date): string {
  // Records are never deleted, so the largest rowid + 1 equals the count + 1 without a full count.
  const n = (st(db, 'SELECT COALESCE(MAX(rowid), 0) + 1 AS n FROM records').get() as { n: number }).n;
  return `${prefix}${compactTime(now)}${String(n).padStart(8, '0')}`;
}

export function insertRecord(ctx: HandlerContext, row: Omit<RecordRow, 'status' | 'created_msgid' | 'created_at' | 'json'>, data: unknown): void {
  st(
    ctx.db,
    `INSERT INTO records (sn, kind, psn_no, insutype, key1, key2, begndate, enddate, status, created_msgid, created_at, json)
       VALUES (@sn, @kind, @psn_no, @insutype, @key1, @key2, @begndate, @enddate, 'valid', @msgid, @at, @json)`,
  )
    .run({ ...row, msgid: ctx.msgid, at: ctx.now.toISOString(), json: JSON.stringify(data) });
}

export function recordOf(db: Db, kind: RecordKind, sn: string, psnNo: string): RecordRow | undefined {
  return st(db, 'SELECT * FROM records WHERE kind = ? AND sn = ? AND psn_no = ?').get(kind, sn, psnNo) as RecordRow | undefined;
}

export function listRecords(db: Db, kind: RecordKind, psnNo: string): RecordRow[] {
  return st(db, 'SELECT * FROM records WHERE kind = ? AND psn_no = ? ORDER BY created_at, sn').all(kind, psnNo) as RecordRow[];
}

/** A person's records of one kind, narrowed by key1 and/or begndate through the index when given. */
export function findRecords(db: Db, kind: RecordKind, psnNo: string, key1: string, begndate: string): RecordRow[] {
  if (key1 && begndate) {
    return st(db, 'SELECT * FROM records WHERE kind = ? AND psn_no = ? AND key1 = ? AND begndate = ? ORDER BY created_at, sn').all(
      kind,
      psnNo,
      key1,
      begndate,
    ) as RecordRow[];
  }
  if (key1) {
    return st(db, 'SELECT * FROM records WHERE kind = ? AND psn_no = ? AND key1 = ? ORDER BY created_at, sn').all(kind, psnNo, key1) as RecordRow[];
  }
  const rows = listRecords(db, kind, psnNo);
  return begndate ? rows.filter((r) => r.begndate === begndate) : rows;
}

/** Valid records with this key1 whose window overlaps [begndate, enddate] ('' = open-ended), via the partial index. */
export function overlappingValid(db: Db, kind: RecordKind, psnNo: string, key1: string, begndate: string, enddate: string): RecordRow[] {
  const until = enddate || '9999-12-31';
  const openEnded = st(
    db,
    `SELECT * FROM records WHERE kind = ? AND psn_no = ? AND key1 = ? AND status = 'valid' AND enddate = '' AND begndate <= ?`,
  ).all(kind, psnNo, key1, until) as RecordRow[];
  const bounded = st(
    db,
    `SELECT * FROM records WHERE kind = ? AND psn_no = ? AND key1 = ? AND status = 'valid' AND enddate >= ? AND begndate <= ?`,
  ).all(kind, psnNo, key1, begndate, until) as RecordRow[];
  return [...openEnded, ...bounded].sort((a, b) => (a.created_at + a.sn < b.created_at + b.sn ? -1 : 1));
}

export function cancelRecord(ctx: HandlerContext, kind: RecordKind, sn: string, psnNo: string, what: string): RecordRow {
  const rec = recordOf(ctx.db, kind, sn, psnNo);
  if (!rec) throw new Refusal(`未找到要撤销的${what} (${sn})`);
  if (rec.status !== 'valid') throw new Refusal(`该${what}已撤销，不能重复撤销`);
  st(ctx.db, `UPDATE records SET status = 'cancelled' WHERE sn = ?`).run(sn);
  if (kind === 'reimbursement') st(ctx.db, 'DELETE FROM invoices WHERE claim_sn = ?').run(sn);
  return rec;
}
