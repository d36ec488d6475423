/** Layer 3, 医疗救助: for 特困 / 低保 / 监测 persons, on what the insurance layers left of the in-scope cost. */
import type { Claim } from './claim-schema';
import { applyRate, formatRate, formatYuan } from './money';
import type { Policy } from './policy-schema';
import type { LayerOutcome } from './serious-illness';
import { VISIT_TYPE_NAMES } from '../../contract/vocabulary/reimbursement';
import type { Ytd } from './types';

export function payAssistance(
  claim: Claim,
  policy: Policy,
  inscope: number,
  fundPay: number,
  seriousPay: number,
  ytd: Ytd,
): LayerOutcome {
  const a = policy.assistance;
  const identity = claim.person.assistance;
  const tier = identity === null ? undefined : a.identities[identity];
  if (identity === null || !tier) {
    const why = identity === null ? '无医疗救助身份' : `「${identity}」不在本政策的救助对象中`;
    return { pay: 0, ytd, explain: `${a.name}：${why}，不适用，支付 ${formatYuan(0)}。` };
  }
  if (!a.visitTypes.has(claim.visit.type)) {
    const scope = [...a.visitTypes].map((v) => VISIT_TYPE_NAMES[v]).join('、');
    return {
      pay: 0,
      ytd,
      explain: `${a.name}（${tier.name}）：${VISIT_TYPE_NAMES[claim.visit.type]}不在救助范围（限${scope}），支付 ${formatYuan(0)}。`,
    };
  }
  const base = inscope - fundPay - seriousPay;
  const deductibleLeft = Math.max(0, tier.deductible - ytd.assistanceDeductibleUsed);
  const deductibleNow = Math.min(base, deductibleLeft);
  const calculated = applyRate(base - deductibleNow, tier.rateBp);
  const capLeft = Math.max(0, tier.annualCap - ytd.assistancePaid);
  const pay = Math.min(calculated, capLeft);
  const deductibleText =
    tier.deductible === 0
      ? '不设起付线'
      : `年度起付线 ${formatYuan(tier.deductible)}（本年已累计 ${formatYuan(ytd.assistanceDeductibleUsed)}，尚余 ${formatYuan(deductibleLeft)}），本次计入起付线 ${formatYuan(deductibleNow)}`;
  return {
    pay,
    ytd: {
      ...ytd,
      assistanceDeductibleUsed: ytd.assistanceDeductibleUsed + deductibleNow,
      assistancePaid: ytd.assistancePaid + pay,
    },
    explain:
      `${a.name}（${tier.name}）：基数 = 政策范围内 ${formatYuan(inscope)} − 统筹支付 ${formatYuan(fundPay)} − 大病保险 ${formatYuan(seriousPay)} = ${formatYuan(base)}；` +
      `${deductibleText}；救助 = (${formatYuan(base)} − ${formatYuan(deductibleNow)}) × ${formatRate(tier.rateBp)} = ${formatYuan(calculated)}；` +
      `年度救助限额 ${formatYuan(tier.annualCap)}，本年已救助 ${formatYuan(ytd.assistancePaid)}，尚余 ${formatYuan(capLeft)}${calculated > pay ? `，超出部分不予支付，实付 ${formatYuan(pay)}` : ''}。`,
  };
}
