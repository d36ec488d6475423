/**
 * Performance marks on the desk's read path, read back by the benchmarks (test/bench/desk.bench.ts) with
 * `performance.measure` from the page. Each mark replaces its previous one, so a long day keeps one entry per mark,
 * and a browser without the User Timing API (or a full buffer) never breaks a read.
 */
import { useEffect } from 'react';

export const DESK_MARKS = {
  /** An ID-card read starts (F2 or the 读身份证 button). */
  read: 'desk:f2',
  /** The card's person is on the 参保人 panel. */
  person: 'desk:person-shown',
  /** The platform's 参保信息 (1101, or its offline cache) is on the 参保信息 panel. */
  insured: 'desk:insured-shown',
  /** The person panel's 本年待遇 and 备案 (person.overview) are shown. */
  overview: 'desk:overview-shown',
  /** 试算 pressed (the button, or F8 which clicks it). */
  calculate: 'desk:calculate',
  /** The 试算 result is shown. */
  calculation: 'desk:calculation-shown',
} as const;

export type DeskMark = (typeof DESK_MARKS)[keyof typeof DESK_MARKS];

export function deskMark(name: DeskMark): void {
  try {
    performance.clearMarks(name);
    performance.mark(name);
  } catch {
    // Timing is for the benchmarks only; the desk carries on without it.
  }
}

/** Marks `name` after the render that first shows `shown` (a new value each time it changes to truthy). */
export function useDeskMark(name: DeskMark, shown: unknown): void {
  useEffect(() => {
    if (shown) deskMark(name);
  }, [name, shown]);
}
