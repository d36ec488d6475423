/**
 * Acceptance rules of 异地就医备案 (national 异地就医 rules with the province profile's numbers): 异地安置退休
 * only for retirees, a 就医地 outside the person's own 统筹区, 临时备案 for at least the minimum months,
 * 长期备案 open-ended, 补办 only within the window, and a long-term registration changed or cancelled only
 * after it has stood its minimum months. Pure functions: the desk and the platform simulator call the same ones.
 */
import { isLongTermRegType, REMOTE_REG_TYPE_NAMES } from '../vocabulary/remote-registration';
import { addDays, addMonths } from './calendar-dates';
import type { RuleRefusal } from './rule-refusal';

/** 异地安置退休 is for retirees; `retired` null = the platform did not say (not refused here). */
export function retiredOnlyRule(regType: string, retired: boolean | null): RuleRefusal | null {
  if (regType !== 'retiredResettled' || retired !== false) return null;
  return {
    message: `${REMOTE_REG_TYPE_NAMES.retiredResettled}仅限退休人员办理，该人员不是退休人员；长期在外居住请选择“${REMOTE_REG_TYPE_NAMES.longTermResidence}”或“${REMOTE_REG_TYPE_NAMES.residentWorker}”`,
    field: 'regType',
  };
}

/** The 就医地 must lie outside the 参保地's 统筹区 (`poolingArea`: ../../services/catalogues/regions.ts poolingAreaCode). */
export function outsidePoolingAreaRule(homeAdmdvs: string, targetAdmdvs: string, poolingArea: (code: string) => string): RuleRefusal | null {
  if (poolingArea(homeAdmdvs) !== poolingArea(targetAdmdvs)) return null;
  return {
    message: `就医地 ${targetAdmdvs} 与参保地 ${homeAdmdvs} 属同一统筹区，无需办理异地就医备案，请选择参保统筹区以外的就医地`,
    field: 'targetAdmdvs',
  };
}

/** A 临时备案 runs at least `minMonths`; an empty end date means exactly that long. */
export function temporaryMinimumRule(regType: string, begndate: string, enddate: string, minMonths: number): RuleRefusal | null {
  if (isLongTermRegType(regType) || !enddate) return null;
  const earliest = addMonths(begndate, minMonths);
  if (enddate >= earliest) return null;
  return {
    message: `临时异地就医备案有效期不少于 ${minMonths} 个月：结束日期应不早于 ${earliest}，或留空（默认 ${minMonths} 个月）`,
    field: 'enddate',
  };
}

/** A 长期备案 has no end date: it stands until it is changed or cancelled. */
export function longTermOpenEndedRule(regType: string, enddate: string): RuleRefusal | null {
  if (!isLongTermRegType(regType) || !enddate) return null;
  return { message: `${REMOTE_REG_TYPE_NAMES[regType as 'retiredResettled']}属长期备案，不设结束日期，请清空结束日期`, field: 'enddate' };
}

/**
 * 补办 (filing after the care began, begndate before today) only within `windowDays` of the start; a start in
 * the future is a registration ahead of the trip and always fine.
 */
export function retroactiveWindowRule(begndate: string, today: string, windowDays: number): RuleRefusal | null {
  if (begndate >= today) return null;
  const earliest = addDays(today, -windowDays);
  if (begndate >= earliest) return null;
  return {
    message: `补办异地就医备案须在开始就医后 ${windowDays} 天内办理：开始日期 ${begndate} 早于 ${earliest}，已超过补办期限`,
    field: 'begndate',
  };
}

/** Why a long-term registration that began on `begndate` may not be changed or cancelled yet, or null. */
export function longTermStandingRule(begndate: string, today: string, minMonths: number): RuleRefusal | null {
  const earliest = addMonths(begndate, minMonths);
  if (today >= earliest) return null;
  return { message: `长期异地就医备案满 ${minMonths} 个月后方可变更或撤销（开始日期 ${begndate}，${earliest} 起可撤销）` };
}

/** A new 长期备案 while one is valid is a change: only after the old one has stood, and only by cancelling it first. */
export function longTermChangeRule(
  regType: string,
  existing: { ref: string; begndate: string } | null,
  today: string,
  minMonths: number,
): RuleRefusal | null {
  if (!isLongTermRegType(regType) || !existing) return null;
  const standing = longTermStandingRule(existing.begndate, today, minMonths);
  const head = `该人员已有有效的长期异地备案（${existing.ref}）`;
  if (standing) return { message: `${head}：${standing.message}`, field: 'regType' };
  return { message: `${head}，请先撤销原备案再办理新的长期备案`, field: 'regType' };
}
