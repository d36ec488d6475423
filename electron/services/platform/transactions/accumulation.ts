/**
 * 5206 人员累计信息查询: what the platform has counted for a person this year (住院次数, 统筹/门诊统筹/慢特病
 * 基金支付, 起付线, 大病保险 and 医疗救助), in integer 分, plus the settlements those figures include (结算流水号
 * and their 票据), so the workstation can add only its own claims the platform does not know yet.
 * The accumulator codes are the demo province's (cum_type_code); a real province maps its own here.
 */
import type { CallOptions, PlatformClient } from '../client';
import { wireToFen } from '../envelope';
import { PlatformInputError, pickList, withPsn } from './shared';

/** cum_type_code → the accumulator it feeds. C004 comes once per 慢特病 (opsp_dise_code). */
export const CUM_TYPE_CODES = {
  C001: 'admissions',
  C002: 'fundPaid',
  C003: 'outpatientFundPaid',
  C004: 'specialFundPaid',
  C005: 'inpatientDeductiblePaid',
  C006: 'seriousDeductibleUsed',
  C007: 'seriousPaid',
  C008: 'assistanceDeductibleUsed',
  C009: 'assistancePaid',
} as const;
export type CumTypeCode = keyof typeof CUM_TYPE_CODES;

export const CUM_TYPE_NAMES: Record<CumTypeCode, string> = {
  C001: '住院次数',
  C002: '统筹基金住院支付累计',
  C003: '门诊统筹基金支付累计',
  C004: '门诊慢特病基金支付累计',
  C005: '住院起付线累计',
  C006: '大病保险起付线累计',
  C007: '大病保险支付累计',
  C008: '医疗救助起付线累计',
  C009: '医疗救助支付累计',
};

/** The platform's year-to-date figures: money in 分, admissions a count. */
export interface AccumulationTotals {
  admissions: number;
  fundPaid: number;
  outpatientFundPaid: number;
  specialFundPaid: Record<string, number>;
  inpatientDeductiblePaid: number;
  seriousDeductibleUsed: number;
  seriousPaid: number;
  assistanceDeductibleUsed: number;
  assistancePaid: number;
}

export interface CountedSettlement {
  /** 结算流水号 (for a 零星报销 filed from a workstation: its 报销流水号). */
  setlId: string;
  fixmedinsName: string;
  setlDate: string;
  bills: Array<{ code: string; no: string }>;
}

export interface PlatformAccumulation {
  psnNo: string;
  year: number;
  totals: AccumulationTotals;
  settlements: CountedSettlement[];
}

export function emptyTotals(): AccumulationTotals {
  return {
    admissions: 0,
    fundPaid: 0,
    outpatientFundPaid: 0,
    specialFundPaid: {},
    inpatientDeductiblePaid: 0,
    seriousDeductibleUsed: 0,
    seriousPaid: 0,
    assistanceDeductibleUsed: 0,
    assistancePaid: 0,
  };
}

function isCumTypeCode(code: string): code is CumTypeCode {
  return Object.prototype.hasOwnProperty.call(CUM_TYPE_CODES, code);
}

/** 5206 for one person and calendar year. Unknown accumulator codes are ignored (a province may send more). */
export async function queryAccumulation(
  client: PlatformClient,
  input: { psnNo: string; year: number; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<PlatformAccumulation> {
  if (!input.psnNo.trim()) throw new PlatformInputError('人员编号不能为空');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2099) throw new PlatformInputError(`累计年度 ${input.year} 无效`);
  const reply = await client.call('5206', { psn_no: input.psnNo, cum_year: String(input.year) }, withPsn(opts, input.insuplcAdmdvs));
  const totals = emptyTotals();
  for (const row of pickList(reply.output, 'cuminfo')) {
    const code = String(row.cum_type_code ?? '');
    if (!isCumTypeCode(code) || String(row.year ?? input.year) !== String(input.year)) continue;
    const key = CUM_TYPE_CODES[code];
    let value: number;
    try {
      value = key === 'admissions' ? Number(row.cum) : wireToFen(row.cum, 'yuan');
    } catch {
      throw new PlatformInputError(`平台应答 (5206) 的累计值格式不对: ${code} ${String(row.cum)}`);
    }
    if (!Number.isInteger(value) || value < 0) throw new PlatformInputError(`平台应答 (5206) 的累计值格式不对: ${code} ${String(row.cum)}`);
    if (key === 'specialFundPaid') {
      const disease = String(row.opsp_dise_code ?? '');
      if (disease) totals.specialFundPaid[disease] = (totals.specialFundPaid[disease] ?? 0) + value;
    } else totals[key] += value;
  }
  const settlements = pickList(reply.output, 'setlinfo').map((s) => ({
    setlId: String(s.setl_id ?? ''),
    fixmedinsName: String(s.fixmedins_name ?? ''),
    setlDate: String(s.setl_date ?? ''),
    bills: (Array.isArray(s.billlist) ? (s.billlist as Record<string, unknown>[]) : []).map((b) => ({
      code: String(b?.bill_code ?? ''),
      no: String(b?.bill_no ?? ''),
    })),
  }));
  return { psnNo: input.psnNo, year: input.year, totals, settlements };
}
