/**
 * The payload each kind of case carries in the outbox: exactly the input of its platform transaction
 * wrapper (electron/services/platform/transactions/), validated with zod on import and before sending.
 * Money in integer 分; dates yyyy-MM-dd. psn_no / insuplc_admdvs live on the case itself.
 */
import { z } from 'zod';
import type { CaseKind } from '../cases/case-store';
import { REMOTE_REG_TYPES } from '../../contract/vocabulary/remote-registration';
import { admdvsField, CAPS, cleanText, fenField, invoiceCodeField, isoDate, isoDateOrEmpty, phoneField, requiredText } from '../../contract/field-rules';

// The same field rules as the desk's forms (../../contract/field-rules): every way in is checked alike.
const text = (label: string, max: number) => requiredText(label, max, `${label}不能为空`);
const optText = (label: string, max: number) => cleanText(label, max).optional();
const fen = fenField;

export const SpecialDiseasePayload = z
  .object({
    insutype: text('险种类型', CAPS.insutype),
    opsp_dise_code: text('病种编码', CAPS.diseaseCode),
    opsp_dise_name: text('病种名称', CAPS.diseaseName),
    tel: phoneField,
    addr: cleanText('联系地址', CAPS.addr).default(''),
    insu_optins: z.union([admdvsField('参保机构区划'), z.literal('')]).default(''),
    ide_fixmedins_no: text('鉴定定点机构编号', CAPS.hospitalCode),
    ide_fixmedins_name: text('鉴定定点机构名称', CAPS.hospitalName),
    hosp_ide_date: isoDate,
    diag_dr_codg: text('诊断医师编码', CAPS.doctorCode),
    diag_dr_name: text('诊断医师姓名', CAPS.doctorName),
    begndate: isoDate,
    enddate: isoDateOrEmpty.default(''),
  })
  .strict()
  .refine((p) => !p.enddate || p.enddate >= p.begndate, { path: ['enddate'], message: '结束日期不能早于开始日期' })
  .refine((p) => p.hosp_ide_date <= p.begndate, { path: ['hosp_ide_date'], message: '鉴定日期不能晚于开始日期' });

export const RemoteRegistrationPayload = z
  .object({
    insutype: text('险种类型', CAPS.insutype),
    regType: z.enum(REMOTE_REG_TYPES, {
      error: `备案类型应为 ${REMOTE_REG_TYPES.join('/')} 之一`,
    }),
    targetAdmdvs: z.string().regex(/^\d{6}$/, '就医地区划应为 6 位数字'),
    targetHospitalCode: optText('就医机构编码', CAPS.hospitalCode),
    targetHospitalName: optText('就医机构名称', CAPS.hospitalName),
    begndate: isoDate,
    enddate: isoDateOrEmpty.optional(),
    tel: phoneField,
    addr: text('居住地址', CAPS.addr),
    promise: z.boolean({ error: '承诺制标志应为 true 或 false' }),
    memo: optText('备注', CAPS.memo),
  })
  .strict()
  .refine((p) => !p.enddate || p.enddate >= p.begndate, { path: ['enddate'], message: '结束日期不能早于开始日期' });

export const ReimbursementPayload = z
  .object({
    insutype: text('险种类型', CAPS.insutype),
    reason: z.enum(['01', '02', '03', '04', '05', '9923', '9924'], { error: '报销原因应为 01/02/03/04/05/9923/9924 之一' }),
    hospitalCode: text('就诊机构编码', CAPS.hospitalCode),
    hospitalName: text('就诊机构名称', CAPS.hospitalName),
    begndate: isoDate,
    enddate: isoDate,
    totalFen: fen('总金额'),
    fundPayFen: fen('基金支付'),
    invoices: z
      .array(z.object({ code: invoiceCodeField('票据代码'), no: invoiceCodeField('票据号码'), amountFen: fen('票据金额') }).strict())
      .min(1, '至少需要一张票据')
      .max(50, '票据不能超过 50 张'),
    memo: optText('备注', CAPS.memo),
  })
  .strict()
  .refine((p) => p.enddate >= p.begndate, { path: ['enddate'], message: '结束日期不能早于开始日期' })
  .refine((p) => p.fundPayFen <= p.totalFen, { message: '基金支付不能大于总金额' })
  .refine((p) => p.invoices.length === 0 || p.invoices.reduce((sum, i) => sum + i.amountFen, 0) === p.totalFen, {
    path: ['invoices'],
    message: '票据金额合计与总金额不一致，请核对票据',
  })
  .refine((p) => new Set(p.invoices.map((i) => `${i.code}|${i.no}`)).size === p.invoices.length, {
    path: ['invoices'],
    message: '同一张票据不能重复填写',
  });

export const CancelPayload = z.object({ memo: cleanText('撤销原因', CAPS.memo).default('') }).strict();

export type SpecialDiseasePayload = z.infer<typeof SpecialDiseasePayload>;
export type RemoteRegistrationPayload = z.infer<typeof RemoteRegistrationPayload>;
export type ReimbursementPayload = z.infer<typeof ReimbursementPayload>;
export type CancelPayload = z.infer<typeof CancelPayload>;

export const PAYLOAD_SCHEMAS: Record<CaseKind, z.ZodType<Record<string, unknown>>> = {
  'special-disease': SpecialDiseasePayload,
  'remote-registration': RemoteRegistrationPayload,
  reimbursement: ReimbursementPayload,
  'special-disease-cancel': CancelPayload,
  'remote-registration-cancel': CancelPayload,
  'reimbursement-cancel': CancelPayload,
};

/**
 * The business key of a case, derived from its payload so the same business always gets the same key:
 * 特门 psn_no + disease + start date; 异地备案 psn_no + type + start date; 零星报销 its first invoice
 * (票据代码 + 票据号码: an invoice is reimbursed once). A cancellation carries its registration's key.
 */
export function businessKeyOf(kind: CaseKind, psnNo: string, payload: Record<string, unknown>): string | null {
  switch (kind) {
    case 'special-disease':
      return `${psnNo}|${String(payload.opsp_dise_code)}|${String(payload.begndate)}`;
    case 'remote-registration':
      return `${psnNo}|${String(payload.regType)}|${String(payload.begndate)}`;
    case 'reimbursement': {
      const inv = (payload.invoices as Array<{ code: string; no: string }> | undefined)?.[0];
      return inv ? `${inv.code}|${inv.no}` : null;
    }
    default:
      return null;
  }
}
