/** The desk's benchmark marks: one entry per name however many reads a day brings, and never an error. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DESK_MARKS, deskMark } from '../../../../renderer/src/perf-marks';

afterEach(() => {
  vi.restoreAllMocks();
  performance.clearMarks();
});

describe('deskMark', () => {
  it('keeps only the latest mark of each name', () => {
    deskMark(DESK_MARKS.read);
    const first = performance.getEntriesByName(DESK_MARKS.read, 'mark')[0].startTime;
    for (let i = 0; i < 500; i++) deskMark(DESK_MARKS.read);
    deskMark(DESK_MARKS.person);
    const reads = performance.getEntriesByName(DESK_MARKS.read, 'mark');
    expect(reads).toHaveLength(1);
    expect(reads[0].startTime).toBeGreaterThanOrEqual(first);
    expect(performance.getEntriesByName(DESK_MARKS.person, 'mark')).toHaveLength(1);
    expect(performance.measure('read → person', DESK_MARKS.read, DESK_MARKS.person).duration).toBeGreaterThanOrEqual(0);
  });

  it('a failing User Timing API does not reach the desk', () => {
    vi.spyOn(performance, 'mark').mockImplementation(() => {
      throw new DOMException('buffer full');
    });
    expect(() => deskMark(DESK_MARKS.calculate)).not.toThrow();
    expect(performance.getEntriesByName(DESK_MARKS.calculate, 'mark')).toHaveLength(0);
  });

  it('mark names are distinct', () => {
    const names = Object.values(DESK_MARKS);
    expect(new Set(names).size).toBe(names.length);
  });
});
