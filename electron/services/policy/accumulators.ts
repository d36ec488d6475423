/**
 * Year-to-date accumulators from settled claims. Each settled claim contributes exactly what the
 * engine added for it (result.ytdAfter − the claim's ytd), so folding the year's settled claims of
 * one person gives the `ytd` for the next claim — no policy rule is re-derived here.
 */
import { yearOf } from './dates';
import { emptyYtd, type Ytd } from './types';

/** What the app keeps of a settled claim: the claim as calculated and its result. */
export interface SettledClaim {
  claim: { visit: { date: string }; ytd?: Partial<Ytd> };
  result: { ytdAfter: Ytd };
  /** A reversed (冲正/撤销) settlement no longer counts. */
  reversed?: boolean;
}

const SCALAR_KEYS = [
  'admissions',
  'fundPaid',
  'outpatientFundPaid',
  'seriousDeductibleUsed',
  'seriousPaid',
  'assistanceDeductibleUsed',
  'assistancePaid',
] as const;

/** What one settled claim added to the accumulators. */
export function claimUsage(settled: SettledClaim): Ytd {
  const before = { ...emptyYtd(), ...settled.claim.ytd };
  const after = settled.result.ytdAfter;
  const usage = emptyYtd();
  for (const key of SCALAR_KEYS) usage[key] = after[key] - (before[key] ?? 0);
  for (const [code, paid] of Object.entries(after.specialFundPaid)) {
    const delta = paid - (before.specialFundPaid?.[code] ?? 0);
    if (delta !== 0) usage.specialFundPaid[code] = delta;
  }
  const negative = [...SCALAR_KEYS.filter((k) => usage[k] < 0), ...Object.keys(usage.specialFundPaid).filter((c) => usage.specialFundPaid[c] < 0)];
  if (negative.length > 0) {
    throw new Error(`已结算记录的累计数据不一致（结算后小于结算前）：${negative.join('、')}`);
  }
  return usage;
}

/** Sum the usage of one person's settled, non-reversed claims whose visit falls in `year`. */
export function foldAccumulators(settled: readonly SettledClaim[], year: number): Ytd {
  const ytd = emptyYtd();
  for (const s of settled) {
    if (s.reversed || yearOf(s.claim.visit.date) !== year) continue;
    addInto(ytd, claimUsage(s));
  }
  return ytd;
}

/**
 * Combine this workstation's accumulators with the platform's, field by field taking the larger:
 * the platform also sees other institutions' claims, the workstation sees claims not yet uploaded.
 * Taking the larger never pays beyond a cap.
 */
export function mergeAccumulators(local: Ytd, platform: Partial<Ytd>): Ytd {
  const merged = emptyYtd();
  for (const key of SCALAR_KEYS) merged[key] = Math.max(local[key], platform[key] ?? 0);
  const codes = new Set([...Object.keys(local.specialFundPaid), ...Object.keys(platform.specialFundPaid ?? {})]);
  for (const code of codes) {
    merged.specialFundPaid[code] = Math.max(local.specialFundPaid[code] ?? 0, platform.specialFundPaid?.[code] ?? 0);
  }
  return merged;
}

function addInto(target: Ytd, usage: Ytd): void {
  for (const key of SCALAR_KEYS) target[key] += usage[key];
  for (const [code, paid] of Object.entries(usage.specialFundPaid)) {
    target.specialFundPaid[code] = (target.specialFundPaid[code] ?? 0) + paid;
  }
}
