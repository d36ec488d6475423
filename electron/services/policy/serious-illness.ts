/** Layer 2, 大病保险: what the basic fund left of the in-scope cost, above an annual deductible. */
import type { Claim } from './claim-schema';
import { applyRate, formatRate, formatYuan } from './money';
import type { Policy } from './policy-schema';
import { VISIT_TYPE_NAMES } from '../../contract/vocabulary/reimbursement';
import type { Ytd } from './types';

export interface LayerOutcome {
  pay: number;
  ytd: Ytd;
  explain: string;
}

export function isPoor(claim: Claim, policy: Policy): boolean {
  return claim.person.assistance !== null && policy.poorIdentities.has(claim.person.assistance);
}

export function paySeriousIllness(claim: Claim, policy: Policy, inscope: number, fundPay: number, ytd: Ytd): LayerOutcome {
  const s = policy.seriousIllness;
  if (!s.insutypes.has(claim.person.insutype) || !s.visitTypes.has(claim.visit.type)) {
    const scope = [...s.insutypes].map((c) => policy.insutypes[c]?.name ?? c).join('、');
    const visits = [...s.visitTypes].map((v) => VISIT_TYPE_NAMES[v]).join('、');
    return { pay: 0, ytd, explain: `${s.name}：仅适用于${scope}${visits}，本次不适用，支付 ${formatYuan(0)}。` };
  }
  const poor = isPoor(claim, policy);
  const tier = poor ? s.poor : s.standard;
  const base = inscope - fundPay;
  const deductibleLeft = Math.max(0, tier.deductible - ytd.seriousDeductibleUsed);
  const deductibleNow = Math.min(base, deductibleLeft);
  const calculated = applyRate(base - deductibleNow, tier.rateBp);
  const capLeft = tier.annualCap === null ? null : Math.max(0, tier.annualCap - ytd.seriousPaid);
  const pay = capLeft === null ? calculated : Math.min(calculated, capLeft);
  const who = poor ? `（${claim.person.assistance}人员适用倾斜政策）` : '';
  const capText =
    capLeft === null || tier.annualCap === null
      ? '不设年度最高支付限额'
      : `年度最高支付限额 ${formatYuan(tier.annualCap)}，本年已支付 ${formatYuan(ytd.seriousPaid)}，尚余 ${formatYuan(capLeft)}${calculated > pay ? `，超出部分不予支付，实付 ${formatYuan(pay)}` : ''}`;
  return {
    pay,
    ytd: { ...ytd, seriousDeductibleUsed: ytd.seriousDeductibleUsed + deductibleNow, seriousPaid: ytd.seriousPaid + pay },
    explain:
      `${s.name}${who}：基数 = 政策范围内 ${formatYuan(inscope)} − 统筹支付 ${formatYuan(fundPay)} = ${formatYuan(base)}；` +
      `年度起付线 ${formatYuan(tier.deductible)}（本年已累计 ${formatYuan(ytd.seriousDeductibleUsed)}，尚余 ${formatYuan(deductibleLeft)}），本次计入起付线 ${formatYuan(deductibleNow)}；` +
      `支付 = (${formatYuan(base)} − ${formatYuan(deductibleNow)}) × ${formatRate(tier.rateBp)} = ${formatYuan(calculated)}；${capText}。`,
  };
}
