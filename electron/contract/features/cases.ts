/**
 * The three counter services: 门诊慢特病 (特门) registration, 异地就医备案 and 零星报销 — forms, materials,
 * acceptance (受理回执) or refusal (一次性告知单), cancellation (撤销), history, receipts, and the 零星报销 试算.
 * Form schemas live here so the renderer's forms validate with exactly what the host accepts.
 */
import { z } from 'zod';
import { admdvsField, CAPS, cleanText, codeText, invoiceCodeField, isRealDate, phoneField, psnNoField, requiredText } from '../field-rules';
import { checkInvoices } from '../../../shared/invoice-checks';
import { normalizeAmount, normalizeNumber } from '../../../shared/normalize';
import { method } from '../spec';
import { SupervisorApproval } from './auth';
import { DraftId } from './materials';
import { SERVICE_KINDS } from '../vocabulary/case-kinds';
import { FEE_CATEGORIES, OUT_OF_AREA, REIMBURSEMENT_REASONS, VISIT_TYPES } from '../vocabulary/reimbursement';
import { REMOTE_REG_TYPES } from '../vocabulary/remote-registration';

// ---------- field helpers (Chinese messages: shown next to form fields; rules shared with import, ../field-rules) ----------

export const text = (label: string, max = 100) => requiredText(label, max);
const optText = (label: string, max = 200) => cleanText(label, max);
export const dateField = (label: string) =>
  z.string({ error: `请填写${label}` }).trim().refine(isRealDate, `${label}应为有效日期（YYYY-MM-DD）`);
const optDateField = (label: string) =>
  z.string({ error: `${label}必须是文字` }).trim().refine((s) => s === '' || isRealDate(s), `${label}应为有效日期（YYYY-MM-DD）或留空`);
const admdvs = admdvsField;
const phone = phoneField;

/** Money as the clerk types it: 元 with at most two decimals. Converted to integer 分 by exact string arithmetic. */
export const yuanText = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .overwrite(normalizeAmount)
    .regex(/^\d{1,10}(\.\d{1,2})?$/, `${label}应为以元为单位的金额，最多两位小数，例如 123.45`);
const optYuanText = (label: string) =>
  z
    .string({ error: `${label}必须是文字` })
    .overwrite(normalizeAmount)
    .regex(/^(\d{1,10}(\.\d{1,2})?)?$/, `${label}应为以元为单位的金额，最多两位小数，或留空`);

// ---------- forms ----------

export const SpecialDiseaseForm = z
  .object({
    insutype: text('险种', CAPS.insutype),
    diseaseCode: text('病种', CAPS.diseaseCode),
    hospitalCode: codeText('鉴定医疗机构编码', CAPS.hospitalCode),
    hospitalName: text('鉴定医疗机构名称', CAPS.hospitalName),
    assessedOn: dateField('鉴定日期'),
    doctorCode: codeText('诊断医师编码', CAPS.doctorCode),
    doctorName: text('诊断医师姓名', CAPS.doctorName),
    begndate: dateField('开始日期'),
    enddate: optDateField('结束日期'),
    tel: phone,
    addr: optText('联系地址', CAPS.addr),
  })
  .strict()
  .refine((f) => !f.enddate || f.enddate >= f.begndate, { path: ['enddate'], message: '结束日期不能早于开始日期' })
  .refine((f) => f.assessedOn <= f.begndate, { path: ['assessedOn'], message: '鉴定日期不能晚于开始日期' });
export type SpecialDiseaseForm = z.infer<typeof SpecialDiseaseForm>;

export const RemoteRegType = z.enum(REMOTE_REG_TYPES, { error: '请选择备案类型' });

