/**
 * What an acceptance rule answers when a case breaks it: the Chinese reason the clerk reads, and the form
 * field it concerns (a path inside the service form, e.g. `targetAdmdvs`), so the form can show it there.
 * The desk throws it as an AppError with code `ineligible` before any 受理回执 exists.
 */
import { AppError } from '../errors';

export interface RuleRefusal {
  message: string;
  /** The form field the reason is about; absent when it concerns the person, not a field. */
  field?: string;
}

export const INELIGIBLE = 'ineligible';

export class IneligibleError extends AppError {
  readonly field?: string;
  constructor(refusal: RuleRefusal) {
    super(INELIGIBLE, refusal.message);
    this.field = refusal.field;
  }
}
