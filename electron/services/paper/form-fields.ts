/**
 * What a form template may print: the named fields ({{name}} in a template's text), the named lists and the
 * 结算单's figures, filled from a case by ./case-form-values. A template naming anything else is refused at
 * load (./form-template), so a province's edited template cannot print a blank where it meant a value.
 */
import type { ClaimResult } from '../policy';

/** {{field}} → what it holds (the descriptions document the template format; see resources/forms/README.md). */
export const FORM_FIELDS = {
  office: '经办机构（受理窗口）',
  caseNo: '办件编号',
  kindLabel: '办理事项名称',
  summary: '办件摘要',
  acceptedAt: '受理时间（北京时间）',
  committedDate: '承诺办结日期',
  printedAt: '打印时间（北京时间）',
  printedDate: '打印日期',
  clerk: '经办人姓名',
  applicantName: '申请人姓名',
  idNumber: '公民身份号码（完整，仅用于须完整号码的表）',
  idNumberMasked: '公民身份号码（脱敏）',
  psnNo: '人员编号',
  insuplcAdmdvs: '参保地区划',
  insutype: '险种',
  tel: '联系电话',
  addr: '联系地址 / 异地居住地址',
  begndate: '开始日期',
  enddate: '结束日期（空为长期）',
  memo: '备注',
  regType: '备案类型（异地就医）',
  targetPlace: '就医地（名称与区划）',
  targetHospital: '就医机构',
  promise: '是否承诺制（异地就医：是/否）',
  diseaseName: '病种名称（门诊慢特病）',
  diseaseCode: '病种编码',
  assessHospital: '鉴定医疗机构',
  assessedOn: '鉴定日期',
  doctor: '诊断医师',
  claimReason: '报销原因（零星报销）',
  hospital: '就诊机构',
  visitPeriod: '就诊期间',
  totalYuan: '费用总额（元）',
  fundYuan: '基金支付（试算，元）',
  invoiceCount: '票据张数',
  pendingDeadline: '容缺材料补齐期限',
  originalCaseNo: '被撤销的原办件编号',
  originalKind: '被撤销的原办理事项',
  cancelReason: '撤销原因（申请人所述）',
} as const;
export type FormField = keyof typeof FORM_FIELDS;

export const FORM_LISTS = {
  materials: '已收材料',
  pendingMaterials: '容缺材料（待补齐）',
  invoices: '票据（代码、号码、金额）',
} as const;
export type FormList = keyof typeof FORM_LISTS;

/** The engine's figures of a settled 零星报销 claim, in integer 分, with its explanation lines. */
export type SettlementFigures = { policyName: string } & Pick<
  ClaimResult,
  'total' | 'fullOwnPay' | 'preSelfPay' | 'inscope' | 'deductible' | 'fundPay' | 'seriousIllnessPay' | 'assistancePay' | 'personalPay' | 'explain'
>;

export interface FormValues {
  fields: Partial<Record<FormField, string>>;
  lists: Partial<Record<FormList, string[]>>;
  /** Only a 零星报销 case has one. */
  settlement: SettlementFigures | null;
}

export const isFormField = (name: string): name is FormField => Object.prototype.hasOwnProperty.call(FORM_FIELDS, name);
export const isFormList = (name: string): name is FormList => Object.prototype.hasOwnProperty.call(FORM_LISTS, name);

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The names used in a text's {{…}} placeholders, in order. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** The text with each {{field}} replaced by its value ('' when the case has none: a blank to fill by hand). */
export function fillText(text: string, fields: FormValues['fields']): string {
  return text.replace(PLACEHOLDER, (_m, name: string) => (isFormField(name) ? (fields[name] ?? '') : ''));
}
