/**
 * The 办件 work list: one search over every case of this desk, answered from indexes (case-schema.ts:
 * cases by date / kind / state / operator, the applicant's name, the ID number reversed so its last digits
 * are a prefix range, open 容缺 deadlines), one query per search. Rows carry the masked ID number only.
 */
import type { CaseRow, CaseSearch } from '../../contract/features/worklist';
import { WORK_STATE_NAMES } from '../../contract/features/worklist';
import { reverseIdNumber } from '../cases/case-schema';
import { KIND_LABELS, type CaseKind, type CaseState } from '../cases/case-store';
import { cstDate, cstDateTime } from '../cases/working-days';
import { STATE_LABELS } from '../outbox/queue-view';
import type { OutboxState } from '../outbox/outbox-store';
import type { Db } from '../store/database';

type WorkState = CaseRow['workState'];

const CLOSED_LABELS: Partial<Record<CaseState, string>> = {
  resubmitted: '已更正重报',
  voided: '已作废',
  'settled-elsewhere': '已在其他渠道办结',
};

/** The day after a yyyy-MM-dd, for half-open ranges. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The UTC instant at which a China Standard Time calendar day starts (created_at is stored in UTC ISO). */
function cstDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}

/** What a search text is: a 办件编号, an ID number or its last digits, part of a 办件编号, or a name. */
export function classifySearchText(text: string): { kind: 'case-no' | 'id-number' | 'id-tail' | 'case-no-part' | 'name'; value: string } | null {
  const t = text.trim();
  if (!t) return null;
  if (/^\d{23}$/.test(t)) return { kind: 'case-no', value: t };
  if ((t.length === 18 || t.length === 15) && /^\d{14,17}[\dXx]$/.test(t)) return { kind: 'id-number', value: t.toUpperCase() };
  if (/^\d{3,5}[\dXx]$/.test(t)) return { kind: 'id-tail', value: t.toUpperCase() };
  if (/^\d{7,22}$/.test(t)) return { kind: 'case-no-part', value: t };
  return { kind: 'name', value: t };
}

interface Where {
  sql: string[];
  args: unknown[];
}

function addText(w: Where, text: string | undefined): void {
  const c = classifySearchText(text ?? '');
  if (!c) return;
  switch (c.kind) {
    case 'case-no':
      w.sql.push('c.case_no = ?');
      w.args.push(c.value);
      return;
    case 'id-number':
      w.sql.push('d.applicant_id_rev = ?');
      w.args.push(reverseIdNumber(c.value));
      return;
    case 'id-tail': {
      const rev = reverseIdNumber(c.value);
      w.sql.push('d.applicant_id_rev >= ? AND d.applicant_id_rev < ?');
      w.args.push(rev, `${rev}\u{10FFFF}`);
      return;
    }
    case 'case-no-part':
      // Scans the 办件编号 index alone (covering: number + rowid), not the cases in date order.
      w.sql.push(`c.id IN (SELECT id FROM cases INDEXED BY sqlite_autoindex_cases_1 WHERE case_no LIKE ?)`);
      w.args.push(`%${c.value}%`);
      return;
    case 'name':
      // Full name or its start (a surname): a range on the name index.
      w.sql.push('d.applicant_name >= ? AND d.applicant_name < ?');
      w.args.push(c.value, `${c.value}\u{10FFFF}`);
      return;
  }
}

const OPEN_PENDING = `c.id IN (SELECT case_id FROM case_details WHERE pending_deadline IS NOT NULL AND completed_at IS NULL)`;

function addState(w: Where, state: WorkState | undefined): void {
  switch (state) {
    case undefined:
      return;
    case 'waiting':
      w.sql.push(`c.state = 'accepted' AND NOT ${OPEN_PENDING}`);
      return;
    case 'pending-materials':
      // As a join condition on d, so the open-容缺 partial index drives the query.
      w.sql.push(`d.pending_deadline IS NOT NULL AND d.completed_at IS NULL AND c.state = 'accepted'`);
      return;
    case 'filed':
    case 'needs-clerk':
    case 'cancelled':
      w.sql.push('c.state = ?');
      w.args.push(state);
      return;
    case 'closed':
      w.sql.push(`c.state IN ('resubmitted', 'voided', 'settled-elsewhere')`);
      return;
  }
}

interface Row {
  id: number;
  case_no: string;
  kind: CaseKind;
  state: CaseState;
  created_at: string;
  created_by: string;
  applicant_name: string | null;
  applicant_id_masked: string | null;
  summary: string | null;
  clerk_name: string | null;
  pending_deadline: string | null;
  completed_at: string | null;
  upload_state: OutboxState | null;
}

