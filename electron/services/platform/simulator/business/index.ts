/**
 * The simulated platform's business rules: one file per transaction family beside this one (the same names
 * as the client's wrappers in platform/transactions/), joined here into one table keyed by infno. Handlers run
 * inside one SQLite transaction with the message log, and refuse with a Chinese message (infcode -1) the way a
 * platform would: unknown person or disease, duplicate registration, cancellation of nothing, invoice already
 * reimbursed.
 */
import type { ProvinceProfile } from '../../profile';
import { accumulationHandlers, type LedgerEntry } from './accumulation';
import { fileUploadHandlers, requireCitedFiles } from './file-upload';
import type { Handler } from './handler';
import { personHandlers } from './person';
import { reconciliationHandlers } from './reconciliation';
import { referralHandlers } from './referral';
import { reimbursementHandlers } from './reimbursement';
import { remoteRegistrationHandlers } from './remote-registration';
import { reversalHandlers } from './reversal';
import { signInHandlers } from './sign-in';
import { specialDiseaseHandlers } from './special-disease';

/** Every transaction the simulated platform answers, keyed by infno. `ledger`: settlements 5206 counts. */
export function buildHandlers(profile: ProvinceProfile, ledger: readonly LedgerEntry[] = []): Record<string, Handler> {
  const handlers: Record<string, Handler> = {
    ...accumulationHandlers(ledger),
    ...signInHandlers,
    ...personHandlers,
    ...specialDiseaseHandlers,
    ...referralHandlers,
    ...fileUploadHandlers,
    ...reversalHandlers,
    ...reconciliationHandlers,
    ...remoteRegistrationHandlers(profile),
    ...reimbursementHandlers(profile),
  };
  // The filings that may cite uploaded materials.
  for (const infno of ['2503', profile.remoteRegistration.codes.register, profile.reimbursement.codes.submit]) {
    handlers[infno] = requireCitedFiles(profile, handlers[infno]);
  }
  return handlers;
}

/** Which wire field carries psn_no for an infno (profile codes may rename it). */
export function psnNoField(profile: ProvinceProfile, infno: string): string {
  const rr = profile.remoteRegistration;
  const rb = profile.reimbursement;
  if (Object.values(rr.codes).includes(infno)) return rr.fields.psnNo;
  if (Object.values(rb.codes).includes(infno)) return rb.fields.psnNo;
  return 'psn_no';
}
