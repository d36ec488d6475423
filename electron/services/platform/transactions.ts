/**
 * Typed wrappers over PlatformClient.call for every transaction the workstation uses.
 * National transactions take NHSA field names verbatim; the province-defined 异地就医备案 and 零星报销 take
 * canonical names that the profile maps to the province's codes and fields. Money is integer 分 here.
 */
import { z } from 'zod';
import { isValidIdNumber } from '../../../shared/id-number';
import type { CallOptions, PlatformClient } from './client';
import { fenToWire, wireToFen } from './envelope';
import { fromWire, toWire } from './field-map';

/** Bad input caught before anything is sent. */
export class PlatformInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlatformInputError';
  }
}

const str = z.union([z.string(), z.number()]).transform(String);
const optStr = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined ? '' : String(v)));

// ---------- 1101 人员信息获取 ----------

export type CertType = '01' | '02' | '03';
export const CERT_TYPE_NAMES: Record<CertType, string> = { '01': '医保电子凭证', '02': '居民身份证', '03': '社会保障卡' };

export interface PersonQuery {
  certType: CertType;
  /** ecToken (01), ID number (02) or 社保卡 card number (03). */
  certNo: string;
  /** 卡识别码, required with 03. */
  cardSn?: string;
}

const Insuinfo = z.object({
  insutype: str,
  psn_type: optStr,
  psn_insu_stas: optStr,
  insuplc_admdvs: str,
  emp_name: optStr,
  balc: z.union([z.number(), z.string()]).optional(),
});
const Idetinfo = z.object({
  psn_idet_type: str,
  psn_idet_type_name: optStr,
  begntime: optStr,
  endtime: optStr,
});
const PersonOutput = z.object({
  baseinfo: z.object({
    psn_no: str,
    psn_cert_type: optStr,
    certno: optStr,
    psn_name: str,
    gend: optStr,
    naty: optStr,
    brdy: optStr,
    age: z.union([z.number(), z.string()]).optional(),
  }),
  insuinfo: z.array(Insuinfo).default([]),
  idetinfo: z.array(Idetinfo).default([]),
});

export interface PersonInsurance {
  insutype: string;
  psn_type: string;
  psn_insu_stas: string;
  insuplc_admdvs: string;
  emp_name: string;
  /** Account balance in 分. */
  balc_fen: number;
}
export interface PersonIdentity {
  psn_idet_type: string;
  psn_idet_type_name: string;
  begntime: string;
  endtime: string;
}
export interface Person {
  psn_no: string;
  psn_name: string;
  psn_cert_type: string;
  certno: string;
  gend: string;
  naty: string;
  brdy: string;
  age: number | null;
  insuinfo: PersonInsurance[];
  idetinfo: PersonIdentity[];
}

export function validatePersonQuery(q: PersonQuery): void {
  const certNo = q.certNo?.trim() ?? '';
  if (!certNo) throw new PlatformInputError('证件号码不能为空');
  if (q.certType === '02' && !isValidIdNumber(certNo)) throw new PlatformInputError('身份证号码不合法 (位数、出生日期或校验位错误)');
  if (q.certType === '03' && !q.cardSn?.trim()) throw new PlatformInputError('用社会保障卡查询时必须提供卡识别码 (card_sn)');
  if (!['01', '02', '03'].includes(q.certType)) throw new PlatformInputError(`不支持的凭证类型: ${q.certType}`);
}

/** Parse 1101 output into a Person (money → 分). */
export function parsePerson(output: unknown): Person {
  const parsed = PersonOutput.safeParse(output);
  if (!parsed.success) throw new PlatformInputError('平台返回的人员信息格式不对');
  const { baseinfo, insuinfo, idetinfo } = parsed.data;
  return {
    psn_no: baseinfo.psn_no,
    psn_name: baseinfo.psn_name,
    psn_cert_type: baseinfo.psn_cert_type,
    certno: baseinfo.certno,
    gend: baseinfo.gend,
    naty: baseinfo.naty,
    brdy: baseinfo.brdy,
    age: baseinfo.age === undefined || baseinfo.age === '' ? null : Number(baseinfo.age),
    insuinfo: insuinfo.map((i) => ({
      insutype: i.insutype,
      psn_type: i.psn_type,
      psn_insu_stas: i.psn_insu_stas,
      insuplc_admdvs: i.insuplc_admdvs,
      emp_name: i.emp_name,
      balc_fen: i.balc === undefined || i.balc === '' ? 0 : wireToFen(i.balc, 'yuan'),
    })),
    idetinfo,
  };
}

