/**
 * The desk's workflow for the three services: check the person, the form and the materials; refuse with a
 * 一次性告知单 listing every missing item, or accept (possibly 容缺) into the outbox in one transaction with
 * the receipt details — and 撤销 an accepted case as a cancellation case that waits for its registration.
 * The operator is the caller's, per call: they are the case's acceptor (or canceller), its first event's actor,
 * the receipt's 经办人 and the opter of every envelope the uploader sends for it. A 容缺 acceptance also needs
 * a supervisor's approval, which the desk asks for only when materials are actually missing.
 */
import type { AcceptInput, AcceptOutcome, CaseReceipt, OneTimeNotice } from '../../contract/features/cases';
import { maskIdNumber } from '../../../shared/id-number';
import { businessKeyOf, PAYLOAD_SCHEMAS } from '../outbox/case-payloads';
import { acceptanceProblem, unknownDiseaseMessage } from '../cases/acceptance-rules';
import type { OutboxService } from '../outbox/outbox-service';
import { REMOTE_REG_TYPE_NAMES } from '../../contract/vocabulary/remote-registration';
import type { Person } from '../platform/transactions/person';
import type { ReimbursementService, ClaimCalculation } from '../reimbursement/reimbursement-service';
import { VISIT_TYPE_NAMES } from '../../contract/vocabulary/reimbursement';
import type { Db } from '../store/database';
import { firstIneligibility } from '../../contract/rules/acceptance-eligibility';
import { IneligibleError } from '../../contract/rules/rule-refusal';
import { outsidePoolingAreaRule } from '../../contract/rules/remote-registration-rules';
import { poolingAreaCode } from '../catalogues/regions';
import { gatherEligibilityFacts } from '../cases/eligibility-facts';
import type { PlatformClient } from '../platform/client';
import { copySearchIdNumber, insertCaseDetails, insertCaseInvoices, insertNotice, nextNoticeNo } from '../cases/case-details';
import { getCaseByNo, KIND_LABELS, recordCaseEvent, type CaseKind } from '../cases/case-store';
import { holdItemOfCase } from '../outbox/outbox-store';
import { cancelBlocker, receiptOf, type CaseViewContext } from './case-views';
import type { Disease } from '../cases/disease-catalogue';
import { findInsuredPerson } from '../cases/insured-person';
import type { AttachmentStore } from '../attachments/attachment-store';
import { checkMaterials, KIOSK_PROMISE, materialsChecklist, UnknownMaterialError, type MaterialsChannel } from '../cases/materials';
import { deadlinesOf, type Deadlines } from '../cases/service-rules';
import { AppError } from '../../contract/errors';
import { addWorkingDays, cstDate, cstDateTime } from '../cases/working-days';
import type { WorkingDayCalendar } from '../catalogues/holiday-calendar';

export interface CaseDeskOptions {
  db: Db;
  outbox: OutboxService;
  reimbursement: ReimbursementService;
  diseases: readonly Disease[];
  clock: () => Date;
  office: { name: string; region: string; site: string };
  longTermMinMonths: number;
  /** 法定节假日 and 调休 for deadlines and committed dates; default Monday–Friday. */
  calendar?: WorkingDayCalendar;
  /** The region's name beside the 就医地 code on receipts (../catalogues/regions.ts). */
  regionName?: (code: string) => string | undefined;
  /** Why a code cannot be a 就医地 (000000, unknown, a province), checked before anything is filed. */
  medicalPlaceProblem?: (code: string) => string | null;
  /** 临时备案 minimum months and the 补办 window in days (province profile; default 6 and 90). */
  remoteLimits?: { temporaryMinMonths: number; retroactiveDays: number };
  /** Asked at acceptance for what the platform already holds (5301, 备案, invoices); absent: local facts only. */
  platform?: PlatformClient;
  /** The materials store: a draft's attachments count as received and move to the case in its transaction. */
  attachments?: AttachmentStore;
  /** 容缺 promise and committed completion, in working days (config.json `cases`); default the sample values. */
  deadlines?: Deadlines;
}

/** The shortest 撤销原因 accepted: a word or two of why, typed by the clerk (the form says the same). */
export const CANCEL_REASON_MIN = 4;