export const RemoteRegistrationForm = z
  .object({
    insutype: text('险种', CAPS.insutype),
    regType: RemoteRegType,
    // Chosen in the region picker (renderer/src/ui/RegionPicker.tsx): an empty value means nothing was chosen.
    targetAdmdvs: z.string({ error: '请选择就医地' }).trim().regex(/^\d{6}$/, '请从列表中选择就医地（可输入名称、区划代码或拼音首字母）'),
    targetHospitalCode: codeText('就医机构编码', CAPS.hospitalCode, false),
    targetHospitalName: optText('就医机构名称', CAPS.hospitalName),
    begndate: dateField('开始日期'),
    enddate: optDateField('结束日期'),
    tel: phone,
    addr: text('异地居住地址', CAPS.addr),
    memo: optText('备注', CAPS.memo),
  })
  .strict()
  .refine((f) => !f.enddate || f.enddate >= f.begndate, { path: ['enddate'], message: '结束日期不能早于开始日期' });
export type RemoteRegistrationForm = z.infer<typeof RemoteRegistrationForm>;


export const BillItemForm = z
  .object({
    name: text('项目名称', CAPS.itemName),
    category: z.enum(FEE_CATEGORIES, { error: '请选择甲/乙/丙类' }),
    amount: yuanText('金额'),
    overLimit: optYuanText('超限价金额'),
    selfPayRatio: z
      .string({ error: '先行自付比例必须是文字' })
      .overwrite(normalizeNumber)
      .regex(/^((100|\d{1,2})(\.\d{1,2})?)?$/, '先行自付比例应为 0–100 的百分数，或留空用政策默认值'),
  })
  .strict();
export type BillItemForm = z.infer<typeof BillItemForm>;

export const InvoiceForm = z
  .object({
    code: invoiceCodeField('票据代码'),
    no: invoiceCodeField('票据号码'),
    amount: yuanText('票据金额'),
    /** 校验码 and 开票日期 of a 财政电子票据 (filled by its QR code, or typed); empty for a paper invoice. */
    checkCode: cleanText('校验码', 20).default(''),
    issueDate: optDateField('开票日期').default(''),
  })
  .strict();
export type InvoiceForm = z.infer<typeof InvoiceForm>;

export const ReimbursementForm = z
  .object({
    insutype: text('险种', CAPS.insutype),
    reason: z.enum(REIMBURSEMENT_REASONS, { error: '请选择报销原因' }),
    hospitalCode: codeText('就诊机构编码', CAPS.hospitalCode),
    hospitalName: text('就诊机构名称', CAPS.hospitalName),
    hospitalLevel: z.enum(['1', '2', '3'], { error: '请选择医院等级' }),
    visitType: z.enum(VISIT_TYPES, { error: '请选择就诊类型' }),
    begndate: dateField('就诊（入院）日期'),
    enddate: dateField('结束（出院）日期'),
    outOfArea: z.enum(OUT_OF_AREA, { error: '请选择异地就医情况' }),
    diseaseCode: optText('病种', CAPS.diseaseCode),
    /** null: derived from the platform's 人员类别 (psn_type). */
    retired: z.boolean().nullable(),
    items: z.array(BillItemForm).min(1, '至少需要一条费用明细').max(200, '费用明细不能超过 200 条'),
    invoices: z.array(InvoiceForm).min(1, '至少需要一张票据').max(50, '票据不能超过 50 张'),
    memo: optText('备注', CAPS.memo),
  })
  .strict()
  .refine((f) => f.enddate >= f.begndate, { path: ['enddate'], message: '结束日期不能早于开始日期' })
  .refine((f) => f.visitType !== 'special' || f.diseaseCode !== '', { path: ['diseaseCode'], message: '门诊慢特病须选择病种' })
  // Duplicates, a 校验码 that does not fit, a 开票日期 outside the visit, a total that does not add up: each
  // beside the invoice row it is about (shared/invoice-checks.ts), so the clerk sees where to look.
  .superRefine((f, ctx) => {
    for (const i of checkInvoices(f.invoices, f.items, f)) ctx.addIssue({ code: 'custom', path: ['invoices', i.row, i.field], message: i.message });
  });
export type ReimbursementForm = z.infer<typeof ReimbursementForm>;

// ---------- shared views ----------

export const ServiceKind = z.enum(SERVICE_KINDS);
export type ServiceKind = z.infer<typeof ServiceKind>;

