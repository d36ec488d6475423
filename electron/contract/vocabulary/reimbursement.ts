/**
 * 零星报销 vocabulary: the one home for the reason codes, visit types, out-of-area kinds and fee categories,
 * with their Chinese names. The contract's form schema, the policy engine, the simulator and the renderer
 * import from here.
 */

/** 报销原因 (national dictionary). */
export const REIMBURSEMENT_REASONS = ['01', '02', '03', '04', '05', '9923', '9924'] as const;
export type ReimbursementReason = (typeof REIMBURSEMENT_REASONS)[number];

export const REIMBURSEMENT_REASON_NAMES: Record<ReimbursementReason, string> = {
  '01': '一般',
  '02': '定点无卡就医',
  '03': '异地就诊',
  '04': '急救抢救',
  '05': '异地转诊转院',
  '9923': '统筹区外已备案',
  '9924': '统筹区外未备案',
};

export const VISIT_TYPES = ['inpatient', 'outpatient', 'special'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

/** How a clerk names each visit type. */
export const VISIT_TYPE_NAMES: Record<VisitType, string> = {
  inpatient: '住院',
  outpatient: '普通门诊',
  special: '门诊慢特病',
};

/** 异地就医 kinds the policy rates; the form adds `none` (本地就医). */
export const OUT_OF_AREA_KINDS = ['long-term', 'referral', 'emergency', 'temporary', 'unregistered'] as const;
export type OutOfAreaKind = (typeof OUT_OF_AREA_KINDS)[number];
export const OUT_OF_AREA = ['none', ...OUT_OF_AREA_KINDS] as const;
export type OutOfArea = (typeof OUT_OF_AREA)[number];

export const OUT_OF_AREA_NAMES: Record<OutOfArea, string> = {
  none: '本地就医',
  'long-term': '异地长期备案',
  referral: '异地转诊',
  emergency: '异地急诊',
  temporary: '其他临时备案',
  unregistered: '异地未备案',
};

/** 甲 / 乙 / 丙类 items of the national catalogue. */
export const FEE_CATEGORIES = ['甲', '乙', '丙'] as const;
