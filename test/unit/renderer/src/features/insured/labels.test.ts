import { describe, expect, it } from 'vitest';
import { chinaToday, expiryState, formatFen } from '../../../../../../renderer/src/features/insured/labels';

describe('person panel labels', () => {
  it('a document valid to yesterday has expired, one valid within 90 days expires soon, 长期 never expires', () => {
    expect(expiryState('2026-03-01', '2026-03-02')).toBe('expired');
    expect(expiryState('2026-03-02', '2026-03-02')).toBe('soon');
    expect(expiryState('2026-05-31', '2026-03-02')).toBe('soon');
    expect(expiryState('2026-06-01', '2026-03-02')).toBe('ok');
    expect(expiryState('长期', '2026-03-02')).toBe('ok');
  });

  it('today is the China date even late in the UTC evening', () => {
    expect(chinaToday(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(chinaToday(new Date('2026-03-01T15:59:00Z'))).toBe('2026-03-01');
  });

  it('money in 分 is shown in 元 with thousands separators', () => {
    expect(formatFen(120_000)).toBe('1,200.00');
    expect(formatFen(201_250)).toBe('2,012.50');
    expect(formatFen(-5)).toBe('-0.05');
  });
});
