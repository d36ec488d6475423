import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay } from '../../../../../electron/services/outbox/backoff';

const policy = { baseMs: 1000, capMs: 60_000 };

describe('backoffDelay (full jitter)', () => {
  it('doubles the ceiling per failure up to the cap', () => {
    const max = (n: number) => backoffDelay(n, policy, () => 0.999999);
    expect(max(1)).toBe(999);
    expect(max(2)).toBe(1999);
    expect(max(3)).toBe(3999);
    expect(max(7)).toBe(59_999);
    expect(max(1000)).toBe(59_999);
  });

  it('spreads over the whole window (jitter), including zero', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2000);
  });

  it('stays within [0, cap) for any failure count and random value, even bad ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), fc.double({ min: -1, max: 2, noNaN: true }), (n, r) => {
        const d = backoffDelay(n, policy, () => r);
        return Number.isInteger(d) && d >= 0 && d <= policy.capMs;
      }),
    );
  });
});
