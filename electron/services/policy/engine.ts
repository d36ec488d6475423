/**
 * The reimbursement engine: a pure function of (policy, validated claim) → result.
 * Layers run in order — 基本医保统筹, 大病保险, 医疗救助 — each on what the previous left,
 * each rounding half up once, each adding one line a clerk can read out.
 */
import { payAssistance } from './assistance';
import { payBasicFund } from './basic-fund';
import type { Claim } from './claim-schema';
import { breakDownFees } from './fee-breakdown';
import { formatYuan } from './money';
import type { Policy } from './policy-schema';
import { paySeriousIllness } from './serious-illness';
import type { ClaimResult, Ytd } from './types';

export function calculate(policy: Policy, claim: Claim): ClaimResult {
  const fees = breakDownFees(claim.items, policy);
  const basic = payBasicFund(claim, policy, fees.inscope);
  const explain = [...fees.explain, ...basic.explain];
  let serious = 0;
  let assistance = 0;
  let ytd = basic.ytd;
  if (basic.eligible) {
    const s = paySeriousIllness(claim, policy, fees.inscope, basic.fundPay, ytd);
    const a = payAssistance(claim, policy, fees.inscope, basic.fundPay, s.pay, s.ytd);
    serious = s.pay;
    assistance = a.pay;
    ytd = a.ytd;
    explain.push(s.explain, a.explain);
  } else {
    explain.push('大病保险、医疗救助：本次不符合报销条件，均不支付。');
  }
  const personalPay = fees.total - basic.fundPay - serious - assistance;
  explain.push(
    `个人负担 = 费用总额 ${formatYuan(fees.total)} − 统筹 ${formatYuan(basic.fundPay)} − 大病保险 ${formatYuan(serious)} − 医疗救助 ${formatYuan(assistance)} = ${formatYuan(personalPay)}` +
      `（其中全自费 ${formatYuan(fees.fullOwnPay)}，先行自付 ${formatYuan(fees.preSelfPay)}）。`,
  );
  return {
    eligible: basic.eligible,
    reasons: basic.reasons,
    total: fees.total,
    fullOwnPay: fees.fullOwnPay,
    preSelfPay: fees.preSelfPay,
    inscope: fees.inscope,
    deductible: basic.deductible,
    fundPay: basic.fundPay,
    seriousIllnessPay: serious,
    assistancePay: assistance,
    personalPay,
    ytdAfter: orderedYtd(ytd),
    explain,
  };
}

/** A fresh accumulator object in the interface's key order. */
function orderedYtd(y: Ytd): Ytd {
  return {
    admissions: y.admissions,
    fundPaid: y.fundPaid,
    outpatientFundPaid: y.outpatientFundPaid,
    specialFundPaid: { ...y.specialFundPaid },
    seriousDeductibleUsed: y.seriousDeductibleUsed,
    seriousPaid: y.seriousPaid,
    assistanceDeductibleUsed: y.assistanceDeductibleUsed,
    assistancePaid: y.assistancePaid,
  };
}
