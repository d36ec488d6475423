/** Exponential backoff with full jitter: a random delay in [0, min(cap, base·2^(n−1))). */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export function backoffDelay(failures: number, policy: BackoffPolicy, random: () => number): number {
  const n = Math.max(1, Math.floor(failures));
  // 2^(n-1) overflows to Infinity for large n; min() with the cap keeps it finite.
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(n - 1, 52));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}
