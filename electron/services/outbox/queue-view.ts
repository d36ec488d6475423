/**
 * Read side of the outbox for the 上报队列 panel and `counter queue`: counts by state, and what waits
 * and why, with the platform's message for each rejection.
 */
import { KIND_LABELS, type CaseKind } from '../cases/case-store';
import type { Db } from '../store/database';
import { maskName } from '../../../shared/person-name';
import { reverseIdNumber } from '../cases/case-schema';
import { OUTBOX_STATES, type OutboxState } from './outbox-store';

export type QueueCounts = Record<OutboxState, number> & { total: number };

export const STATE_LABELS: Record<OutboxState, string> = {
  pending: '待上报',
  'in-flight': '上报中',
  done: '已上报',
  retry: '待重试',
  'needs-clerk': '需人工处理',
  unknown: '结果未知待查询',
};

export function queueCounts(db: Db): QueueCounts {
  const counts = Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as QueueCounts;
  counts.total = 0;
  for (const r of db.prepare('SELECT state, COUNT(*) AS n FROM outbox WHERE resolution IS NULL GROUP BY state').all() as Array<{ state: OutboxState; n: number }>) {
    counts[r.state] = r.n;
    counts.total += r.n;
  }
  return counts;
}

export interface QueueEntry {
  itemId: number;
  caseId: number;
  caseNo: string;
  kind: CaseKind;
  kindLabel: string;
  businessKey: string;
  psnNo: string;
  infno: string;
  state: OutboxState;
  stateLabel: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  /** The platform's err_msg, verbatim, when it refused. */
  platformMessage: string | null;
  /** Why the item waits, in words for the clerk. */
  waitReason: string;
  /** The applicant, masked (张*丰) and their masked ID number, for the clerk to find the right person. */
  applicantMasked: string;
  idNumberMasked: string;
  /** Why a 容缺 case's upload is held until its materials are in; null when free to go. */
  held: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface QueueQuery {
  /** Default: everything not done. */
  states?: OutboxState[];
  limit?: number;
  offset?: number;
  /** 办件编号 (or its tail), the applicant's name (or its start), or the last digits of the ID number. */
  search?: string;
}

interface EntryRow {
  id: number;
  case_id: number;
  case_no: string;
  kind: CaseKind;
  business_key: string;
  psn_no: string;
  infno: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  platform_message: string | null;
  created_at: string;
  updated_at: string;
  dep_state: OutboxState | null;
  dep_case_no: string | null;
  applicant_name: string | null;
  applicant_id_masked: string | null;
  held: string | null;
}

export function listQueue(db: Db, q: QueueQuery = {}, ctx: { online?: boolean; now?: Date } = {}): QueueEntry[] {
  const states = q.states ?? OUTBOX_STATES.filter((s) => s !== 'done');
  if (states.length === 0) return [];
  const search = searchClause(q.search);
  const rows = db
    .prepare(
      `SELECT o.id, o.case_id, c.case_no, c.kind, c.business_key, c.psn_no, o.infno, o.state, o.attempts,
              o.next_attempt_at, o.last_error, o.platform_message, o.created_at, o.updated_at, o.held,
              d.state AS dep_state, dc.case_no AS dep_case_no, cd.applicant_name, cd.applicant_id_masked
       FROM outbox o JOIN cases c ON c.id = o.case_id
       LEFT JOIN case_details cd ON cd.case_id = c.id
       LEFT JOIN outbox d ON d.id = o.depends_on LEFT JOIN cases dc ON dc.id = d.case_id
       WHERE o.state IN (${states.map(() => '?').join(', ')}) AND o.resolution IS NULL ${search.sql}
       ORDER BY o.id LIMIT ? OFFSET ?`,
    )
    .all(...states, ...search.args, q.limit ?? 200, q.offset ?? 0) as EntryRow[];
  const now = ctx.now ?? new Date();
  return rows.map((r) => ({
    itemId: r.id,
    caseId: r.case_id,
    caseNo: r.case_no,
    kind: r.kind,
    kindLabel: KIND_LABELS[r.kind],
    businessKey: r.business_key,
    psnNo: r.psn_no,
    infno: r.infno,
    state: r.state,
    stateLabel: STATE_LABELS[r.state],
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    platformMessage: r.platform_message,
    waitReason: waitReason(r, ctx.online ?? true, now),
    applicantMasked: maskName(r.applicant_name ?? ''),
    idNumberMasked: r.applicant_id_masked ?? '',
    held: r.held,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

function waitReason(r: EntryRow, online: boolean, now: Date): string {
  switch (r.state) {
    case 'done':
      return '已上报';
    case 'in-flight':
      return '正在上报';
    case 'needs-clerk':
      return r.platform_message ? `平台退回: ${r.platform_message}` : (r.last_error ?? '需人工处理');
    default:
      break;
  }
  if (r.held) return r.held;
  if (r.dep_state && r.dep_state !== 'done') {
    return r.dep_state === 'needs-clerk'
      ? `原办件 ${r.dep_case_no} 被平台退回，本撤销暂不上报`
      : `等待原办件 ${r.dep_case_no} 上报完成后再上报`;
  }
  if (!online) return '网络中断，恢复后自动上报';
  const later = Date.parse(r.next_attempt_at) > now.getTime();
  if (r.state === 'unknown') return `上次上报结果未知，将先向平台查询${later ? '' : ' (即将进行)'}${r.last_error ? `: ${r.last_error}` : ''}`;
  if (r.state === 'retry') return `稍后自动重试${r.last_error ? `: ${r.last_error}` : ''}`;
  return '等待上报';
}

/**
 * The queue's search box: one text matched against the 办件编号 (any part), the applicant's name (its start)
 * and the ID number's last digits (or the whole number) — never echoed back in full.
 */
function searchClause(text: string | undefined): { sql: string; args: string[] } {
  const t = text?.trim() ?? '';
  if (!t) return { sql: '', args: [] };
  const esc = (x: string) => x.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return {
    sql: `AND (c.case_no LIKE ? ESCAPE '\\' OR cd.applicant_name LIKE ? ESCAPE '\\' OR cd.applicant_id_rev LIKE ? ESCAPE '\\')`,
    args: [`%${esc(t)}%`, `${esc(t)}%`, `${esc(reverseIdNumber(t))}%`],
  };
}
