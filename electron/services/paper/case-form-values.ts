/**
 * A case's values for its forms, from what the desk stored: the case and its platform payload, the receipt
 * details (applicant, clerk, materials, 容缺), the settled claim of a 零星报销 (the engine's figures and
 * explanation) and, for the forms that need the full 公民身份号码, the person as the platform last described
 * them (the person cache). When the cache no longer holds the person (retention purge), {{idNumber}} prints
 * the masked number: the form is still valid paper, the clerk writes the number in by hand.
 * Also which forms apply to a case (a template's appliesTo).
 */
import { INSUTYPE_NAMES } from '../../contract/vocabulary/insurance-types';
import { REIMBURSEMENT_REASON_NAMES, type ReimbursementReason } from '../../contract/vocabulary/reimbursement';
import { REMOTE_REG_TYPE_NAMES, type RemoteRegType } from '../../contract/vocabulary/remote-registration';
import { getCaseDetails } from '../cases/case-details';
import { getCase, isCancelKind, KIND_LABELS, type CaseRecord } from '../cases/case-store';
import { findInsuredPerson } from '../cases/insured-person';
import { cstDate, cstDateTime } from '../cases/working-days';
import { formatFen } from '../../../native/protocols/escpos/layout';
import { settledClaimOfCase } from '../reimbursement/settled-claims';
import type { Db } from '../store/database';
import type { FormValues } from './form-fields';
import type { FormTemplate } from './form-template';

export interface FormValueContext {
  db: Db;
  now: Date;
  /** The policy's name printed on the 结算单 (the engine's figures come from the stored claim). */
  policyName: string;
  /** A 就医地 code's name (catalogues/regions). */
  regionName?: (code: string) => string | undefined;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Which of the templates apply to this case, in their order. */
export function formsForCase(db: Db, templates: readonly FormTemplate[], c: CaseRecord): FormTemplate[] {
  const pending = getCaseDetails(db, c.id)?.pending != null;
  return templates.filter((t) => {
    if (!t.appliesTo.kinds.includes(c.kind)) return false;
    if (t.appliesTo.when === 'promise') return c.payload.promise === true;
    if (t.appliesTo.when === 'pending') return pending;
    return true;
  });
}

export function caseFormValues(ctx: FormValueContext, c: CaseRecord): FormValues {
  const d = getCaseDetails(ctx.db, c.id);
  const p = c.payload;
  const person = findInsuredPerson(ctx.db, c.psnNo);
  const masked = d?.applicantIdMasked ?? '';
  const insutype = str(p.insutype);
  const fields: FormValues['fields'] = {
    office: d?.office ?? '',
    caseNo: c.caseNo,
    kindLabel: KIND_LABELS[c.kind],
    summary: d?.summary ?? '',
    acceptedAt: cstDateTime(c.createdAt),
    committedDate: d?.committedDate ?? '',
    printedAt: cstDateTime(ctx.now),
    printedDate: cstDate(ctx.now),
    clerk: d?.clerkName ?? c.createdByName ?? c.createdBy,
    applicantName: d?.applicantName ?? person?.psn_name ?? '',
    idNumber: person?.certno ?? masked,
    idNumberMasked: masked,
    psnNo: c.psnNo,
    insuplcAdmdvs: c.insuplcAdmdvs ?? '',
    insutype: insutype ? `${INSUTYPE_NAMES[insutype] ?? ''}（${insutype}）` : '',
    tel: str(p.tel),
    addr: str(p.addr),
    begndate: str(p.begndate),
    enddate: str(p.enddate) || (p.begndate ? '长期' : ''),
    memo: str(p.memo),
    pendingDeadline: d?.pending?.deadline ?? '',
  };
  const lists: FormValues['lists'] = { materials: d?.materials ?? [], pendingMaterials: d?.pending?.materials ?? [] };
  let settlement: FormValues['settlement'] = null;

  if (c.kind === 'remote-registration') {
    const target = str(p.targetAdmdvs);
    const name = target ? ctx.regionName?.(target) : undefined;
    Object.assign(fields, {
      regType: REMOTE_REG_TYPE_NAMES[str(p.regType) as RemoteRegType] ?? str(p.regType),
      targetPlace: name ? `${name}（${target}）` : target,
      targetHospital: [str(p.targetHospitalName), str(p.targetHospitalCode)].filter(Boolean).join(' ') || '（不限定）',
      promise: p.promise === true ? '是' : '否',
    });
  } else if (c.kind === 'special-disease') {
    Object.assign(fields, {
      diseaseName: str(p.opsp_dise_name),
      diseaseCode: str(p.opsp_dise_code),
      assessHospital: [str(p.ide_fixmedins_name), str(p.ide_fixmedins_no)].filter(Boolean).join(' '),
      assessedOn: str(p.hosp_ide_date),
      doctor: [str(p.diag_dr_name), str(p.diag_dr_codg)].filter(Boolean).join(' '),
    });
  } else if (c.kind === 'reimbursement') {
    const invoices = Array.isArray(p.invoices) ? (p.invoices as Array<{ code: string; no: string; amountFen: number }>) : [];
    Object.assign(fields, {
      claimReason: REIMBURSEMENT_REASON_NAMES[str(p.reason) as ReimbursementReason] ?? str(p.reason),
      hospital: [str(p.hospitalName), str(p.hospitalCode)].filter(Boolean).join(' '),
      visitPeriod: `${str(p.begndate)} 至 ${str(p.enddate)}`,
      totalYuan: typeof p.totalFen === 'number' ? formatFen(p.totalFen) : '',
      fundYuan: typeof p.fundPayFen === 'number' ? formatFen(p.fundPayFen) : '',
      invoiceCount: String(invoices.length),
    });
    lists.invoices = invoices.map((i) => `票据代码 ${i.code}  号码 ${i.no}  金额 ${formatFen(i.amountFen)} 元`);
    const claim = settledClaimOfCase(ctx.db, c.id);
    if (claim) {
      const r = claim.result;
      settlement = {
        policyName: ctx.policyName,
        total: r.total,
        fullOwnPay: r.fullOwnPay,
        preSelfPay: r.preSelfPay,
        inscope: r.inscope,
        deductible: r.deductible,
        fundPay: r.fundPay,
        seriousIllnessPay: r.seriousIllnessPay,
        assistancePay: r.assistancePay,
        personalPay: r.personalPay,
        explain: r.explain,
      };
    }
  } else if (isCancelKind(c.kind)) {
    const original = c.relatedCaseId ? getCase(ctx.db, c.relatedCaseId) : undefined;
    Object.assign(fields, {
      originalCaseNo: original?.caseNo ?? '',
      originalKind: original ? `${KIND_LABELS[original.kind]}（${getCaseDetails(ctx.db, original.id)?.summary ?? ''}）` : '',
      cancelReason: str(p.memo),
      // The form is about the original registration's person and dates.
      ...(original && { begndate: str(original.payload.begndate), enddate: str(original.payload.enddate) || '长期' }),
    });
  }
  return { fields, lists, settlement };
}
