/**
 * 日结: what this desk did on one China date, for the desk and per operator (the acceptor of each case):
 * cases accepted that day by service and by their state now, the 零星报销 amounts claimed (费用总额 of the
 * cases not cancelled) and paid (基金支付 of those the platform filed), the 容缺 cases still open at the end
 * of that day (and how many are past their deadline), and the day's 差评 (好差评) by the case's clerk.
 */
import type { DaySummary, SummaryBlock } from '../../contract/features/day-summary';
import { CASE_KIND_NAMES, type CaseKindName } from '../../contract/vocabulary/case-kinds';
import type { CaseState } from '../cases/case-store';
import { cstDateTime } from '../cases/working-days';
import type { Db } from '../store/database';

/** 不满意 (4) and 非常不满意 (5) are 差评 (contract/vocabulary/satisfaction: isComplaint). */
const COMPLAINT_FROM_LEVEL = 4;

/** [start, end) of a China date (UTC+8) as ISO instants, comparable with the stored created_at. */
export function chinaDayRange(date: string): { from: string; to: string } {
  const start = Date.parse(`${date}T00:00:00+08:00`);
  return { from: new Date(start).toISOString(), to: new Date(start + 86_400_000).toISOString() };
}

interface CaseRow {
  kind: CaseKindName;
  state: CaseState;
  created_by: string;
  created_by_name: string | null;
  payload: string;
}

const KINDS = Object.keys(CASE_KIND_NAMES) as CaseKindName[];

function emptyBlock(): SummaryBlock {
  return { counts: [], total: 0, claimedFen: 0, paidFen: 0, pendingOpen: 0, pendingOverdue: 0, badRatings: 0 };
}

function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>).some((c) => c.name === column);
}

/** The day's 差评 (好差评 levels 不满意 and 非常不满意, ../cases/ratings) by the case's acceptor. */
function badRatingsByOperator(db: Db, range: { from: string; to: string }): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT c.created_by AS code, COUNT(*) AS n FROM case_ratings r JOIN cases c ON c.id = r.case_id
       WHERE r.rated_at >= ? AND r.rated_at < ? AND r.level >= ? GROUP BY c.created_by`,
    )
    .all(range.from, range.to, COMPLAINT_FROM_LEVEL) as Array<{ code: string; n: number }>;
  return new Map(rows.map((r) => [r.code, r.n]));
}

export function daySummary(db: Db, opts: { date: string; office: string; now: Date }): DaySummary {
  const range = chinaDayRange(opts.date);
  const rows = db
    .prepare('SELECT kind, state, created_by, created_by_name, payload FROM cases WHERE created_at >= ? AND created_at < ? ORDER BY id')
    .all(range.from, range.to) as CaseRow[];

  const desk = emptyBlock();
  const byOperator = new Map<string, SummaryBlock & { code: string; name: string }>();
  const operator = (code: string, name: string | null) => {
    let b = byOperator.get(code);
    if (!b) byOperator.set(code, (b = { ...emptyBlock(), code, name: name ?? code }));
    else if (name && b.name === code) b.name = name;
    return b;
  };
  const count = (b: SummaryBlock, r: CaseRow) => {
    let c = b.counts.find((x) => x.kind === r.kind);
    if (!c) b.counts.push((c = { kind: r.kind, kindLabel: CASE_KIND_NAMES[r.kind], accepted: 0, filed: 0, needsClerk: 0, cancelled: 0, total: 0 }));
    if (r.state === 'accepted') c.accepted++;
    else if (r.state === 'filed') c.filed++;
    else if (r.state === 'needs-clerk') c.needsClerk++;
    else c.cancelled++;
    c.total++;
    b.total++;
    if (r.kind === 'reimbursement' && r.state !== 'cancelled') {
      const p = JSON.parse(r.payload) as { totalFen?: number; fundPayFen?: number };
      b.claimedFen += p.totalFen ?? 0;
      if (r.state === 'filed') b.paidFen += p.fundPayFen ?? 0;
    }
  };
  for (const r of rows) {
    count(desk, r);
    count(operator(r.created_by, r.created_by_name), r);
  }

  // 容缺 still open at the end of the day: accepted by then, not cancelled, not 补齐 (where 补齐 is recorded).
  const completed = hasColumn(db, 'case_details', 'completed_at') ? 'AND (d.completed_at IS NULL OR d.completed_at >= ?)' : '';
  const pendingArgs: unknown[] = [range.to, ...(completed ? [range.to] : [])];
  const pending = db
    .prepare(
      `SELECT c.created_by AS code, c.created_by_name AS name, d.pending_deadline AS deadline FROM case_details d JOIN cases c ON c.id = d.case_id
       WHERE d.pending_materials IS NOT NULL AND c.state != 'cancelled' AND c.created_at < ? ${completed}`,
    )
    .all(...pendingArgs) as Array<{ code: string; name: string | null; deadline: string }>;
  for (const p of pending) {
    const overdue = p.deadline < opts.date ? 1 : 0;
    for (const b of [desk, operator(p.code, p.name)]) {
      b.pendingOpen++;
      b.pendingOverdue += overdue;
    }
  }

  for (const [code, n] of badRatingsByOperator(db, range)) {
    desk.badRatings += n;
    operator(code, null).badRatings = n;
  }

  const byKind = (a: { kind: string }, b: { kind: string }) => KINDS.indexOf(a.kind as CaseKindName) - KINDS.indexOf(b.kind as CaseKindName);
  desk.counts.sort(byKind);
  const operators = [...byOperator.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const o of operators) o.counts.sort(byKind);
  return { date: opts.date, office: opts.office, generatedAt: cstDateTime(opts.now), desk, operators };
}