/** Why a 容缺 case's upload waits, as the queue shows it. */
export const HELD_FOR_MATERIALS = '容缺受理：材料补齐后上报';

/** Who does the business: the signed-in operator, with their envelope opter_type (1 counter, 2 kiosk). */
export interface DeskOperator {
  code: string;
  name: string;
  type: 1 | 2;
}

/** A supervisor who approved a 容缺 acceptance. */
export interface ExceptionApprover {
  code: string;
  name: string;
}

export interface AcceptAuthority {
  operator: DeskOperator;
  /** Asked only when the case would be accepted 容缺: resolves with the approving supervisor, or throws. */
  approveException(): Promise<ExceptionApprover> | ExceptionApprover;
}

interface Prepared {
  payload: Record<string, unknown>;
  businessKey: string;
  summary: string;
  items: CaseReceipt['items'];
  calc: ClaimCalculation | null;
}

export class CaseDesk {
  private readonly deadlines: Deadlines;

  constructor(private readonly o: CaseDeskOptions) {
    this.deadlines = o.deadlines ?? deadlinesOf();
  }

  private viewContext(): CaseViewContext {
    return { db: this.o.db, now: this.o.clock(), longTermMinMonths: this.o.longTermMinMonths };
  }

  private person(psnNo: string): Person {
    const p = findInsuredPerson(this.o.db, psnNo);
    if (!p) throw new AppError('person-unknown', `本机没有人员编号 ${psnNo} 的参保信息，请先读取证件并查询参保信息`);
    return p;
  }