export function workStateOf(state: CaseState, pendingOpen: boolean): WorkState {
  if (state === 'accepted') return pendingOpen ? 'pending-materials' : 'waiting';
  if (state === 'filed' || state === 'needs-clerk' || state === 'cancelled') return state;
  return 'closed';
}

function toRow(r: Row): CaseRow {
  const pendingOpen = r.pending_deadline !== null && r.completed_at === null;
  const workState = workStateOf(r.state, pendingOpen);
  const stateLabel =
    workState === 'closed'
      ? (CLOSED_LABELS[r.state] ?? WORK_STATE_NAMES.closed)
      : workState === 'waiting' && r.upload_state
        ? STATE_LABELS[r.upload_state]
        : WORK_STATE_NAMES[workState];
  const tone: CaseRow['tone'] =
    workState === 'filed' ? 'done' : workState === 'needs-clerk' ? 'bad' : workState === 'cancelled' || workState === 'closed' ? 'muted' : 'pending';
  return {
    caseNo: r.case_no,
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind],
    summary: r.summary ?? KIND_LABELS[r.kind],
    applicantName: r.applicant_name ?? '',
    idNumberMasked: r.applicant_id_masked ?? '',
    createdAt: r.created_at,
    clerk: r.clerk_name ?? r.created_by,
    clerkCode: r.created_by,
    workState,
    stateLabel,
    tone,
    pendingDeadline: pendingOpen ? r.pending_deadline : null,
  };
}

export const SEARCH_LIMIT = 200;

/** The search as SQL: exported for the benchmark, which compares it with a bare indexed query. */
export function searchSql(q: CaseSearch): { sql: string; args: unknown[]; limit: number } {
  const w: Where = { sql: [], args: [] };
  if (q.from) {
    w.sql.push('c.created_at >= ?');
    w.args.push(cstDayStart(q.from));
  }
  if (q.to) {
    w.sql.push('c.created_at < ?');
    w.args.push(cstDayStart(nextDay(q.to)));
  }
  if (q.kind) {
    // A service covers its 撤销 cases too.
    w.sql.push('c.kind IN (?, ?)');
    w.args.push(q.kind, `${q.kind}-cancel`);
  }
  if (q.operator) {
    w.sql.push('c.created_by = ?');
    w.args.push(q.operator);
  }
  addState(w, q.state);
  addText(w, q.text);
  const limit = q.limit ?? SEARCH_LIMIT;
  const sql = `SELECT c.id, c.case_no, c.kind, c.state, c.created_at, c.created_by, d.applicant_name, d.applicant_id_masked, d.summary,
                      d.clerk_name, d.pending_deadline, d.completed_at, o.state AS upload_state
               FROM cases c LEFT JOIN case_details d ON d.case_id = c.id LEFT JOIN outbox o ON o.case_id = c.id
               ${w.sql.length ? `WHERE ${w.sql.join(' AND ')}` : ''}
               ORDER BY c.created_at DESC, c.id DESC LIMIT ?`;
  return { sql, args: w.args, limit };
}

export function searchCases(db: Db, q: CaseSearch): { rows: CaseRow[]; truncated: boolean } {
  const { sql, args, limit } = searchSql(q);
  const rows = db.prepare(sql).all(...args, limit + 1) as Row[];
  return { rows: rows.slice(0, limit).map(toRow), truncated: rows.length > limit };
}

/** Today's cases, the screen's default. */
export function todaySearch(now: Date): CaseSearch {
  const today = cstDate(now);
  return { from: today, to: today };
}

// ---------- CSV ----------

const CSV_HEAD = ['办件编号', '业务', '摘要', '申请人', '证件号码（脱敏）', '受理时间', '经办人', '经办人工号', '状态', '容缺补齐期限'];

function csvCell(v: string): string {
  // A leading = + - @ would make Excel evaluate the cell: quote it as text.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) || safe !== v ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV text (CRLF lines, as Excel writes them); 办件编号 as text so Excel keeps all 23 digits. */
export function casesCsv(rows: readonly CaseRow[]): string {
  const lines = [CSV_HEAD.join(',')];
  for (const r of rows) {
    lines.push(
      [
        `="${r.caseNo}"`,
        csvCell(r.kindLabel),
        csvCell(r.summary),
        csvCell(r.applicantName),
        csvCell(r.idNumberMasked),
        cstDateTime(r.createdAt),
        csvCell(r.clerk),
        csvCell(r.clerkCode),
        csvCell(r.stateLabel),
        r.pendingDeadline ?? '',
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}
