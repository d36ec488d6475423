/**
 * 异地就医备案 types: the one home for their codes, Chinese names and groupings. The contract's form schema,
 * the platform transaction, the payload check, materials, the simulator and the renderer all import from here.
 */

export const REMOTE_REG_TYPES = ['retiredResettled', 'longTermResidence', 'residentWorker', 'referral', 'emergency', 'otherTemporary'] as const;
export type RemoteRegType = (typeof REMOTE_REG_TYPES)[number];

export const REMOTE_REG_TYPE_NAMES: Record<RemoteRegType, string> = {
  retiredResettled: '异地安置退休',
  longTermResidence: '异地长期居住',
  residentWorker: '常驻异地工作',
  referral: '异地转诊',
  emergency: '异地急诊抢救',
  otherTemporary: '其他临时外出就医',
};

/** 长期备案: open-ended, need proof of residence or work; the rest are 临时备案 with an end date. */
export const LONG_TERM_REG_TYPES: readonly RemoteRegType[] = ['retiredResettled', 'longTermResidence', 'residentWorker'];

export function isLongTermRegType(regType: string): boolean {
  return (LONG_TERM_REG_TYPES as readonly string[]).includes(regType);
}

/** 临时备案: every type that is not long-term (the only ones a self-service kiosk may file). */
export const TEMPORARY_REG_TYPES: readonly RemoteRegType[] = REMOTE_REG_TYPES.filter((t) => !isLongTermRegType(t));

export function isTemporaryRegType(value: unknown): value is RemoteRegType {
  return isRemoteRegType(value) && !isLongTermRegType(value);
}

export function isRemoteRegType(value: unknown): value is RemoteRegType {
  return typeof value === 'string' && (REMOTE_REG_TYPES as readonly string[]).includes(value);
}
