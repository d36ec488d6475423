/**
 * The clerk's follow-up on a case after acceptance, each step one transaction with its event (who, when, why):
 * - 容缺 补齐: the missing materials received; the held upload is released and the case moves on;
 * - 需人工处理 (the platform refused): correct and resubmit (a new case, linked to the old, which is closed
 *   and frees its business key), void it (作废, a supervisor's decision — access-policy), or mark it settled
 *   through another channel; "contacted the applicant" is recorded on the way.
 * Also the one read of a case in full for the 办件 screen (events, upload attempts, follow-up, actions).
 */
import type { CaseDetail } from '../../contract/features/worklist';
import { CORRECTABLE_FIELDS } from '../../contract/features/worklist';
import { AppError } from '../../contract/errors';
import type { WorkingDayCalendar } from '../catalogues/holiday-calendar';
import { completePendingMaterials, copySearchIdNumber, getCaseDetails, insertCaseDetails } from '../cases/case-details';
import {
  changeCaseState,
  getCaseByNo,
  isCancelKind,
  KIND_LABELS,
  recordCaseEvent,
  retireBusinessKey,
  type CaseRecord,
} from '../cases/case-store';
import { addWorkingDays, cstDate } from '../cases/working-days';
import { businessKeyOf, PAYLOAD_SCHEMAS } from '../outbox/case-payloads';
import { getOutboxItemByCase, listAttempts, releaseItemOfCase, resolveItem, type OutboxItem } from '../outbox/outbox-store';
import type { OutboxService } from '../outbox/outbox-service';
import { STATE_LABELS } from '../outbox/queue-view';
import { moveSettledClaim } from '../reimbursement/settled-claims';
import type { Db } from '../store/database';
import { caseViewOf, type CaseViewContext } from './case-views';
import type { DeskOperator } from './case-desk';
import { workStateOf } from './case-list';

export interface CaseFollowUpOptions {
  db: Db;
  outbox: OutboxService;
  clock: () => Date;
  office: { region: string; site: string };
  calendar?: WorkingDayCalendar;
  longTermMinMonths: number;
  /** Working days before a 容缺 deadline that count as "due soon" on the desk's reminder. */
  dueSoonWorkingDays?: number;
}

export class CaseFollowUp {
  constructor(private readonly o: CaseFollowUpOptions) {}

  private caseOrFail(caseNo: string): CaseRecord {
    const c = getCaseByNo(this.o.db, caseNo);
    if (!c) throw new AppError('not-found', `找不到办件 ${caseNo}`);
    return c;
  }

  private viewContext(): CaseViewContext {
    return { db: this.o.db, now: this.o.clock(), longTermMinMonths: this.o.longTermMinMonths };
  }

  private changed(item: OutboxItem | undefined): void {
    if (item) this.o.outbox.uploader.emit('changed', { itemId: item.id, caseId: item.caseId, state: item.state });
  }

  /** The 需人工处理 item of a case, or a refusal in words (the case is not waiting for the clerk). */
  private refusedItem(c: CaseRecord): OutboxItem {
    const item = getOutboxItemByCase(this.o.db, c.id);
    if (c.state !== 'needs-clerk' || !item || item.state !== 'needs-clerk' || item.resolution) {
      throw new AppError('not-needs-clerk', `办件 ${c.caseNo} 不是待人工处理的办件（平台未退回或已处理）`);
    }
    return item;
  }

  detail(caseNo: string): CaseDetail {
    const c = this.caseOrFail(caseNo);
    const { db } = this.o;
    const d = getCaseDetails(db, c.id);
    const item = getOutboxItemByCase(db, c.id);
    const pendingOpen = !!d?.pending && !d.completed;
    const workState = workStateOf(c.state, pendingOpen);
    const today = cstDate(this.o.clock());
    const refused = c.state === 'needs-clerk' && item?.state === 'needs-clerk' && !item.resolution;
    const replacement = db.prepare('SELECT case_no FROM cases WHERE related_case_id = ? AND kind = ? ORDER BY id DESC LIMIT 1').get(c.id, c.kind) as
      | { case_no: string }
      | undefined;
    const fields = CORRECTABLE_FIELDS[c.kind] ?? [];
    return {
      view: caseViewOf(this.viewContext(), c),
      idNumberMasked: d?.applicantIdMasked ?? '',
      clerkCode: c.createdBy,
      workState,
      committedDate: d?.committedDate ?? '',
      materials: d?.materials ?? [],
      followUp: d?.pending ? { ...d.pending, overdue: pendingOpen && d.pending.deadline < today, completed: d.completed ?? null } : null,
      upload: item
        ? {
            state: item.state,
            stateLabel: STATE_LABELS[item.state],
            platformMessage: item.platformMessage,
            held: item.held,
            resolution: item.resolution,
            attempts: listAttempts(db, item.id).map((a) => ({
              action: a.action,
              infno: a.infno,
              msgid: a.msgid,
              startedAt: a.startedAt,
              finishedAt: a.finishedAt,
              outcome: a.outcome,
              message: a.message,
            })),
          }
        : null,
      actions: {
        resubmit: refused && !isCancelKind(c.kind),
        void: refused,
        settle: refused,
        contact: refused || (pendingOpen && c.state === 'accepted'),
        complete: pendingOpen && c.state === 'accepted',
      },
      correctable: fields.map((f) => ({ ...f, value: String(c.payload[f.key] ?? '') })),
      replacedBy: replacement?.case_no ?? null,
    };
  }

