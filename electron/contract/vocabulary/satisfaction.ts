/**
 * 好差评: the five levels of the government-service rating (政务服务“好差评”), best first. The bottom two are
 * 差评: they ask the citizen why, and they go on the supervisor's 差评 list.
 */
export const SATISFACTION_LEVELS = [
  { level: 1, name: '非常满意' },
  { level: 2, name: '满意' },
  { level: 3, name: '基本满意' },
  { level: 4, name: '不满意' },
  { level: 5, name: '非常不满意' },
] as const;

export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number]['level'];

export const SATISFACTION_NAMES: Record<SatisfactionLevel, string> = Object.fromEntries(
  SATISFACTION_LEVELS.map((l) => [l.level, l.name]),
) as Record<SatisfactionLevel, string>;

/** 不满意 and 非常不满意: a reason is required and the case lands on the 差评 list. */
export function isComplaint(level: number): boolean {
  return level >= 4;
}

/** Reasons the citizen may tap instead of typing (a kiosk or a second screen has no keyboard). */
export const COMPLAINT_REASONS = ['等候时间长', '办理时间长', '服务态度差', '材料要求不清楚', '多次跑腿', '其他'] as const;