  async accept(input: AcceptInput, authority: AcceptAuthority): Promise<AcceptOutcome> {
    const clerk = authority.operator;
    const person = this.person(input.psnNo);
    if (!person.insuinfo.some((i) => i.insuplc_admdvs === input.insuplcAdmdvs)) {
      throw new AppError('invalid-input', `参保地区划 ${input.insuplcAdmdvs} 与平台查询结果不一致`);
    }
    if (!person.insuinfo.some((i) => i.insutype === input.form.insutype)) {
      throw new AppError('invalid-input', `该人员没有险种 ${input.form.insutype} 的参保记录，请按平台查询结果选择险种`);
    }
    const channel = channelOf(clerk);
    if (channel === 'kiosk' && input.promiseSigned) throw new AppError('invalid-input', KIOSK_NO_EXCEPTION);
    const prepared = await this.prepare(input, person, channel);

    const checklist = materialsChecklist(
      {
        kind: input.kind,
        regType: input.kind === 'remote-registration' ? input.form.regType : undefined,
        visitType: input.kind === 'reimbursement' ? input.form.visitType : undefined,
        reason: input.kind === 'reimbursement' ? input.form.reason : undefined,
      },
      channel,
    );
    if (channel === 'kiosk' && checklist.length === 0) throw new AppError('invalid-input', KIOSK_NOT_SELF_SERVICE);
    let check;
    try {
      // An attached material counts as received (ticked by attaching it); one no longer on the list does not.
      const attached = input.draftId && this.o.attachments ? this.o.attachments.materialIdsOf(input.draftId) : [];
      const listed = new Set(checklist.map((x) => x.id));
      check = checkMaterials(checklist, [...new Set([...input.materials, ...attached.filter((id) => listed.has(id))])], channel);
    } catch (err) {
      if (err instanceof UnknownMaterialError) throw new AppError('invalid-input', err.message);
      throw err;
    }
    // A kiosk issues no 一次性告知单 and takes no 容缺: the citizen is simply asked to confirm on screen.
    if (channel === 'kiosk' && check.missingMain.length + check.missingMinor.length > 0) {
      throw new AppError('promise-required', `请先在屏幕上确认：${[...check.missingMain, ...check.missingMinor].map((x) => x.material).join('、')}`);
    }
    // Eligibility before any 告知单 or 回执: neither is issued for a case that may not be accepted at all.
    const unchecked = await this.checkEligibility(input, person, prepared.payload);
    const now = this.o.clock();
    const applicantIdMasked = maskIdNumber(person.certno);
    if (check.missingMain.length > 0) {
      const { region, site } = this.o.office;
      const notice: OneTimeNotice = this.o.db.transaction(() => {
        const noticeNo = nextNoticeNo(this.o.db, region, site, cstDate(now).replace(/-/g, ''));
        const n: OneTimeNotice = {
          noticeNo,
          kind: input.kind,
          kindLabel: KIND_LABELS[input.kind],
          office: this.o.office.name,
          applicantName: person.psn_name,
          idNumberMasked: applicantIdMasked,
          item: `${KIND_LABELS[input.kind]}（${prepared.summary}）`,
          missing: [...check.missingMain, ...check.missingMinor],
          issuedAt: cstDateTime(now),
          clerk: clerk.name,
        };
        insertNotice(this.o.db, { noticeNo, kind: input.kind, psnNo: person.psn_no, notice: n, issuedAt: now.toISOString(), issuedBy: clerk.code });
        return n;
      })();
      return { outcome: 'refused', notice };
    }
    if (check.missingMinor.length > 0 && !input.promiseSigned) {
      throw new AppError(
        'promise-required',
        `以下材料可以容缺受理，但须申请人签署容缺承诺书：${check.missingMinor.map((x) => x.material).join('、')}`,
      );
    }
    const today = cstDate(now);
    const pending = check.missingMinor.length
      ? { materials: check.missingMinor.map((x) => x.material), deadline: addWorkingDays(today, this.deadlines.promiseWorkingDays, this.o.calendar) }
      : null;
    const approver = pending ? await authority.approveException() : null;
    const approval = approver ? `（主管 ${approver.name} ${approver.code} 批准）` : '';

    const rec = this.o.db.transaction(() => {
      const r = this.o.outbox.accept({
        kind: input.kind,
        businessKey: prepared.businessKey,
        psnNo: person.psn_no,
        insuplcAdmdvs: input.insuplcAdmdvs,
        payload: prepared.payload,
        clerk: clerk.code,
        clerkName: clerk.name,
        opterType: clerk.type,
        region: this.o.office.region,
        site: this.o.office.site,
        reason: `${pending ? `容缺受理${approval}，承诺 ${pending.deadline} 前补齐：${pending.materials.join('、')}` : '受理'}${
          unchecked.length ? `；平台未连通，未核对：${unchecked.join('、')}（上报时由平台核对）` : ''
        }`,
      });
      insertCaseDetails(this.o.db, {
        caseId: r.id,
        applicantName: person.psn_name,
        applicantIdMasked,
        summary: prepared.summary,
        office: this.o.office.name,
        clerkName: receiptClerk(clerk),
        items: prepared.items,
        materials: check.received.map((x) => x.name),
        pending,
        committedDate: addWorkingDays(today, this.deadlines.committedWorkingDays[input.kind], this.o.calendar),
        applicantIdNumber: person.certno,
      });
      // In the accepting transaction: the uploader never sees the case without its materials.
      if (input.draftId) this.o.attachments?.linkDraft(input.draftId, r.id);
      // 容缺: the filing waits for the missing materials (补齐 releases it, ./case-followup.ts).
      if (pending) holdItemOfCase(this.o.db, r.id, HELD_FOR_MATERIALS, now);
      if (prepared.calc) {
        insertCaseInvoices(this.o.db, r.id, prepared.calc.built.invoices);
        this.o.reimbursement.settle(r.id, person.psn_no, prepared.calc, now);
      }
      return r;
    })();
    return { outcome: 'accepted', receipt: receiptOf(this.o.db, rec), calculation: prepared.calc?.view ?? null };
  }

  /**
   * The eligibility rules (contract/rules/acceptance-eligibility.ts), before any notice or receipt: throws the
   * first refusal; returns the platform facts that could not be checked (offline), which the case records.
   */
  private async checkEligibility(input: AcceptInput, person: Person, payload: Record<string, unknown>): Promise<string[]> {
    const { facts, unchecked } = await gatherEligibilityFacts(
      {
        db: this.o.db,
        client: this.o.platform,
        today: cstDate(this.o.clock()),
        limits: { temporaryMinMonths: 6, retroactiveDays: 90, ...this.o.remoteLimits, longTermMinMonths: this.o.longTermMinMonths },
      },
      { kind: input.kind, person, insutype: input.form.insutype, insuplcAdmdvs: input.insuplcAdmdvs, payload },
    );
    const refusal = firstIneligibility(facts);
    if (refusal) throw new IneligibleError(refusal);
    return unchecked;
  }

