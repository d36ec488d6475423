import { describe, expect, it } from 'vitest';
import { chinaClock, chinaDate, chinaDateTime } from '../../../shared/china-time';

describe('China time for people', () => {
  it('shows UTC+8 whatever the machine zone', () => {
    expect(chinaDateTime('2026-12-02T16:30:05Z')).toBe('2026-12-03 00:30:05');
    expect(chinaDate('2026-12-02T16:30:05Z')).toBe('2026-12-03');
    expect(chinaClock('2026-12-02T16:30:05Z')).toBe('00:30:05');
    expect(chinaDateTime(new Date(Date.UTC(2026, 0, 1, 0, 0, 0)))).toBe('2026-01-01 08:00:00');
    expect(chinaDateTime(Date.UTC(2026, 11, 31, 15, 59, 59))).toBe('2026-12-31 23:59:59');
  });

  it('an offset in the input is honoured', () => {
    expect(chinaDateTime('2026-12-03T09:00:00+08:00')).toBe('2026-12-03 09:00:00');
  });

  it('a value that is not a time shows a dash, never "Invalid Date"', () => {
    expect(chinaDateTime('not a time')).toBe('—');
    expect(chinaDate(Number.NaN)).toBe('—');
    expect(chinaClock('')).toBe('—');
  });
});