export const MaterialItem = z.object({
  id: z.string(),
  name: z.string(),
  requirement: z.string(),
  /** main: without it the case is refused (一次性告知单); minor: may be supplied later (容缺受理). */
  level: z.enum(['main', 'minor']),
  /** Items sharing a group are alternatives: one of them is enough. */
  anyOf: z.string().nullable(),
});
export type MaterialItem = z.infer<typeof MaterialItem>;

export const CaseReceipt = z.object({
  caseNo: z.string(),
  kind: ServiceKind,
  kindLabel: z.string(),
  office: z.string(),
  applicantName: z.string(),
  idNumberMasked: z.string(),
  items: z.array(z.object({ name: z.string(), amountFen: z.number().int().optional() })),
  materials: z.array(z.string()),
  pending: z.object({ materials: z.array(z.string()), deadline: z.string() }).nullable(),
  acceptedAt: z.string(),
  clerk: z.string(),
  committedDate: z.string(),
  /** 临时受理（待核验）: the person was accepted offline from the card's own data; 1101 checks before upload. */
  provisional: z.boolean(),
});
export type CaseReceipt = z.infer<typeof CaseReceipt>;

export const OneTimeNotice = z.object({
  noticeNo: z.string(),
  kind: ServiceKind,
  kindLabel: z.string(),
  office: z.string(),
  applicantName: z.string(),
  idNumberMasked: z.string(),
  item: z.string(),
  missing: z.array(z.object({ material: z.string(), requirement: z.string() })),
  issuedAt: z.string(),
  clerk: z.string(),
});
export type OneTimeNotice = z.infer<typeof OneTimeNotice>;

export const Ytd = z.object({
  admissions: z.number().int(),
  fundPaid: z.number().int(),
  outpatientFundPaid: z.number().int(),
  specialFundPaid: z.record(z.string(), z.number().int()),
  seriousDeductibleUsed: z.number().int(),
  seriousPaid: z.number().int(),
  assistanceDeductibleUsed: z.number().int(),
  assistancePaid: z.number().int(),
});

export const Calculation = z.object({
  policyName: z.string(),
  person: z.object({ insutype: z.string(), retired: z.boolean(), assistance: z.string().nullable() }),
  visitDate: z.string(),
  ytd: Ytd,
  /** Where `ytd` came from (the same figures as person.overview): 平台累计 / 本机结算 / 两者合并, and whether offline. */
  ytdSource: z.object({ source: z.enum(['platform', 'local', 'merged']), offline: z.boolean() }).optional(),
  result: z.object({
    eligible: z.boolean(),
    reasons: z.array(z.string()),
    total: z.number().int(),
    fullOwnPay: z.number().int(),
    preSelfPay: z.number().int(),
    inscope: z.number().int(),
    deductible: z.number().int(),
    fundPay: z.number().int(),
    seriousIllnessPay: z.number().int(),
    assistancePay: z.number().int(),
    personalPay: z.number().int(),
    ytdAfter: Ytd,
    explain: z.array(z.string()),
  }),
});
export type Calculation = z.infer<typeof Calculation>;

export const CaseEventView = z.object({ at: z.string(), actor: z.string(), from: z.string().nullable(), to: z.string(), reason: z.string().nullable() });

export const CaseView = z.object({
  caseNo: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  summary: z.string(),
  psnNo: z.string(),
  applicantName: z.string(),
  state: z.string(),
  /** 待上报 / 已上报 / 需人工处理 / 已撤销 … for the clerk. */
  stateLabel: z.string(),
  tone: z.enum(['pending', 'done', 'bad', 'muted']),
  platformMessage: z.string().nullable(),
  createdAt: z.string(),
  clerk: z.string(),
  relatedCaseNo: z.string().nullable(),
  pending: z.object({ materials: z.array(z.string()), deadline: z.string() }).nullable(),
  cancellable: z.boolean(),
  /** Why 撤销 is not offered (e.g. the 6-month rule), when it is not. */
  cancelNote: z.string().nullable(),
  events: z.array(CaseEventView),
});
export type CaseView = z.infer<typeof CaseView>;

// ---------- methods ----------

