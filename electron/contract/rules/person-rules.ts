/**
 * Acceptance rules about the person and what they already hold: 参保状态, a disease already registered, an
 * invoice already claimed. Pure functions of facts the caller gathers (the desk from its cases, the person
 * cache and the platform; the platform simulator from its own records), so both refuse with the same words.
 */
import { INSURANCE_STATUS_NAMES, NORMAL_INSURANCE_STATUS } from '../vocabulary/insurance-status';
import type { RuleRefusal } from './rule-refusal';

/** 参保状态 must be 正常参保 for every service. */
export function insuranceStatusRule(status: string): RuleRefusal | null {
  if (status === NORMAL_INSURANCE_STATUS) return null;
  const name = INSURANCE_STATUS_NAMES[status] ?? (status ? `状态代码 ${status}` : '未知');
  return { message: `该人员参保状态为${name}，非正常参保不能办理（请参保人先到参保地恢复正常参保）` };
}

export interface HeldRegistration {
  /** Where it is known from: "办件 …" for this workstation's cases, the platform's serial number otherwise. */
  ref: string;
  begndate: string;
  /** '' = open-ended. */
  enddate: string;
}

const OPEN_END = '9999-12-31';

/** The periods [b1, e1] and [b2, e2] share a day ('' = open-ended). */
export function periodsOverlap(b1: string, e1: string, b2: string, e2: string): boolean {
  return b1 <= (e2 || OPEN_END) && b2 <= (e1 || OPEN_END);
}

/** A 门诊慢特病 the person already holds (valid, overlapping the new period) cannot be registered again. */
export function diseaseHeldRule(
  disease: { code: string; name: string },
  period: { begndate: string; enddate: string },
  held: readonly HeldRegistration[],
): RuleRefusal | null {
  const dup = held.find((h) => periodsOverlap(h.begndate, h.enddate, period.begndate, period.enddate));
  if (!dup) return null;
  const until = dup.enddate ? `至 ${dup.enddate}` : '长期有效';
  return {
    message: `该人员已有有效的${disease.name}（${disease.code}）门诊慢特病备案（${dup.ref}，${dup.begndate} 起${until}），不能重复备案`,
    field: 'diseaseCode',
  };
}

export interface ClaimedInvoice {
  code: string;
  no: string;
  /** "本机办件 …" or "平台报销流水号 …". */
  ref: string;
}

/** An invoice is reimbursed once: here or anywhere the platform knows of. */
export function invoicesClaimedRule(claimed: readonly ClaimedInvoice[]): RuleRefusal | null {
  if (claimed.length === 0) return null;
  const list = claimed.map((c) => `${c.code} / ${c.no}（${c.ref}）`).join('、');
  return { message: `以下票据已报销过，不能重复报销（一张票据只能报销一次）：${list}`, field: 'invoices' };
}