  /** Kind-specific checks and the platform payload. Throws AppError with a Chinese message. */
  private async prepare(input: AcceptInput, person: Person, channel: MaterialsChannel): Promise<Prepared> {
    const today = cstDate(this.o.clock());
    let payload: Record<string, unknown>;
    let summary: string;
    let items: CaseReceipt['items'];
    let calc: ClaimCalculation | null = null;
    switch (input.kind) {
      case 'special-disease': {
        const f = input.form;
        const disease = this.o.diseases.find((d) => d.code === f.diseaseCode);
        if (!disease) throw new AppError('invalid-input', unknownDiseaseMessage(f.diseaseCode));
        payload = {
          insutype: f.insutype,
          opsp_dise_code: disease.code,
          opsp_dise_name: disease.name,
          tel: f.tel,
          addr: f.addr,
          insu_optins: input.insuplcAdmdvs,
          ide_fixmedins_no: f.hospitalCode,
          ide_fixmedins_name: f.hospitalName,
          hosp_ide_date: f.assessedOn,
          diag_dr_codg: f.doctorCode,
          diag_dr_name: f.doctorName,
          begndate: f.begndate,
          enddate: f.enddate,
        };
        summary = `${disease.name}（${disease.code}）`;
        items = [{ name: `门诊慢特病备案：${disease.name}（${disease.code}）` }];
        break;
      }
      case 'remote-registration': {
        const f = input.form;
        // Before the catalogue check: a code inside the person's own 统筹区 is refused for that reason.
        const ownArea = outsidePoolingAreaRule(input.insuplcAdmdvs, f.targetAdmdvs, poolingAreaCode);
        if (ownArea) throw new IneligibleError(ownArea);
        const placeProblem = this.o.medicalPlaceProblem?.(f.targetAdmdvs);
        if (placeProblem) throw new AppError('invalid-input', placeProblem);
        // 承诺制: the counter's signed 个人承诺书 instead of a residence proof, or the kiosk's on-screen promise.
        const promise =
          channel === 'kiosk'
            ? input.materials.includes(KIOSK_PROMISE.id)
            : input.materials.includes('rr-promise-letter') && !input.materials.includes('rr-residence-proof');
        payload = {
          insutype: f.insutype,
          regType: f.regType,
          targetAdmdvs: f.targetAdmdvs,
          targetHospitalCode: f.targetHospitalCode,
          targetHospitalName: f.targetHospitalName,
          begndate: f.begndate,
          enddate: f.enddate,
          tel: f.tel,
          addr: f.addr,
          promise,
          memo: f.memo,
        };
        const typeName = REMOTE_REG_TYPE_NAMES[f.regType];
        const regionName = this.o.regionName?.(f.targetAdmdvs);
        const place = regionName ? `${regionName} ${f.targetAdmdvs}` : f.targetAdmdvs;
        summary = `${typeName} · 就医地 ${place}${f.targetHospitalName ? ` ${f.targetHospitalName}` : ''}`;
        items = [{ name: `异地就医备案：${typeName}（就医地 ${place}${promise ? '，承诺制' : ''}）` }];
        break;
      }
      case 'reimbursement': {
        const f = input.form;
        const early = acceptanceProblem('reimbursement', { enddate: f.enddate }, { diseases: this.o.diseases, today });
        if (early) throw new AppError('invalid-input', early); // before the calculation, which needs the platform
        calc = await this.o.reimbursement.calculate(person, f);
        const r = calc.result;
        if (!r.eligible) throw new AppError('not-eligible', `本次费用不符合报销条件：${r.reasons.join('；')}`);
        const fundFen = r.fundPay + r.seriousIllnessPay + r.assistancePay;
        payload = {
          insutype: f.insutype,
          reason: f.reason,
          hospitalCode: f.hospitalCode,
          hospitalName: f.hospitalName,
          begndate: f.begndate,
          enddate: f.enddate,
          totalFen: r.total,
          fundPayFen: fundFen,
          invoices: calc.built.invoices,
          memo: f.memo,
        };
        summary = `${VISIT_TYPE_NAMES[f.visitType]} · ${f.hospitalName} · 票据 ${f.invoices.length} 张`;
        items = [
          { name: `零星报销：${VISIT_TYPE_NAMES[f.visitType]}（${f.hospitalName}）`, amountFen: r.total },
          { name: '其中基金支付（试算）', amountFen: fundFen },
        ];
        break;
      }
    }
    const parsed = PAYLOAD_SCHEMAS[input.kind].safeParse(payload);
    if (!parsed.success) throw new AppError('invalid-input', parsed.error.issues.map((i) => i.message).join('；'));
    payload = parsed.data;
    const problem = acceptanceProblem(input.kind, payload, { diseases: this.o.diseases, today });
    if (problem) throw new AppError('invalid-input', problem);
    const key = businessKey(input.kind, person.psn_no, payload);
    return { payload, businessKey: key, summary, items, calc };
  }