/** 1101: resolve an identity (ecToken, ID number, 社保卡) to an insured person. */
export async function lookupPerson(client: PlatformClient, q: PersonQuery, opts?: CallOptions): Promise<Person> {
  validatePersonQuery(q);
  const certNo = q.certNo.trim();
  const input: Record<string, unknown> = {
    mdtrt_cert_type: q.certType,
    mdtrt_cert_no: certNo,
    card_sn: q.certType === '03' ? (q.cardSn ?? '').trim() : '',
    begntime: '',
    psn_cert_type: q.certType === '02' ? '01' : '',
    certno: q.certType === '02' ? certNo.toUpperCase() : '',
    psn_name: '',
  };
  const reply = await client.call('1101', input, opts);
  return parsePerson(reply.output);
}

/** The 参保地 to put in insuplc_admdvs for a person (first insurance record). */
export function insuplcOf(person: Person, insutype?: string): string | undefined {
  return (insutype ? person.insuinfo.find((i) => i.insutype === insutype) : undefined)?.insuplc_admdvs ?? person.insuinfo[0]?.insuplc_admdvs;
}

// ---------- shared result shapes ----------

export interface Done<T> {
  msgid: string;
  result: T;
}

function pickString(output: unknown, node: string, field: string, infno: string): string {
  const n = (output as Record<string, unknown> | null | undefined)?.[node] as Record<string, unknown> | undefined;
  const v = n?.[field];
  if (typeof v !== 'string' && typeof v !== 'number') throw new PlatformInputError(`平台应答 (${infno}) 缺少 ${node}.${field}`);
  return String(v);
}

function pickList(output: unknown, node: string): Record<string, unknown>[] {
  const v = (output as Record<string, unknown> | null | undefined)?.[node];
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Record<string, unknown>[]) : [];
}

const withPsn = (opts: CallOptions | undefined, insuplcAdmdvs: string | undefined): CallOptions => ({
  ...opts,
  insuplcAdmdvs: opts?.insuplcAdmdvs ?? insuplcAdmdvs,
});

// ---------- 2503 / 2504 / 5301 门诊慢特病 ----------

export interface SpecialDiseaseRegistration {
  psn_no: string;
  insutype: string;
  opsp_dise_code: string;
  opsp_dise_name: string;
  tel: string;
  addr: string;
  insu_optins: string;
  ide_fixmedins_no: string;
  ide_fixmedins_name: string;
  /** yyyy-MM-dd */
  hosp_ide_date: string;
  diag_dr_codg: string;
  diag_dr_name: string;
  begndate: string;
  enddate: string;
}

/** 2503. `caseNo` (our 办件编号) travels in the profile's field so that 5301 can prove the record is ours. */
export async function registerSpecialDisease(
  client: PlatformClient,
  input: SpecialDiseaseRegistration & { insuplcAdmdvs?: string; caseNo?: string },
  opts?: CallOptions,
): Promise<Done<{ trt_dcla_detl_sn: string }>> {
  const { insuplcAdmdvs, caseNo, ...data } = input;
  const extra = caseNo ? { [client.profile.specialDisease.caseNoField]: caseNo } : {};
  const reply = await client.call('2503', { ...data, ...extra }, withPsn(opts, insuplcAdmdvs));
  return { msgid: reply.msgid, result: { trt_dcla_detl_sn: pickString(reply.output, 'result', 'trt_dcla_detl_sn', '2503') } };
}

