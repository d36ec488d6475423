/** Layer 1, 基本医保统筹: inpatient, 普通门诊 (门诊统筹) and 门诊慢特病, with rates adjusted for retirement and out-of-area care. */
import type { Claim } from './claim-schema';
import { FULL_RATE_BP, applyRate, formatRate, formatYuan } from './money';
import type { InsutypeRules, Policy, SpecialDisease } from './policy-schema';
import type { Ytd } from './types';

export interface BasicFundOutcome {
  eligible: boolean;
  reasons: string[];
  deductible: number;
  fundPay: number;
  /** The accumulators with this layer's share of the claim added. */
  ytd: Ytd;
  explain: string[];
}

/** The base rate adjusted by retirement bonus and out-of-area reduction, kept within 0–100%. */
function effectiveRate(claim: Claim, policy: Policy, baseBp: number, retiredBonusBp: number, baseLabel: string) {
  let rateBp = baseBp;
  const parts = [`${baseLabel} ${formatRate(baseBp)}`];
  if (claim.person.retired && retiredBonusBp !== 0) {
    rateBp += retiredBonusBp;
    parts.push(`退休${retiredBonusBp > 0 ? '提高' : '降低'} ${formatRate(Math.abs(retiredBonusBp)).replace('%', '')} 个百分点`);
  }
  const area = claim.visit.outOfArea;
  if (area !== null) {
    const { name, reductionBp } = policy.outOfArea[area];
    rateBp -= reductionBp;
    parts.push(reductionBp === 0 ? `${name}不降低` : `${name}降低 ${formatRate(reductionBp).replace('%', '')} 个百分点`);
  }
  rateBp = Math.min(FULL_RATE_BP, Math.max(0, rateBp));
  const label = parts.length > 1 ? `${formatRate(rateBp)}（${parts.join('，')}）` : `${formatRate(rateBp)}（${baseLabel}）`;
  return { rateBp, label };
}

function capped(amount: number, cap: number, used: number) {
  const left = Math.max(0, cap - used);
  return { pay: Math.min(amount, left), left };
}

function capNote(calculated: number, pay: number, capName: string, cap: number, used: number, left: number): string {
  const base = `${capName} ${formatYuan(cap)}，本年已支付 ${formatYuan(used)}，尚余 ${formatYuan(left)}`;
  return calculated > pay ? `${base}，超出部分不予支付，实付 ${formatYuan(pay)}` : base;
}

export function payBasicFund(claim: Claim, policy: Policy, inscope: number): BasicFundOutcome {
  const rules = policy.insutypes[claim.person.insutype] as InsutypeRules; // checked by parseClaim
  switch (claim.visit.type) {
    case 'inpatient':
      return inpatient(claim, policy, rules, inscope);
    case 'outpatient':
      return outpatient(claim, policy, rules, inscope);
    case 'special':
      return special(claim, policy, rules, inscope);
  }
}

function inpatient(claim: Claim, policy: Policy, rules: InsutypeRules, inscope: number): BasicFundOutcome {
  const level = claim.visit.hospitalLevel;
  const levelName = policy.hospitalLevelNames[level];
  const rule = rules.inpatient.byLevel[level];
  const admission = claim.ytd.admissions + 1;
  const repeat = admission >= policy.repeatAdmission.fromAdmission;
  const threshold = repeat ? applyRate(rule.deductible, policy.repeatAdmission.deductibleBp) : rule.deductible;
  const deductible = Math.min(inscope, threshold);
  const rate = effectiveRate(claim, policy, rule.rateBp, rules.inpatient.retiredBonusBp, `${levelName}医院住院`);
  const calculated = applyRate(inscope - deductible, rate.rateBp);
  const used = claim.ytd.fundPaid;
  const { pay, left } = capped(calculated, rules.inpatient.annualCap, used);
  const thresholdNote = repeat
    ? `本年第 ${admission} 次住院，起付线 ${formatYuan(rule.deductible)} 按 ${formatRate(policy.repeatAdmission.deductibleBp)} 计为 ${formatYuan(threshold)}`
    : `本年第 ${admission} 次住院，起付线 ${formatYuan(threshold)}`;
  return {
    eligible: true,
    reasons: [],
    deductible,
    fundPay: pay,
    ytd: { ...claim.ytd, admissions: admission, fundPaid: used + pay },
    explain: [
      `起付标准：${rules.name}${levelName}医院住院，${thresholdNote}；本次由个人负担起付线 ${formatYuan(deductible)}。`,
      `统筹基金支付 = (${formatYuan(inscope)} − ${formatYuan(deductible)}) × ${rate.label} = ${formatYuan(calculated)}；${capNote(calculated, pay, '住院年度最高支付限额', rules.inpatient.annualCap, used, left)}。`,
    ],
  };
}

