import { describe, expect, it } from 'vitest';
import { applyRate, formatRate, formatYuan, percentToBp } from '../../../../../electron/services/policy/money';

describe('applyRate (half up, exact integers)', () => {
  it.each([
    [100, 6000, 60],
    [10, 8500, 9], // 8.5 → 9 (half up, not to even)
    [5, 1000, 1], // 0.5 → 1
    [4, 1000, 0], // 0.4 → 0
    [14, 1000, 1], // 1.4 → 1
    [15, 1000, 2], // 1.5 → 2
    [25, 1000, 3], // 2.5 → 3 (banker's rounding would give 2)
    [0, 9000, 0],
    [123_456_789, 0, 0],
    [123_456_789, 10_000, 123_456_789],
    [100_000_000_000, 9999, 99_990_000_000],
    [99_999_999_999, 3333, 33_330_000_000], // 33,329,999,999.6667 → up
  ])('%i 分 × %i bp = %i 分', (amount, bp, expected) => {
    expect(applyRate(amount, bp)).toBe(expected);
  });

  it('is exact where floating point is not', () => {
    // 0.285 × 100 = 28.499999999999996 in floats: naive rounding gives 28, exact half-up gives 29.
    expect(Math.round(0.285 * 100)).toBe(28);
    expect(applyRate(100, 2850)).toBe(29);
  });
});

describe('percentToBp', () => {
  it.each([
    [60, 6000],
    [62.5, 6250],
    [0.01, 1],
    [100, 10000],
    [0, 0],
  ])('%d%% → %i bp', (p, bp) => expect(percentToBp(p)).toBe(bp));
  it.each([10.555, 0.001, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d (more than two decimals)', (p) => {
    expect(percentToBp(p)).toBeNull();
  });
});

describe('formatting', () => {
  it.each([
    [0, '0.00元'],
    [5, '0.05元'],
    [2_700_000, '27,000.00元'],
    [123_456_789, '1,234,567.89元'],
    [-150, '-1.50元'],
    [99_999, '999.99元'],
    [100_000, '1,000.00元'],
    [100_000_005, '1,000,000.05元'],
    [100_010_000, '1,000,100.00元'],
  ])('formatYuan(%i) = %s', (fen, text) => expect(formatYuan(fen)).toBe(text));
  it.each([
    [6000, '60%'],
    [6250, '62.5%'],
    [6205, '62.05%'],
    [0, '0%'],
  ])('formatRate(%i) = %s', (bp, text) => expect(formatRate(bp)).toBe(text));
});
