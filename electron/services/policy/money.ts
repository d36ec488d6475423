/**
 * Exact integer money arithmetic. Amounts are integer 分; rates are integer basis points
 * (1% = 100 bp), so a rate step never touches floating point.
 */

export const BP_PER_PERCENT = 100;
export const FULL_RATE_BP = 10_000;

/** Largest amount (分) the engine accepts in one claim: keeps amount × rate × 2 below 2^53. */
export const MAX_CLAIM_TOTAL_FEN = 100_000_000_000; // 10亿元

/** amount × rate, rounded half up to the 分. Both arguments are non-negative integers. */
export function applyRate(amountFen: number, rateBp: number): number {
  const doubled = amountFen * rateBp * 2 + FULL_RATE_BP;
  const divisor = 2 * FULL_RATE_BP;
  return (doubled - (doubled % divisor)) / divisor;
}

/** A percent with at most two decimals (e.g. 60, 62.5) as integer basis points; null if not representable. */
export function percentToBp(percent: number): number | null {
  const bp = Math.round(percent * BP_PER_PERCENT);
  return Number.isFinite(percent) && Math.abs(bp - percent * BP_PER_PERCENT) < 1e-6 ? bp : null;
}

/** Basis points as a percent label: 6000 → "60%", 6250 → "62.5%". */
export function formatRate(rateBp: number): string {
  const whole = Math.trunc(rateBp / BP_PER_PERCENT);
  const frac = rateBp % BP_PER_PERCENT;
  if (frac === 0) return `${whole}%`;
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}

/** 分 as 元 with two decimals and thousands separators: 2700000 → "27,000.00元". Hot path of every explanation. */
export function formatYuan(fen: number): string {
  const abs = fen < 0 ? -fen : fen;
  const cents = abs % 100;
  const text = `${groupThousands((abs - cents) / 100)}.${cents < 10 ? '0' : ''}${cents}元`;
  return fen < 0 ? `-${text}` : text;
}

function groupThousands(n: number): string {
  let out = '';
  while (n >= 1000) {
    const r = n % 1000;
    out = `,${r < 10 ? '00' : r < 100 ? '0' : ''}${r}${out}`;
    n = (n - r) / 1000;
  }
  return `${n}${out}`;
}
