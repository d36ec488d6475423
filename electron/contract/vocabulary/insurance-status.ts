/**
 * 参保状态 (psn_insu_stas, national dictionary) and 人员类别 (psn_type) groupings the acceptance rules need:
 * the one home for their Chinese names; the person panel, the desk's rules and the simulator read them here.
 */

export const NORMAL_INSURANCE_STATUS = '1';

export const INSURANCE_STATUS_NAMES: Record<string, string> = {
  '1': '正常参保',
  '2': '暂停参保',
  '4': '终止参保',
};

const RETIRED_PSN_TYPES = new Set(['12', '13']);

/** true when the 人员类别 says retired (12 退休, 13 离休 and their 4-digit subtypes); null when it is not given. */
export function isRetiredPsnType(psnType: string): boolean | null {
  if (!psnType) return null;
  return RETIRED_PSN_TYPES.has(psnType) || /^1[23]\d\d$/.test(psnType);
}
