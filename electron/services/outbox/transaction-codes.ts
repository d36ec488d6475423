/**
 * Which platform transaction files each kind of case, and which one looks it up again.
 * 特门 uses the national codes; 异地备案 and 零星报销 come from the province profile.
 */
import type { CaseKind } from '../cases/case-store';
import type { ProvinceProfile } from '../platform/profile';

export interface KindCodes {
  /** The transaction that files the case. */
  infno: string;
  /** The transaction that finds it on the platform by business key; absent = reverse with 2601 instead. */
  queryInfno?: string;
}

export type TransactionCodes = Record<CaseKind, KindCodes>;

export const REVERSAL_INFNO = '2601';

export function transactionCodesFromProfile(profile: Pick<ProvinceProfile, 'remoteRegistration' | 'reimbursement'>): TransactionCodes {
  const rr = profile.remoteRegistration.codes;
  const rb = profile.reimbursement.codes;
  return {
    'special-disease': { infno: '2503', queryInfno: '5301' },
    'special-disease-cancel': { infno: '2504', queryInfno: '5301' },
    'remote-registration': { infno: rr.register, queryInfno: rr.query },
    'remote-registration-cancel': { infno: rr.cancel, queryInfno: rr.query },
    reimbursement: { infno: rb.submit, queryInfno: rb.query },
    'reimbursement-cancel': { infno: rb.cancel, queryInfno: rb.query },
  };
}