function outpatient(claim: Claim, policy: Policy, rules: InsutypeRules, inscope: number): BasicFundOutcome {
  const level = claim.visit.hospitalLevel;
  const levelName = policy.hospitalLevelNames[level];
  const o = rules.outpatient;
  const rate = effectiveRate(claim, policy, o.byLevel[level].rateBp, o.retiredBonusBp, `${levelName}医院普通门诊`);
  const quota = claim.person.retired ? o.retiredAnnualQuota : o.annualQuota;
  const calculated = applyRate(inscope, rate.rateBp);
  const used = claim.ytd.outpatientFundPaid;
  const { pay, left } = capped(calculated, quota, used);
  return {
    eligible: true,
    reasons: [],
    deductible: 0,
    fundPay: pay,
    ytd: { ...claim.ytd, outpatientFundPaid: used + pay },
    explain: [
      `起付标准：${rules.name}普通门诊（门诊统筹）不设起付线。`,
      `统筹基金支付 = ${formatYuan(inscope)} × ${rate.label} = ${formatYuan(calculated)}；${capNote(calculated, pay, `门诊统筹年度限额（${claim.person.retired ? '退休' : '在职'}）`, quota, used, left)}。`,
    ],
  };
}

/** A 门诊慢特病 visit needs a catalogued disease and a date inside its registration window (both ends included). */
function checkRegistration(claim: Claim, policy: Policy): { disease: SpecialDisease } | { reason: string } {
  const reg = claim.visit.disease!; // required for special by the claim schema
  const disease = policy.specialDiseases.get(reg.code);
  if (!disease) return { reason: `病种编码 ${reg.code} 不在本统筹区门诊慢特病病种目录中，不享受门诊慢特病待遇。` };
  const date = claim.visit.date;
  if (date < reg.registeredFrom || date > reg.registeredTo) {
    return {
      reason: `就诊日期 ${date} 不在${disease.name}（${disease.code}）备案有效期 ${reg.registeredFrom} 至 ${reg.registeredTo} 内，不享受门诊慢特病待遇。`,
    };
  }
  return { disease };
}

function special(claim: Claim, policy: Policy, rules: InsutypeRules, inscope: number): BasicFundOutcome {
  const check = checkRegistration(claim, policy);
  if ('reason' in check) {
    return {
      eligible: false,
      reasons: [check.reason],
      deductible: 0,
      fundPay: 0,
      ytd: claim.ytd,
      explain: [`门诊慢特病资格：${check.reason}`, `统筹基金支付 ${formatYuan(0)}：本次不符合报销条件。`],
    };
  }
  const { disease } = check;
  const reg = claim.visit.disease!;
  const rate = effectiveRate(claim, policy, rules.special.rateBp, rules.special.retiredBonusBp, '门诊慢特病');
  const calculated = applyRate(inscope, rate.rateBp);
  const used = claim.ytd.specialFundPaid[disease.code] ?? 0;
  const { pay, left } = capped(calculated, disease.annualLimit, used);
  return {
    eligible: true,
    reasons: [],
    deductible: 0,
    fundPay: pay,
    ytd: { ...claim.ytd, specialFundPaid: { ...claim.ytd.specialFundPaid, [disease.code]: used + pay } },
    explain: [
      `门诊慢特病资格：${disease.name}（${disease.code}），备案有效期 ${reg.registeredFrom} 至 ${reg.registeredTo}，就诊日期 ${claim.visit.date} 在有效期内；不设起付线。`,
      `统筹基金支付 = ${formatYuan(inscope)} × ${rate.label} = ${formatYuan(calculated)}；${capNote(calculated, pay, `${disease.name}年度限额`, disease.annualLimit, used, left)}。`,
    ],
  };
}