  /** 容缺 补齐: every missing material must be among those received; the held upload goes now. */
  completeMaterials(caseNo: string, received: readonly string[], note: string, op: DeskOperator): { caseNo: string; released: boolean } {
    const c = this.caseOrFail(caseNo);
    const d = getCaseDetails(this.o.db, c.id);
    if (!d?.pending) throw new AppError('no-pending-materials', `办件 ${caseNo} 不是容缺受理的办件`);
    if (d.completed) throw new AppError('no-pending-materials', `办件 ${caseNo} 的容缺材料已于 ${d.completed.at.slice(0, 10)} 补齐`);
    if (c.state !== 'accepted') throw new AppError('no-pending-materials', `办件 ${caseNo} 已${c.state === 'cancelled' ? '撤销' : '结束'}，无需补齐`);
    const missing = d.pending.materials.filter((m) => !received.includes(m));
    if (missing.length) throw new AppError('invalid-input', `尚未收到：${missing.join('、')}。全部补齐后才能继续上报`);
    const unknown = received.filter((m) => !d.pending!.materials.includes(m));
    if (unknown.length) throw new AppError('invalid-input', `不是该办件的容缺材料：${unknown.join('、')}`);
    const now = this.o.clock();
    const at = now.toISOString();
    const text = note.trim();
    const released = this.o.db.transaction(() => {
      completePendingMaterials(this.o.db, c.id, { at, by: op.code, note: [d.pending!.materials.join('、'), text].filter(Boolean).join('；') });
      recordCaseEvent(this.o.db, {
        caseId: c.id,
        actor: op.code,
        from: c.state,
        to: c.state,
        reason: `容缺材料补齐（${op.name} 收到：${d.pending!.materials.join('、')}${text ? `；${text}` : ''}）`,
        at,
      });
      return releaseItemOfCase(this.o.db, c.id, now);
    })();
    const item = getOutboxItemByCase(this.o.db, c.id);
    if (released && item) this.o.outbox.retryNow(item.id);
    return { caseNo, released };
  }

  /** "Contacted the applicant": an event on the case, nothing else changes. */
  contacted(caseNo: string, note: string, op: DeskOperator): void {
    const c = this.caseOrFail(caseNo);
    const d = getCaseDetails(this.o.db, c.id);
    const item = getOutboxItemByCase(this.o.db, c.id);
    const open = (c.state === 'needs-clerk' && !item?.resolution) || (c.state === 'accepted' && !!d?.pending && !d.completed);
    if (!open) throw new AppError('not-needs-clerk', `办件 ${caseNo} 没有待跟进的事项`);
    recordCaseEvent(this.o.db, { caseId: c.id, actor: op.code, from: c.state, to: c.state, reason: `已联系申请人（${op.name}）：${note.trim()}`, at: this.o.clock().toISOString() });
  }

  /** 作废: the refused filing is closed for good and its business key freed. The caller checked the role. */
  void(caseNo: string, reason: string, supervisor: DeskOperator): void {
    const c = this.caseOrFail(caseNo);
    const item = this.refusedItem(c);
    const now = this.o.clock();
    this.o.db.transaction(() => {
      resolveItem(this.o.db, item.id, 'voided', now);
      retireBusinessKey(this.o.db, c.id, c.caseNo);
      changeCaseState(this.o.db, c.id, 'voided', { actor: supervisor.code, reason: `作废（主管 ${supervisor.name}）：${reason.trim()}`, now });
    })();
    this.changed(item);
  }

  /** Settled elsewhere (办结 through another channel): closed, the business key kept (the business exists). */
  settleElsewhere(caseNo: string, note: string, op: DeskOperator): void {
    const c = this.caseOrFail(caseNo);
    const item = this.refusedItem(c);
    const now = this.o.clock();
    this.o.db.transaction(() => {
      resolveItem(this.o.db, item.id, 'settled-elsewhere', now);
      changeCaseState(this.o.db, c.id, 'settled-elsewhere', { actor: op.code, reason: `已在其他渠道办结（${op.name}）：${note.trim()}`, now });
    })();
    this.changed(item);
  }