  /**
   * 撤销: a cancellation case queued behind its registration, with the applicant's reason as the clerk typed it
   * (required), recorded on both cases' events.
   */
  cancel(caseNo: string, reason: string, clerk: DeskOperator): { caseNo: string; cancels: string; receipt: CaseReceipt } {
    const memo = reason.trim();
    if ([...memo].length < CANCEL_REASON_MIN) throw new AppError('invalid-input', `请填写撤销原因（至少 ${CANCEL_REASON_MIN} 个字）`);
    const reg = getCaseByNo(this.o.db, caseNo);
    if (!reg) throw new AppError('not-found', `找不到办件 ${caseNo}`);
    const blocker = cancelBlocker(this.viewContext(), reg);
    if (blocker) throw new AppError('not-cancellable', blocker);
    const now = this.o.clock();
    const kind = `${reg.kind}-cancel` as CaseKind;
    const rec = this.o.db.transaction(() => {
      const r = this.o.outbox.accept({
        kind,
        businessKey: reg.businessKey,
        psnNo: reg.psnNo,
        insuplcAdmdvs: reg.insuplcAdmdvs,
        payload: { memo },
        clerk: clerk.code,
        clerkName: clerk.name,
        opterType: clerk.type,
        region: this.o.office.region,
        site: this.o.office.site,
        reason: `撤销办件 ${reg.caseNo}：${memo}`,
      });
      recordCaseEvent(this.o.db, { caseId: reg.id, actor: clerk.code, from: reg.state, to: reg.state, reason: `申请撤销（办件 ${r.caseNo}）：${memo}`, at: now.toISOString() });
      const original = receiptOf(this.o.db, reg);
      insertCaseDetails(this.o.db, {
        caseId: r.id,
        applicantName: original.applicantName,
        applicantIdMasked: original.idNumberMasked,
        summary: `撤销 ${reg.caseNo}（${KIND_LABELS[reg.kind]}）`,
        office: this.o.office.name,
        clerkName: clerk.name,
        items: [{ name: `${KIND_LABELS[kind]}（原办件编号 ${reg.caseNo}）` }],
        materials: ['撤销申请（申请人签字）'],
        pending: null,
        committedDate: addWorkingDays(cstDate(now), this.deadlines.committedWorkingDays[kind], this.o.calendar),
      });
      copySearchIdNumber(this.o.db, reg.id, r.id);
      return r;
    })();
    return { caseNo: rec.caseNo, cancels: reg.caseNo, receipt: receiptOf(this.o.db, rec) };
  }
}

const KIOSK_NO_EXCEPTION = '自助终端不能办理容缺受理：材料不齐时请到柜台办理';
const KIOSK_NOT_SELF_SERVICE = '该业务不能在自助终端办理，请到柜台办理';

/** opter_type 2 is a self-service kiosk: its cases follow the kiosk's materials rule (../cases/materials). */
export function channelOf(operator: DeskOperator): MaterialsChannel {
  return operator.type === 2 ? 'kiosk' : 'counter';
}

/** The receipt's 经办人: the clerk's name, or for a kiosk plainly that the citizen did it themself there. */
export function receiptClerk(operator: DeskOperator): string {
  return operator.type === 2 ? `自助终端 ${operator.name}（自助办理）` : operator.name;
}

function businessKey(kind: CaseKind, psnNo: string, payload: Record<string, unknown>): string {
  const key = businessKeyOf(kind, psnNo, payload);
  if (!key) throw new AppError('invalid-input', '无法确定业务键');
  return key;
}
