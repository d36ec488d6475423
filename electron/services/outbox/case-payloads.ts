/**
 * The payload each kind of case carries in the outbox: exactly the input of its platform transaction
 * wrapper (electron/services/platform/transactions.ts), validated with zod on import and before sending.
 * Money in integer 分; dates yyyy-MM-dd. psn_no / insuplc_admdvs live on the case itself.
 */
import { z } from 'zod';
import type { CaseKind } from '../cases/case-store';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');
const optDate = z.union([date, z.literal('')]).optional();
const text = (label: string) => z.string({ error: `${label}必须是文字` }).trim().min(1, `${label}不能为空`);
const optText = z.string().optional();
const fen = (label: string) => z.number({ error: `${label}必须是整数分` }).int(`${label}必须是整数分`).nonnegative(`${label}不能为负数`);

export const SpecialDiseasePayload = z
  .object({
    insutype: text('险种类型'),
    opsp_dise_code: text('病种编码'),
    opsp_dise_name: text('病种名称'),
    tel: z.string().default(''),
    addr: z.string().default(''),
    insu_optins: z.string().default(''),
    ide_fixmedins_no: text('鉴定定点机构编号'),
    ide_fixmedins_name: text('鉴定定点机构名称'),
    hosp_ide_date: date,
    diag_dr_codg: text('诊断医师编码'),
    diag_dr_name: text('诊断医师姓名'),
    begndate: date,
    enddate: z.union([date, z.literal('')]).default(''),
  })
  .strict();

export const RemoteRegistrationPayload = z
  .object({
    insutype: text('险种类型'),
    regType: z.enum(['retiredResettled', 'longTermResidence', 'residentWorker', 'referral', 'emergency', 'otherTemporary'], {
      error: '备案类型应为 retiredResettled/longTermResidence/residentWorker/referral/emergency/otherTemporary 之一',
    }),
    targetAdmdvs: z.string().regex(/^\d{6}$/, '就医地区划应为 6 位数字'),
    targetHospitalCode: optText,
    targetHospitalName: optText,
    begndate: date,
    enddate: optDate,
    tel: text('联系电话'),
    addr: text('居住地址'),
    promise: z.boolean({ error: '承诺制标志应为 true 或 false' }),
    memo: optText,
  })
  .strict();

export const ReimbursementPayload = z
  .object({
    insutype: text('险种类型'),
    reason: z.enum(['01', '02', '03', '04', '05', '9923', '9924'], { error: '报销原因应为 01/02/03/04/05/9923/9924 之一' }),
    hospitalCode: text('就诊机构编码'),
    hospitalName: text('就诊机构名称'),
    begndate: date,
    enddate: date,
    totalFen: fen('总金额'),
    fundPayFen: fen('基金支付'),
    invoices: z
      .array(z.object({ code: text('票据代码'), no: text('票据号码'), amountFen: fen('票据金额') }).strict())
      .min(1, '至少需要一张票据'),
    memo: optText,
  })
  .strict()
  .refine((p) => p.fundPayFen <= p.totalFen, { message: '基金支付不能大于总金额' });

export const CancelPayload = z.object({ memo: z.string().default('') }).strict();

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
