/**
 * 日结 figures from the database alone: the China day's bounds (16:00 UTC), state counts, 元 amounts only for
 * 零星报销 not cancelled (paid only once filed), 容缺 open at the day's end (补齐 where recorded), the day's
 * 差评 by the case's clerk.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { insertCaseDetails } from '../../../../../electron/services/cases/case-details';
import { changeCaseState, insertCase, type CaseKind } from '../../../../../electron/services/cases/case-store';
import { chinaDayRange, daySummary } from '../../../../../electron/services/paper/day-summary';
import { daySummaryCsv } from '../../../../../electron/services/paper/day-summary-output';
import type { Db } from '../../../../../electron/services/store/database';
import { tempDb } from '../../../../helpers/outbox-unit-kit';

let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

function fresh(): Db {
  const t = tempDb();
  cleanup = t.cleanup;
  return t.db;
}

let n = 0;
function add(db: Db, at: string, o: { kind?: CaseKind; by?: string; name?: string; payload?: Record<string, unknown>; pending?: string } = {}) {
  const c = insertCase(db, {
    kind: o.kind ?? 'special-disease',
    businessKey: `k${++n}`,
    psnNo: `P${n}`,
    payload: o.payload ?? {},
    createdBy: o.by ?? 'op001',
    createdByName: o.name ?? '柜员一',
    region: '990100',
    site: '001',
    now: new Date(at),
  });
  insertCaseDetails(db, {
    caseId: c.id, applicantName: '某', applicantIdMasked: '990101********0011', summary: '', office: '', clerkName: o.name ?? '柜员一',
    items: [], materials: [], pending: o.pending ? { materials: ['照片'], deadline: o.pending } : null, committedDate: '2026-03-20',
  });
  return c;
}

const summary = (db: Db, date: string) => daySummary(db, { date, office: '示例窗口', now: new Date('2026-03-02T09:00:00Z') });

describe('chinaDayRange', () => {
  it('is midnight to midnight in UTC+8', () => {
    expect(chinaDayRange('2026-03-02')).toEqual({ from: '2026-03-01T16:00:00.000Z', to: '2026-03-02T16:00:00.000Z' });
  });
});

describe('daySummary', () => {
  it('counts a case by its China date, by kind and state, per operator', () => {
    const db = fresh();
    add(db, '2026-03-01T15:59:59Z'); // 2026-03-01 23:59:59 in China: the day before
    const a = add(db, '2026-03-01T16:00:00Z');
    const b = add(db, '2026-03-02T15:59:59Z', { by: 'op002', name: '柜员二' });
    add(db, '2026-03-02T16:00:00Z'); // the next day
    changeCaseState(db, a.id, 'filed', { actor: 'x', now: new Date('2026-03-02T02:00:00Z') });
    changeCaseState(db, b.id, 'needs-clerk', { actor: 'x', now: new Date('2026-03-02T02:00:00Z') });
    const s = summary(db, '2026-03-02');
    expect(s.desk.counts).toEqual([{ kind: 'special-disease', kindLabel: '门诊慢特病备案', accepted: 0, filed: 1, needsClerk: 1, cancelled: 0, total: 2 }]);
    expect(s.operators.map((o) => [o.code, o.name, o.total, o.counts[0].filed, o.counts[0].needsClerk])).toEqual([
      ['op001', '柜员一', 1, 1, 0],
      ['op002', '柜员二', 1, 0, 1],
    ]);
    expect(s.generatedAt).toBe('2026-03-02 17:00');
  });

  it('sums 零星报销 amounts in 分: claimed unless cancelled, paid only once filed', () => {
    const db = fresh();
    const filed = add(db, '2026-03-02T01:00:00Z', { kind: 'reimbursement', payload: { totalFen: 1_000_055, fundPayFen: 700_001 } });
    add(db, '2026-03-02T01:10:00Z', { kind: 'reimbursement', payload: { totalFen: 20_000, fundPayFen: 9_000 } });
    const cancelled = add(db, '2026-03-02T01:20:00Z', { kind: 'reimbursement', payload: { totalFen: 5_000_000, fundPayFen: 4_000_000 } });
    changeCaseState(db, filed.id, 'filed', { actor: 'x', now: new Date('2026-03-02T02:00:00Z') });
    changeCaseState(db, cancelled.id, 'filed', { actor: 'x', now: new Date('2026-03-02T02:00:00Z') });
    changeCaseState(db, cancelled.id, 'cancelled', { actor: 'x', now: new Date('2026-03-02T03:00:00Z') });
    const s = summary(db, '2026-03-02');
    expect(s.desk).toMatchObject({ claimedFen: 1_020_055, paidFen: 700_001, total: 3 });
    expect(daySummaryCsv(s)).toContain('2026-03-02,本窗口,,,3,10200.55,7000.01,0,0,0');
  });

  it('counts 容缺 open at the end of the day (not before it was accepted, not once cancelled), overdue after the deadline', () => {
    const db = fresh();
    add(db, '2026-03-02T01:00:00Z', { pending: '2026-03-16' });
    const gone = add(db, '2026-03-02T01:00:00Z', { pending: '2026-03-16', by: 'op002', name: '柜员二' });
    changeCaseState(db, gone.id, 'cancelled', { actor: 'x', now: new Date('2026-03-02T02:00:00Z') });
    expect(summary(db, '2026-03-01').desk.pendingOpen).toBe(0);
    expect(summary(db, '2026-03-16').desk).toMatchObject({ pendingOpen: 1, pendingOverdue: 0 });
    const later = summary(db, '2026-03-17');
    expect(later.desk).toMatchObject({ total: 0, pendingOpen: 1, pendingOverdue: 1 });
    expect(later.operators.map((o) => [o.code, o.pendingOpen])).toEqual([['op001', 1]]);
  });

  it('honours 补齐 where case_details records it (completed_at)', () => {
    const db = fresh();
    const c = add(db, '2026-03-02T01:00:00Z', { pending: '2026-03-16' });
    db.prepare('UPDATE case_details SET completed_at = ? WHERE case_id = ?').run('2026-03-05T02:00:00.000Z', c.id);
    expect(summary(db, '2026-03-04').desk.pendingOpen).toBe(1);
    expect(summary(db, '2026-03-05').desk.pendingOpen).toBe(0);
  });

  it('counts the day’s 差评 (the bottom two levels) for the clerk who accepted the case', () => {
    const db = fresh();
    const a = add(db, '2026-03-02T01:00:00Z');
    const a2 = add(db, '2026-03-02T01:10:00Z');
    const b = add(db, '2026-03-02T01:00:00Z', { by: 'op002', name: '柜员二' });
    const b2 = add(db, '2026-03-02T01:20:00Z', { by: 'op002', name: '柜员二' });
    expect(summary(db, '2026-03-02').desk.badRatings).toBe(0);
    const rate = db.prepare('INSERT INTO case_ratings (case_id, level, reason, rated_at) VALUES (?, ?, ?, ?)');
    rate.run(a.id, 5, '办理太慢', '2026-03-02T01:05:00.000Z');
    rate.run(a2.id, 4, '态度不好', '2026-03-02T01:16:00.000Z');
    rate.run(b.id, 3, null, '2026-03-02T01:05:00.000Z'); // 基本满意: not a 差评
    rate.run(b2.id, 5, '排队太久', '2026-03-02T16:00:00.000Z'); // rated the next China day
    const rated = summary(db, '2026-03-02');
    expect(rated.desk.badRatings).toBe(2);
    expect(rated.operators.map((o) => [o.code, o.badRatings])).toEqual([
      ['op001', 2],
      ['op002', 0],
    ]);
    expect(summary(db, '2026-03-03').operators.map((o) => [o.code, o.total, o.badRatings])).toEqual([['op002', 0, 1]]);
    const csv = daySummaryCsv(rated).split('\r\n');
    expect(csv).toContain('日期,范围,工号,姓名,办件合计,申报金额（元）,基金支付（元）,容缺未补齐,容缺逾期,差评');
    expect(csv).toContain('2026-03-02,经办人,op001,柜员一,2,0.00,0.00,0,0,2');
  });

  it('defuses a name Excel would run as a formula', () => {
    const db = fresh();
    add(db, '2026-03-02T01:00:00Z', { by: 'op009', name: '=HYPERLINK("x")' });
    const csv = daySummaryCsv(summary(db, '2026-03-02'));
    expect(csv).toContain(`op009,"'=HYPERLINK(""x"")"`);
    expect(csv.startsWith('\uFEFF日期,')).toBe(true);
  });
});