  /**
   * Correct and resubmit: a new case with the corrected payload (checked as at acceptance), linked to the old;
   * the old case is closed as resubmitted and its upload resolved, its claim and invoices move to the new one.
   */
  resubmit(caseNo: string, corrections: Record<string, string>, note: string, op: DeskOperator): { caseNo: string; replaces: string } {
    const old = this.caseOrFail(caseNo);
    if (isCancelKind(old.kind)) throw new AppError('not-needs-clerk', '撤销办件不能更正重报：请作废或标记为已在其他渠道办结');
    const item = this.refusedItem(old);
    const allowed = new Set((CORRECTABLE_FIELDS[old.kind] ?? []).map((f) => f.key));
    const bad = Object.keys(corrections).filter((k) => !allowed.has(k));
    if (bad.length) throw new AppError('invalid-input', `这些项目不能在重报时更正：${bad.join('、')}`);
    const parsed = PAYLOAD_SCHEMAS[old.kind].safeParse({ ...old.payload, ...corrections });
    if (!parsed.success) throw new AppError('invalid-input', parsed.error.issues.map((i) => i.message).join('；'));
    const payload = parsed.data;
    const key = businessKeyOf(old.kind, old.psnNo, payload);
    if (!key) throw new AppError('invalid-input', '无法确定业务键');
    const d = getCaseDetails(this.o.db, old.id);
    const now = this.o.clock();
    const text = note.trim();
    const rec = this.o.db.transaction(() => {
      retireBusinessKey(this.o.db, old.id, old.caseNo);
      const r = this.o.outbox.accept({
        kind: old.kind,
        businessKey: key,
        psnNo: old.psnNo,
        insuplcAdmdvs: old.insuplcAdmdvs,
        payload,
        clerk: op.code,
        clerkName: op.name,
        opterType: op.type,
        region: this.o.office.region,
        site: this.o.office.site,
        reason: `更正重报（原办件 ${old.caseNo}）：${text}`,
        replaces: old.id,
      });
      if (d) {
        const { completed: _completed, ...rest } = d;
        void _completed;
        insertCaseDetails(this.o.db, {
          ...rest,
          caseId: r.id,
          clerkName: op.name,
          pending: null,
          committedDate: d.committedDate,
        });
        copySearchIdNumber(this.o.db, old.id, r.id);
      }
      this.o.db.prepare('UPDATE case_invoices SET case_id = ? WHERE case_id = ?').run(r.id, old.id);
      moveSettledClaim(this.o.db, old.id, r.id);
      resolveItem(this.o.db, item.id, `resubmitted:${r.caseNo}`, now);
      changeCaseState(this.o.db, old.id, 'resubmitted', { actor: op.code, reason: `已更正重报，新办件 ${r.caseNo}：${text}`, now });
      return r;
    })();
    this.changed(item);
    return { caseNo: rec.caseNo, replaces: old.caseNo };
  }

  /** Open 容缺 cases, earliest deadline first, with how many are overdue and due within a few working days. */
  followUps(): { open: Array<{ caseNo: string; kindLabel: string; applicantName: string; idNumberMasked: string; materials: string[]; deadline: string; overdue: boolean; clerk: string }>; overdue: number; dueSoon: number } {
    const today = cstDate(this.o.clock());
    const soon = addWorkingDays(today, this.o.dueSoonWorkingDays ?? 2, this.o.calendar);
    const rows = this.o.db
      .prepare(
        `SELECT c.case_no, c.kind, d.applicant_name, d.applicant_id_masked, d.pending_materials, d.pending_deadline, d.clerk_name
         FROM case_details d INDEXED BY case_details_open_pending JOIN cases c ON c.id = d.case_id
         WHERE d.pending_deadline IS NOT NULL AND d.completed_at IS NULL AND c.state = 'accepted'
         ORDER BY d.pending_deadline, c.id LIMIT 500`,
      )
      .all() as Array<{ case_no: string; kind: keyof typeof KIND_LABELS; applicant_name: string; applicant_id_masked: string; pending_materials: string; pending_deadline: string; clerk_name: string }>;
    const open = rows.map((r) => ({
      caseNo: r.case_no,
      kindLabel: KIND_LABELS[r.kind],
      applicantName: r.applicant_name,
      idNumberMasked: r.applicant_id_masked,
      materials: JSON.parse(r.pending_materials) as string[],
      deadline: r.pending_deadline,
      overdue: r.pending_deadline < today,
      clerk: r.clerk_name,
    }));
    return { open, overdue: open.filter((r) => r.overdue).length, dueSoon: open.filter((r) => !r.overdue && r.deadline <= soon).length };
  }
}
