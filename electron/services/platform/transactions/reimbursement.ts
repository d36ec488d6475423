/**
 * 零星报销 (province-defined): submit, cancel and query a claim. Money is integer 分 here; the profile's
 * moneyUnit decides how it travels, and its field map the wire names. An invoice is reimbursed once.
 */
import type { CallOptions, PlatformClient } from '../client';
import { attachmentField } from './file-upload';
import { fenToWire, wireToFen } from '../envelope';
import { fromWire, toWire } from '../field-map';
import { PlatformInputError, pickList, pickString, withPsn, type Done } from './shared';

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
  input: ReimbursementInput & { insuplcAdmdvs?: string; fileQuryNos?: readonly string[] },
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
  const reply = await client.call(p.codes.submit, { ...wire, ...attachmentField(client.profile, input.fileQuryNos) }, withPsn(opts, input.insuplcAdmdvs));
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
