/**
 * Read side of the desk's cases: the 受理回执 of a case and the 办件记录 (history) with the state the clerk
 * needs — from the case, its outbox row and its event history — and whether 撤销 is possible now.
 */
import type { CaseReceipt, CaseView } from '../../contract/features/cases';
import { PROVISIONAL_PSN_PREFIX } from '../platform/provisional-person';
import { getOutboxItemByCase } from '../outbox/outbox-store';
import { STATE_LABELS } from '../outbox/queue-view';
import type { A4AcceptanceReceipt } from '../printing/a4';
import type { Db } from '../store/database';
import { getCaseDetails } from '../cases/case-details';
import { findCaseByBusinessKey, getCase, isCancelKind, KIND_LABELS, listCaseEvents, type CaseKind, type CaseRecord } from '../cases/case-store';
import { isLongTermRegType } from '../../contract/vocabulary/remote-registration';
import { longTermStandingRule } from '../../contract/rules/remote-registration-rules';
import { cstDate, cstDateTime } from '../cases/working-days';

export interface CaseViewContext {
  db: Db;
  now: Date;
  /** Months a long-term 异地备案 must stand before it may be cancelled (province profile). */
  longTermMinMonths: number;
}

type RegistrationKind = 'special-disease' | 'remote-registration' | 'reimbursement';

/**
 * A stored receipt as the printers take it (A4 form and receipt printer). The case keeps only the masked
 * ID; the printers mask again, which leaves a masked number as it is.
 */
export function receiptPrintData(r: CaseReceipt): A4AcceptanceReceipt {
  return {
    office: r.office,
    caseNumber: r.caseNo,
    applicantName: r.applicantName,
    idNumber: r.idNumberMasked,
    items: r.items,
    materials: r.materials,
    acceptedAt: r.acceptedAt,
    clerk: r.clerk,
    committedDate: r.committedDate,
    pending: r.pending ?? undefined,
    provisional: r.provisional,
  };
}

export function receiptOf(db: Db, c: CaseRecord): CaseReceipt {
  const d = getCaseDetails(db, c.id);
  const kind = (isCancelKind(c.kind) ? c.kind.replace(/-cancel$/, '') : c.kind) as RegistrationKind;
  return {
    caseNo: c.caseNo,
    kind,
    kindLabel: KIND_LABELS[c.kind],
    office: d?.office ?? '',
    applicantName: d?.applicantName ?? '',
    idNumberMasked: d?.applicantIdMasked ?? '',
    items: d?.items ?? [{ name: KIND_LABELS[c.kind] }],
    materials: d?.materials ?? [],
    pending: d?.pending ?? null,
    acceptedAt: cstDateTime(c.createdAt),
    clerk: d?.clerkName ?? c.createdBy,
    committedDate: d?.committedDate ?? '',
    // Until 1101 confirms the person the case keeps its provisional 人员编号 (outbox/provisional-check.ts).
    provisional: c.psnNo.startsWith(PROVISIONAL_PSN_PREFIX),
  };
}

/** Why a registration may not be cancelled now, or null when it may. */
export function cancelBlocker(ctx: CaseViewContext, c: CaseRecord): string | null {
  if (isCancelKind(c.kind)) return '撤销办件本身不能再撤销';
  if (c.state === 'cancelled') return '该办件已撤销';
  if (c.state === 'needs-clerk') return '平台已退回该办件，无需撤销';
  const cancel = findCaseByBusinessKey(ctx.db, `${c.kind}-cancel` as CaseKind, c.businessKey);
  if (cancel && cancel.state !== 'needs-clerk') return `已提交撤销申请（办件编号 ${cancel.caseNo}）`;
  if (c.kind === 'remote-registration') {
    const regType = String(c.payload.regType ?? '');
    const begndate = String(c.payload.begndate ?? '');
    if (isLongTermRegType(regType) && /^\d{4}-\d{2}-\d{2}$/.test(begndate)) {
      const standing = longTermStandingRule(begndate, cstDate(ctx.now), ctx.longTermMinMonths);
      if (standing) return standing.message;
    }
  }
  return null;
}

export function caseViewOf(ctx: CaseViewContext, c: CaseRecord): CaseView {
  const d = getCaseDetails(ctx.db, c.id);
  const item = getOutboxItemByCase(ctx.db, c.id);
  let stateLabel = item ? STATE_LABELS[item.state] : '已受理';
  let tone: CaseView['tone'] = item?.state === 'done' ? 'done' : item?.state === 'needs-clerk' ? 'bad' : 'pending';
  if (c.state === 'cancelled') {
    stateLabel = '已撤销';
    tone = 'muted';
  } else if (!isCancelKind(c.kind)) {
    const cancel = findCaseByBusinessKey(ctx.db, `${c.kind}-cancel` as CaseKind, c.businessKey);
    if (cancel && cancel.state === 'accepted') {
      stateLabel = `${stateLabel}，撤销待上报`;
      tone = 'pending';
    }
  }
  const related = c.relatedCaseId ? getCase(ctx.db, c.relatedCaseId) : undefined;
  const blocker = cancelBlocker(ctx, c);
  return {
    caseNo: c.caseNo,
    kind: c.kind,
    kindLabel: KIND_LABELS[c.kind],
    summary: d?.summary ?? (related ? `撤销 ${related.caseNo}` : KIND_LABELS[c.kind]),
    psnNo: c.psnNo,
    applicantName: d?.applicantName ?? '',
    state: c.state,
    stateLabel,
    tone,
    platformMessage: item?.platformMessage ?? null,
    createdAt: c.createdAt,
    clerk: d?.clerkName ?? c.createdBy,
    relatedCaseNo: related?.caseNo ?? null,
    pending: d?.pending ?? null,
    cancellable: blocker === null,
    cancelNote: isCancelKind(c.kind) ? null : blocker,
    events: listCaseEvents(ctx.db, c.id).map((e) => ({ at: e.at, actor: e.actor, from: e.from, to: e.to, reason: e.reason })),
  };
}

function casesWhere(db: Db, where: string, args: unknown[], limit: number): CaseRecord[] {
  const ids = db.prepare(`SELECT id FROM cases ${where} ORDER BY id DESC LIMIT ?`).all(...args, limit) as Array<{ id: number }>;
  return ids.map((r) => getCase(db, r.id)!);
}

export function historyOf(ctx: CaseViewContext, psnNo: string, limit = 200): CaseView[] {
  return casesWhere(ctx.db, 'WHERE psn_no = ?', [psnNo], limit).map((c) => caseViewOf(ctx, c));
}

export function recentCases(ctx: CaseViewContext, limit = 50): CaseView[] {
  return casesWhere(ctx.db, '', [], limit).map((c) => caseViewOf(ctx, c));
}