export async function cancelSpecialDisease(
  client: PlatformClient,
  input: { psn_no: string; trt_dcla_detl_sn: string; memo?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<null>> {
  const reply = await client.call(
    '2504',
    { trt_dcla_detl_sn: input.trt_dcla_detl_sn, psn_no: input.psn_no, memo: input.memo ?? '' },
    withPsn(opts, input.insuplcAdmdvs),
  );
  return { msgid: reply.msgid, result: null };
}

export interface SpecialDiseaseRecord {
  trt_dcla_detl_sn: string;
  psn_no: string;
  insutype: string;
  opsp_dise_code: string;
  opsp_dise_name: string;
  begndate: string;
  enddate: string;
  ide_fixmedins_no: string;
  ide_fixmedins_name: string;
  /** 1 valid, 0 cancelled. */
  vali_flag: string;
  /** The 办件编号 the registering office sent ('' when none came back). */
  caseNo: string;
}

/** 5301: a person's 慢特病 registrations, optionally narrowed to one disease and start date (the business key). */
export async function querySpecialDisease(
  client: PlatformClient,
  input: { psn_no: string; opsp_dise_code?: string; begndate?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<SpecialDiseaseRecord[]> {
  const reply = await client.call(
    '5301',
    { psn_no: input.psn_no, opsp_dise_code: input.opsp_dise_code ?? '', begndate: input.begndate ?? '' },
    withPsn(opts, input.insuplcAdmdvs),
  );
  return pickList(reply.output, 'feedetail')
    .map((r) => ({
      trt_dcla_detl_sn: String(r.trt_dcla_detl_sn ?? ''),
      psn_no: String(r.psn_no ?? input.psn_no),
      insutype: String(r.insutype ?? ''),
      opsp_dise_code: String(r.opsp_dise_code ?? ''),
      opsp_dise_name: String(r.opsp_dise_name ?? ''),
      begndate: String(r.begndate ?? ''),
      enddate: String(r.enddate ?? ''),
      ide_fixmedins_no: String(r.ide_fixmedins_no ?? ''),
      ide_fixmedins_name: String(r.ide_fixmedins_name ?? ''),
      vali_flag: String(r.vali_flag ?? ''),
      caseNo: String(r[client.profile.specialDisease.caseNoField] ?? ''),
    }))
    .filter((r) => (!input.opsp_dise_code || r.opsp_dise_code === input.opsp_dise_code) && (!input.begndate || r.begndate === input.begndate));
}

// ---------- 2501 / 2502 转院备案 ----------

export interface ReferralRegistration {
  psn_no: string;
  insutype: string;
  tel?: string;
  addr?: string;
  insu_optins?: string;
  diag_code: string;
  diag_name: string;
  dise_cond_dscr?: string;
  reflin_medins_no: string;
  reflin_medins_name: string;
  mdtrtarea_admdvs: string;
  hosp_agre_refl_flag?: string;
  refl_type: string;
  refl_date: string;
  refl_rea: string;
  refl_opnn: string;
  begndate: string;
  enddate: string;
}

export async function registerReferral(
  client: PlatformClient,
  input: ReferralRegistration & { insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<{ trt_dcla_detl_sn: string }>> {
  const { insuplcAdmdvs, ...data } = input;
  const reply = await client.call('2501', { ...data }, withPsn(opts, insuplcAdmdvs));
  return { msgid: reply.msgid, result: { trt_dcla_detl_sn: pickString(reply.output, 'result', 'trt_dcla_detl_sn', '2501') } };
}

export async function cancelReferral(
  client: PlatformClient,
  input: { psn_no: string; trt_dcla_detl_sn: string; memo?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<null>> {
  const reply = await client.call(
    '2502',
    { trt_dcla_detl_sn: input.trt_dcla_detl_sn, psn_no: input.psn_no, memo: input.memo ?? '' },
    withPsn(opts, input.insuplcAdmdvs),
  );
  return { msgid: reply.msgid, result: null };
}

// ---------- 9101 文件上传 ----------

export async function uploadFile(
  client: PlatformClient,
  input: { filename: string; content: Uint8Array },
  opts?: CallOptions,
): Promise<Done<{ file_qury_no: string; filename: string; dld_endtime: string }>> {
  if (!input.filename.trim()) throw new PlatformInputError('附件文件名不能为空');
  if (input.content.length === 0) throw new PlatformInputError('附件内容为空');
  const reply = await client.call(
    '9101',
    { in: Buffer.from(input.content).toString('base64'), filename: input.filename, fixmedins_code: client.profile.agency.code },
    opts,
  );
  const out = (reply.output as { data?: Record<string, unknown> } | undefined)?.data ?? {};
  if (typeof out.file_qury_no !== 'string') throw new PlatformInputError('平台应答 (9101) 缺少 file_qury_no');
  return {
    msgid: reply.msgid,
    result: { file_qury_no: out.file_qury_no, filename: String(out.filename ?? input.filename), dld_endtime: String(out.dld_endtime ?? '') },
  };
}

// ---------- 2601 冲正 ----------

/** 2601: reverse an earlier transaction by its msgid (e.g. after an unknown outcome). */
export async function reverse(
  client: PlatformClient,
  input: { psn_no: string; omsgid: string; oinfno: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<null>> {
  const reply = await client.call('2601', { psn_no: input.psn_no, omsgid: input.omsgid, oinfno: input.oinfno }, withPsn(opts, input.insuplcAdmdvs));
  return { msgid: reply.msgid, result: null };
}

// ---------- 3201 对总账 ----------

export interface ReconcileInput {
  insutype: string;
  clr_type: string;
  setl_optins: string;
  /** yyyy-MM-dd, inclusive. */
  stmt_begndate: string;
  stmt_enddate: string;
  medfee_sumamt_fen: number;
  fund_pay_sumamt_fen: number;
  acct_pay_fen: number;
  fixmedins_setl_cnt: number;
}
export interface ReconcileResult {
  setl_optins: string;
  /** 0 平 (balanced), 1 不平. */
  stmt_rslt: string;
  stmt_rslt_dscr: string;
}

export async function reconcile(client: PlatformClient, input: ReconcileInput, opts?: CallOptions): Promise<Done<ReconcileResult>> {
  const reply = await client.call(
    '3201',
    {
      insutype: input.insutype,
      clr_type: input.clr_type,
      setl_optins: input.setl_optins,
      stmt_begndate: input.stmt_begndate,
      stmt_enddate: input.stmt_enddate,
      medfee_sumamt: fenToWire(input.medfee_sumamt_fen, 'yuan'),
      fund_pay_sumamt: fenToWire(input.fund_pay_sumamt_fen, 'yuan'),
      acct_pay: fenToWire(input.acct_pay_fen, 'yuan'),
      fixmedins_setl_cnt: input.fixmedins_setl_cnt,
    },
    opts,
  );
  return {
    msgid: reply.msgid,
    result: {
      setl_optins: pickString(reply.output, 'stmtinfo', 'setl_optins', '3201'),
      stmt_rslt: pickString(reply.output, 'stmtinfo', 'stmt_rslt', '3201'),
      stmt_rslt_dscr: pickString(reply.output, 'stmtinfo', 'stmt_rslt_dscr', '3201'),
    },
  };
}

// ---------- 异地就医备案 (province-defined) ----------

export type RemoteRegType = 'retiredResettled' | 'longTermResidence' | 'residentWorker' | 'referral' | 'emergency' | 'otherTemporary';
export const REMOTE_REG_TYPE_NAMES: Record<RemoteRegType, string> = {
  retiredResettled: '异地安置退休',
  longTermResidence: '异地长期居住',
  residentWorker: '常驻异地工作',
  referral: '异地转诊',
  emergency: '异地急诊抢救',
  otherTemporary: '其他临时外出就医',
};

export interface RemoteRegistrationInput {
  psnNo: string;
  insutype: string;
  regType: RemoteRegType;
  /** 就医地 region (GB/T 2260). */
  targetAdmdvs: string;
  targetHospitalCode?: string;
  targetHospitalName?: string;
  begndate: string;
  enddate?: string;
  tel: string;
  addr: string;
  /** Filed under 承诺制 (a signed promise instead of residence proof). */
  promise: boolean;
  memo?: string;
  /** Our 办件编号 (profile field caseNo): the query returns it, proving a found record is ours. */
  caseNo?: string;
}

export interface RemoteRegistrationRecord {
  regSn: string;
  psnNo: string;
  insutype: string;
  regType: RemoteRegType | null;
  targetAdmdvs: string;
  begndate: string;
  enddate: string;
  valid: boolean;
  caseNo: string;
}

function regTypeCode(client: PlatformClient, t: RemoteRegType): string {
  const code = client.profile.remoteRegistration.typeCodes[t];
  if (!code) throw new PlatformInputError(`未知的异地备案类型: ${t}`);
  return code;
}

export async function remoteRegistration(
  client: PlatformClient,
  input: RemoteRegistrationInput & { insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<{ regSn: string }>> {
  const p = client.profile.remoteRegistration;
  const wire = toWire(p.fields, {
    psnNo: input.psnNo,
    insutype: input.insutype,
    regType: regTypeCode(client, input.regType),
    targetAdmdvs: input.targetAdmdvs,
    targetHospitalCode: input.targetHospitalCode ?? '',
    targetHospitalName: input.targetHospitalName ?? '',
    begndate: input.begndate,
    enddate: input.enddate ?? '',
    tel: input.tel,
    addr: input.addr,
    promise: input.promise ? '1' : '0',
    memo: input.memo ?? '',
    caseNo: input.caseNo,
  });
  const reply = await client.call(p.codes.register, wire, withPsn(opts, input.insuplcAdmdvs));
  return { msgid: reply.msgid, result: { regSn: pickString(reply.output, p.resultNode, p.fields.regSn, p.codes.register) } };
}

export async function remoteRegistrationCancel(
  client: PlatformClient,
  input: { psnNo: string; regSn: string; memo?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<null>> {
  const p = client.profile.remoteRegistration;
  const wire = toWire(p.fields, { psnNo: input.psnNo, regSn: input.regSn, memo: input.memo ?? '' });
  const reply = await client.call(p.codes.cancel, wire, withPsn(opts, input.insuplcAdmdvs));
  return { msgid: reply.msgid, result: null };
}

/** The province's 备案 query, narrowed by type and start date (the business key). */
export async function queryRemoteRegistrations(
  client: PlatformClient,
  input: { psnNo: string; regType?: RemoteRegType; begndate?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<RemoteRegistrationRecord[]> {
  const p = client.profile.remoteRegistration;
  const wire = toWire(p.fields, {
    psnNo: input.psnNo,
    regType: input.regType ? regTypeCode(client, input.regType) : '',
    begndate: input.begndate ?? '',
  });
  const reply = await client.call(p.codes.query, wire, withPsn(opts, input.insuplcAdmdvs));
  const byCode = new Map(Object.entries(p.typeCodes).map(([k, v]) => [v, k as RemoteRegType]));
  return pickList(reply.output, p.listNode)
    .map((row) => {
      const r = fromWire(p.fields, row);
      return {
        regSn: String(r.regSn ?? ''),
        psnNo: String(r.psnNo ?? input.psnNo),
        insutype: String(r.insutype ?? ''),
        regType: byCode.get(String(r.regType ?? '')) ?? null,
        targetAdmdvs: String(r.targetAdmdvs ?? ''),
        begndate: String(r.begndate ?? ''),
        enddate: String(r.enddate ?? ''),
        valid: String(r.status ?? '') === '1',
        caseNo: String(r.caseNo ?? ''),
      };
    })
    .filter((r) => (!input.regType || r.regType === input.regType) && (!input.begndate || r.begndate === input.begndate));
}

// ---------- 零星报销 (province-defined) ----------

export interface InvoiceRef {
  /** 票据代码 */
  code: string;
  /** 票据号码 */
  no: string;
  amountFen: number;
}

export interface ReimbursementInput {
  psnNo: string;
  insutype: string;
  /** 01 一般, 02 定点无卡就医, 03 异地就诊, 04 急救抢救, 05 异地转诊转院, 9923, 9924. */
  reason: string;
  hospitalCode: string;
  hospitalName: string;
  begndate: string;
  enddate: string;
  totalFen: number;
  fundPayFen: number;
  invoices: InvoiceRef[];
  memo?: string;
  /** Our 办件编号 (profile field caseNo): the query returns it, proving a found claim is ours. */
  caseNo?: string;
}

export interface ReimbursementRecord {
  claimSn: string;
  psnNo: string;
  insutype: string;
  reason: string;
  totalFen: number;
  fundPayFen: number;
  invoices: InvoiceRef[];
  claimDate: string;
  valid: boolean;
  caseNo: string;
}

export async function reimbursement(
  client: PlatformClient,
  input: ReimbursementInput & { insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<{ claimSn: string }>> {
  const p = client.profile.reimbursement;
  if (input.invoices.length === 0) throw new PlatformInputError('零星报销至少需要一张票据');
  const invoices = input.invoices.map((i) =>
    toWire(p.fields, { invoiceCode: i.code, invoiceNo: i.no, invoiceAmount: fenToWire(i.amountFen, p.moneyUnit) }),
  );
  const wire = toWire(p.fields, {
    psnNo: input.psnNo,
    insutype: input.insutype,
    reason: input.reason,
    hospitalCode: input.hospitalCode,
    hospitalName: input.hospitalName,
    begndate: input.begndate,
    enddate: input.enddate,
    totalAmount: fenToWire(input.totalFen, p.moneyUnit),
    fundPay: fenToWire(input.fundPayFen, p.moneyUnit),
    invoices,
    memo: input.memo ?? '',
    caseNo: input.caseNo,
  });
  const reply = await client.call(p.codes.submit, wire, withPsn(opts, input.insuplcAdmdvs));
  return { msgid: reply.msgid, result: { claimSn: pickString(reply.output, p.resultNode, p.fields.claimSn, p.codes.submit) } };
}

export async function reimbursementCancel(
  client: PlatformClient,
  input: { psnNo: string; claimSn: string; memo?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<null>> {
  const p = client.profile.reimbursement;
  const wire = toWire(p.fields, { psnNo: input.psnNo, claimSn: input.claimSn, memo: input.memo ?? '' });
  const reply = await client.call(p.codes.cancel, wire, withPsn(opts, input.insuplcAdmdvs));
  return { msgid: reply.msgid, result: null };
}

/** The province's 报销 query: by person, or by one invoice (票据代码 + 票据号码) — an invoice is reimbursed once. */
export async function queryReimbursements(
  client: PlatformClient,
  input: { psnNo?: string; invoiceCode?: string; invoiceNo?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<ReimbursementRecord[]> {
  const p = client.profile.reimbursement;
  if (!input.psnNo && !(input.invoiceCode && input.invoiceNo)) throw new PlatformInputError('查询零星报销需要人员编号或票据代码加票据号码');
  const wire = toWire(p.fields, { psnNo: input.psnNo ?? '', invoiceCode: input.invoiceCode ?? '', invoiceNo: input.invoiceNo ?? '' });
  const reply = await client.call(p.codes.query, wire, input.psnNo ? withPsn(opts, input.insuplcAdmdvs) : opts);
  return pickList(reply.output, p.listNode).map((row) => {
    const r = fromWire(p.fields, row);
    const inv = Array.isArray(r.invoices) ? (r.invoices as Record<string, unknown>[]) : [];
    return {
      claimSn: String(r.claimSn ?? ''),
      psnNo: String(r.psnNo ?? ''),
      insutype: String(r.insutype ?? ''),
      reason: String(r.reason ?? ''),
      totalFen: wireToFen(r.totalAmount ?? 0, p.moneyUnit),
      fundPayFen: wireToFen(r.fundPay ?? 0, p.moneyUnit),
      invoices: inv.map((i) => {
        const x = fromWire(p.fields, i);
        return { code: String(x.invoiceCode ?? ''), no: String(x.invoiceNo ?? ''), amountFen: wireToFen(x.invoiceAmount ?? 0, p.moneyUnit) };
      }),
      claimDate: String(r.claimDate ?? ''),
      valid: String(r.status ?? '') === '1',
      caseNo: String(r.caseNo ?? ''),
    };
  });
}
