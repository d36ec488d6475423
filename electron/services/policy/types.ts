/**
 * Shared vocabulary of the reimbursement engine: claim enums, accumulators, result. Visit types, out-of-area
 * kinds, fee categories and the 险种 live with their Chinese names in ../../contract/vocabulary.
 */
import { CASE_INSUTYPES } from '../../contract/vocabulary/insurance-types';

export const INSUTYPES = CASE_INSUTYPES;
export type Insutype = (typeof INSUTYPES)[number];

export const ASSISTANCE_IDENTITIES = ['特困', '低保', '监测'] as const;
export type AssistanceIdentity = (typeof ASSISTANCE_IDENTITIES)[number];

export const HOSPITAL_LEVELS = [1, 2, 3] as const;
export type HospitalLevel = (typeof HOSPITAL_LEVELS)[number];

/** What the person already used this calendar year (all 分 except admissions). Key order is the output order. */
export interface Ytd {
  admissions: number;
  fundPaid: number;
  outpatientFundPaid: number;
  specialFundPaid: Record<string, number>;
  seriousDeductibleUsed: number;
  seriousPaid: number;
  assistanceDeductibleUsed: number;
  assistancePaid: number;
}

export function emptyYtd(): Ytd {
  return {
    admissions: 0,
    fundPaid: 0,
    outpatientFundPaid: 0,
    specialFundPaid: {},
    seriousDeductibleUsed: 0,
    seriousPaid: 0,
    assistanceDeductibleUsed: 0,
    assistancePaid: 0,
  };
}

/** The engine's answer. Key order is part of the stable interface (policy-demo.md). */
export interface ClaimResult {
  eligible: boolean;
  reasons: string[];
  total: number;
  fullOwnPay: number;
  preSelfPay: number;
  inscope: number;
  deductible: number;
  fundPay: number;
  seriousIllnessPay: number;
  assistancePay: number;
  personalPay: number;
  ytdAfter: Ytd;
  explain: string[];
}
