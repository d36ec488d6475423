/**
 * What every simulated transaction handler shares: its context and result, the Refusal it throws (answered
 * as infcode -1 with its Chinese message, the way a platform would), reading and checking fields of the
 * input node, and finding the insured person a message is about.
 */
import { insuranceStatusRule } from '../../../../contract/rules/person-rules';
import type { Db } from '../../../store/database';
import type { ProvinceProfile } from '../../profile';
import { findPerson, type SimPerson } from '../persons';

export class Refusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refusal';
  }
}

export interface HandlerContext {
  db: Db;
  profile: ProvinceProfile;
  now: Date;
  msgid: string;
  opter: string;
  insuplcAdmdvs: string;
  node: Record<string, unknown>;
  diseases: Map<string, string>;
  /** Sign-ins last this long (seconds); default: to the end of the day. */
  signNoTtlSeconds?: number;
}

export interface HandlerResult {
  output: Record<string, unknown>;
  psnNo?: string;
  /** The record this message created (for 2601). */
  recordSn?: string;
}

export type Handler = (ctx: HandlerContext) => HandlerResult;

export function text(node: Record<string, unknown>, field: string, required = true): string {
  const v = node[field];
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
  if (required && !s) throw new Refusal(`缺少必填字段 ${field}`);
  return s;
}

export function date(node: Record<string, unknown>, field: string, required = true): string {
  const s = text(node, field, required);
  if (!s) return '';
  const d = s.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T00:00:00Z`)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) {
    throw new Refusal(`字段 ${field} 日期格式应为 yyyy-MM-dd: ${s}`);
  }
  return d;
}

export function admdvs(node: Record<string, unknown>, field: string): string {
  const s = text(node, field);
  if (!/^\d{6}$/.test(s)) throw new Refusal(`字段 ${field} 应为6位行政区划代码: ${s}`);
  return s;
}

export { addMonths } from '../../../../contract/rules/calendar-dates';

/** The person behind psn_no, insured in `insutype` where insuplc_admdvs agrees with the envelope. */
export function insuredPerson(ctx: HandlerContext, psnNo: string, insutype?: string): SimPerson {
  const p = findPerson(ctx.db, 'psn_no', psnNo);
  if (!p) throw new Refusal(`人员编号 ${psnNo} 不存在`);
  if (insutype !== undefined) {
    const ins = p.insuinfo.find((i) => i.insutype === insutype);
    if (!ins) throw new Refusal(`该人员未参加险种 ${insutype}`);
    if (ins.insuplc_admdvs !== ctx.insuplcAdmdvs) throw new Refusal(`参保地区划 ${ctx.insuplcAdmdvs} 与该人员参保地 ${ins.insuplc_admdvs} 不符`);
    const status = insuranceStatusRule(ins.psn_insu_stas);
    if (status) throw new Refusal(status.message);
  } else if (!p.insuinfo.some((i) => i.insuplc_admdvs === ctx.insuplcAdmdvs)) {
    throw new Refusal(`参保地区划 ${ctx.insuplcAdmdvs} 与该人员参保地不符`);
  }
  return p;
}
