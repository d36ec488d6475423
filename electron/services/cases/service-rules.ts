/**
 * The office's time commitments (sample values; a real office sets its own): the committed completion date
 * printed on each 受理回执, and how long a 容缺受理 applicant has to bring the missing minor materials.
 */
import type { CaseKind } from './case-store';

export const COMMITTED_WORKING_DAYS: Record<CaseKind, number> = {
  'special-disease': 15,
  'remote-registration': 1,
  reimbursement: 20,
  'special-disease-cancel': 5,
  'remote-registration-cancel': 5,
  'reimbursement-cancel': 5,
};

export const PROMISE_WORKING_DAYS = 10;

/** The office's commitments as configured (config.json `cases`), over the sample values. */
export interface Deadlines {
  promiseWorkingDays: number;
  committedWorkingDays: Record<CaseKind, number>;
}

export function deadlinesOf(config: { promiseWorkingDays?: number; committedWorkingDays?: Partial<Record<string, number | undefined>> } = {}): Deadlines {
  const committed = { ...COMMITTED_WORKING_DAYS };
  for (const [k, v] of Object.entries(config.committedWorkingDays ?? {})) if (v !== undefined && k in committed) committed[k as CaseKind] = v;
  return { promiseWorkingDays: config.promiseWorkingDays ?? PROMISE_WORKING_DAYS, committedWorkingDays: committed };
}