const caseNo = z.string().trim().regex(/^\d{23}$/, '办件编号应为 23 位数字');
const AcceptBase = {
  psnNo: psnNoField,
  insuplcAdmdvs: admdvs('参保地区划'),
  /** Ids of the materials received (see cases.materials). */
  materials: z.array(z.string().min(1).max(40)).max(30),
  /** The applicant signed the 容缺受理 promise for minor materials still missing. */
  promiseSigned: z.boolean().default(false),
  /**
   * 容缺受理 is a supervisor's decision: a supervisor signed in at this counter approves by accepting; anyone
   * else passes the approving supervisor's 工号 and 密码 here, checked server-side (never stored or logged).
   */
  supervisorApproval: SupervisorApproval.optional(),
  /** The form's draft (contract/features/materials.ts): its attachments go with the case and count as received. */
  draftId: DraftId.optional(),
};

export const AcceptInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('special-disease'), form: SpecialDiseaseForm, ...AcceptBase }).strict(),
  z.object({ kind: z.literal('remote-registration'), form: RemoteRegistrationForm, ...AcceptBase }).strict(),
  z.object({ kind: z.literal('reimbursement'), form: ReimbursementForm, ...AcceptBase }).strict(),
]);
export type AcceptInput = z.infer<typeof AcceptInput>;

export const AcceptOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('accepted'), receipt: CaseReceipt, calculation: Calculation.nullable() }),
  z.object({ outcome: z.literal('refused'), notice: OneTimeNotice }),
]);
export type AcceptOutcome = z.infer<typeof AcceptOutcome>;

export const DiseaseEntry = z.object({ code: z.string(), name: z.string(), initials: z.string() });

export const casesMethods = {
  'catalog.diseases': method(z.object({}).strict(), z.array(DiseaseEntry), '门诊慢特病病种目录 with pinyin initials for search'),
  'cases.materials': method(
    z.object({ kind: ServiceKind, regType: RemoteRegType.optional(), visitType: z.enum(VISIT_TYPES).optional(), reason: z.enum(REIMBURSEMENT_REASONS).optional() }).strict(),
    z.array(MaterialItem),
    'The materials checklist of one service (and sub-type)',
  ),
  'cases.accept': method(AcceptInput, AcceptOutcome, 'Accept a case into the outbox (受理回执), or refuse it with a 一次性告知单'),
  'cases.cancel': method(
    // The applicant's reason as the clerk types it: required (recorded on both cases' events and the 撤销申请).
    z.object({ caseNo, memo: requiredText('撤销原因', 200).refine((s) => [...s].length >= 4, '撤销原因至少 4 个字') }).strict(),
    z.object({ caseNo: z.string(), cancels: z.string(), receipt: CaseReceipt }),
    '撤销 an accepted case: a cancellation case that is sent only after its registration is filed',
  ),
  'cases.history': method(z.object({ psnNo: psnNoField }).strict(), z.array(CaseView), '办件记录 of one person, newest first'),
  'cases.recent': method(z.object({ limit: z.number().int().min(1).max(200).optional() }).strict(), z.array(CaseView), 'Recent cases at this desk'),
  'cases.receipt': method(z.object({ caseNo }).strict(), CaseReceipt, 'The 受理回执 of an accepted case'),
  'cases.receiptPdf': method(z.object({ caseNo }).strict(), z.object({ path: z.string() }), 'Save the A4 受理回执 as PDF under <dataDir>/receipts'),
  'cases.printA4': method(z.object({ caseNo }).strict(), z.object({ ok: z.literal(true) }), 'Print the A4 受理回执 on the system printer (Electron only)'),
  'cases.noticePdf': method(
    z.object({ noticeNo: z.string().trim().regex(/^N\d{23}$/, '告知单编号格式不正确') }).strict(),
    z.object({ path: z.string() }),
    'Save an A4 一次性告知单 as PDF under <dataDir>/receipts',
  ),
  'reimbursement.calculate': method(
    z.object({ psnNo: psnNoField, form: ReimbursementForm }).strict(),
    Calculation,
    '零星报销 试算: the policy engine on the form, with this workstation’s accumulators of the year',
  ),
};
