/** One table per rule of the sample policy (policy-demo.md); expected figures worked out by hand. */
import { describe, expect, it } from 'vitest';
import { bing, calc, jia, policyWith, samplePolicy, yi, type ClaimOptions } from '../../../../helpers/policy-fixtures';

type Row = [string, ClaimOptions, Record<string, number>];

describe('fee breakdown: 全自费, 先行自付, 政策范围内', () => {
  const rows: Row[] = [
    ['丙 is fully self-paid', { items: [bing(30_000), jia(70_000)] }, { total: 100_000, fullOwnPay: 30_000, preSelfPay: 0, inscope: 70_000 }],
    ['甲 over-limit part is self-paid', { items: [jia(50_000, { overLimit: 5_000 })] }, { fullOwnPay: 5_000, preSelfPay: 0, inscope: 45_000 }],
    ['乙 over-limit then ratio on the rest', { items: [yi(100_000, { overLimit: 20_000, selfPayRatio: 20 })] }, { fullOwnPay: 20_000, preSelfPay: 16_000, inscope: 64_000 }],
    ['乙 without ratio uses the policy default 10%', { items: [yi(100_000)] }, { preSelfPay: 10_000, inscope: 90_000 }],
    ['乙 ratio 0', { items: [yi(100_000, { selfPayRatio: 0 })] }, { preSelfPay: 0, inscope: 100_000 }],
    ['乙 ratio 100', { items: [yi(100_000, { selfPayRatio: 100 })] }, { preSelfPay: 100_000, inscope: 0 }],
    ['乙 ratio with two decimals', { items: [yi(100_000, { selfPayRatio: 12.5 })] }, { preSelfPay: 12_500 }],
    ['先行自付 rounds half up per item', { items: [yi(10_005, { selfPayRatio: 10 })] }, { preSelfPay: 1_001 }],
    ['each 乙 item is rounded on its own', { items: [yi(5, { selfPayRatio: 10 }), yi(5, { selfPayRatio: 10 })] }, { preSelfPay: 2, inscope: 8 }],
    ['zero amounts are fine', { items: [jia(0)] }, { total: 0, inscope: 0, fundPay: 0, personalPay: 0 }],
  ];
  it.each(rows)('%s', (_name, claim, expected) => expect(calc(claim)).toMatchObject(expected));
});

describe('layer 1, inpatient: 起付 and rate by insutype, level and retirement', () => {
  const rows: Row[] = [
    ['居民 level 1: 200元, 85%', { insutype: '390', level: 1 }, { deductible: 20_000, fundPay: 833_000 }],
    ['居民 level 2: 500元, 75%', { insutype: '390', level: 2 }, { deductible: 50_000, fundPay: 712_500 }],
    ['居民 level 3: 1000元, 60%', { insutype: '390', level: 3 }, { deductible: 100_000, fundPay: 540_000 }],
    ['职工 level 1: 300元, 90%', { insutype: '310', level: 1 }, { deductible: 30_000, fundPay: 873_000 }],
    ['职工 level 2: 600元, 85%', { insutype: '310', level: 2 }, { deductible: 60_000, fundPay: 799_000 }],
    ['职工 level 3: 1000元, 80%', { insutype: '310', level: 3 }, { deductible: 100_000, fundPay: 720_000 }],
    ['职工 retired level 1: same 起付, 95%', { insutype: '310', level: 1, retired: true }, { deductible: 30_000, fundPay: 921_500 }],
    ['职工 retired level 3: same 起付, 85%', { insutype: '310', level: 3, retired: true }, { deductible: 100_000, fundPay: 765_000 }],
    ['居民 "retired" changes nothing', { insutype: '390', level: 3, retired: true }, { deductible: 100_000, fundPay: 540_000 }],
    ['in-scope below 起付: all of it is deductible', { level: 3, items: [jia(30_000)] }, { deductible: 30_000, fundPay: 0, personalPay: 30_000 }],
    ['fund rounds half up (10分 × 85% = 8.5分 → 9分)', { level: 1, items: [jia(20_010)] }, { deductible: 20_000, fundPay: 9 }],
  ];
  it.each(rows)('%s', (_name, claim, expected) => expect(calc(claim)).toMatchObject(expected));
});

describe('layer 1, inpatient: second and later admissions pay half the 起付', () => {
  const rows: Row[] = [
    ['first admission: full 起付', { ytd: { admissions: 0 } }, { deductible: 100_000, fundPay: 540_000 }],
    ['second admission: half', { ytd: { admissions: 1 } }, { deductible: 50_000, fundPay: 570_000 }],
    ['fifth admission: still half', { ytd: { admissions: 4 } }, { deductible: 50_000, fundPay: 570_000 }],
    ['职工 level 1 second admission: 150元', { insutype: '310', level: 1, ytd: { admissions: 1 } }, { deductible: 15_000, fundPay: 886_500 }],
  ];
  it.each(rows)('%s', (_name, claim, expected) => expect(calc(claim)).toMatchObject(expected));

  it('counts the admission in ytdAfter; outpatient visits do not', () => {
    expect(calc({ ytd: { admissions: 2 } }).ytdAfter.admissions).toBe(3);
    expect(calc({ type: 'outpatient', ytd: { admissions: 2 } }).ytdAfter.admissions).toBe(2);
  });
});

describe('layer 1, inpatient: annual cap (居民 200,000元, 职工 300,000元)', () => {
  const rows: Row[] = [
    ['居民 with 10,000元 of the cap left', { ytd: { fundPaid: 19_000_000 } }, { fundPay: 540_000 }],
    ['居民 with 100元 left', { ytd: { fundPaid: 19_990_000 } }, { fundPay: 10_000 }],
    ['居民 cap used up', { ytd: { fundPaid: 20_000_000 } }, { fundPay: 0 }],
    ['居民 accumulator beyond the cap', { ytd: { fundPaid: 25_000_000 } }, { fundPay: 0 }],
    ['职工 with 100元 left', { insutype: '310', ytd: { fundPaid: 29_990_000 } }, { fundPay: 10_000 }],
    ['职工 at the 居民 cap still pays', { insutype: '310', ytd: { fundPaid: 20_000_000 } }, { fundPay: 720_000 }],
  ];
  it.each(rows)('%s', (_name, claim, expected) => expect(calc(claim)).toMatchObject(expected));

  it('a capped payment moves the rest to the next layers and says so', () => {
    const r = calc({ ytd: { fundPaid: 19_990_000 } });
    expect(r.ytdAfter.fundPaid).toBe(20_000_000);
    expect(r.explain.join('')).toContain('超出部分不予支付');
  });
});

describe('layer 1, 普通门诊 (门诊统筹): rate, no 起付, annual quota', () => {
  const out = (o: ClaimOptions): ClaimOptions => ({ type: 'outpatient', items: [jia(10_000)], ...o });
  const rows: Row[] = [
    ['居民 level 1: 60%', out({ insutype: '390', level: 1 }), { deductible: 0, fundPay: 6_000 }],
    ['居民 level 2: 50%', out({ insutype: '390', level: 2 }), { fundPay: 5_000 }],
    ['居民 level 3: 40%', out({ insutype: '390', level: 3 }), { fundPay: 4_000 }],
    ['职工 level 1: 70%', out({ insutype: '310', level: 1 }), { fundPay: 7_000 }],
    ['职工 level 2: 60%', out({ insutype: '310', level: 2 }), { fundPay: 6_000 }],
    ['职工 level 3: 50%', out({ insutype: '310', level: 3 }), { fundPay: 5_000 }],
    ['职工 retired level 1: +10 points', out({ insutype: '310', level: 1, retired: true }), { fundPay: 8_000 }],
    ['职工 retired level 3: +10 points', out({ insutype: '310', level: 3, retired: true }), { fundPay: 6_000 }],
    ['居民 quota 400元: 20元 left', out({ level: 1, ytd: { outpatientFundPaid: 38_000 } }), { fundPay: 2_000 }],
    ['居民 quota used up', out({ level: 1, ytd: { outpatientFundPaid: 40_000 } }), { fundPay: 0, personalPay: 10_000 }],
    ['职工在职 quota 1,500元: 10元 left', out({ insutype: '310', level: 1, ytd: { outpatientFundPaid: 149_000 } }), { fundPay: 1_000 }],
    ['职工退休 quota 2,000元: same usage leaves room', out({ insutype: '310', level: 1, retired: true, ytd: { outpatientFundPaid: 149_000 } }), { fundPay: 8_000 }],
    ['职工退休 quota 2,000元: 10元 left', out({ insutype: '310', level: 1, retired: true, ytd: { outpatientFundPaid: 199_000 } }), { fundPay: 1_000 }],
    ['inpatient fund usage does not touch the outpatient quota', out({ level: 1, ytd: { fundPaid: 20_000_000 } }), { fundPay: 6_000 }],
  ];
  it.each(rows)('%s', (_name, claim, expected) => expect(calc(claim)).toMatchObject(expected));

  it('adds to outpatientFundPaid only', () => {
    const r = calc(out({ level: 1, ytd: { outpatientFundPaid: 1_000 } }));
    expect(r.ytdAfter).toMatchObject({ outpatientFundPaid: 7_000, fundPaid: 0, admissions: 0 });
  });
});

describe('layer 1, 门诊慢特病: registration window, rate, per-disease limit', () => {
  const sp = (o: ClaimOptions): ClaimOptions => ({ type: 'special', items: [jia(10_000)], ...o });
  const window = (registeredFrom: string, registeredTo: string, code = 'M03900') => ({ code, registeredFrom, registeredTo });
  const rows: Row[] = [
    ['居民 60%', sp({ insutype: '390' }), { deductible: 0, fundPay: 6_000 }],
    ['职工 75%', sp({ insutype: '310' }), { fundPay: 7_500 }],
    ['职工 retired 80%', sp({ insutype: '310', retired: true }), { fundPay: 8_000 }],
    ['hospital level does not matter', sp({ level: 1 }), { fundPay: 6_000 }],
    ['visit on the first day of the window', sp({ date: '2026-03-01', disease: window('2026-03-01', '2026-06-30') }), { fundPay: 6_000 }],
    ['visit on the last day of the window', sp({ date: '2026-06-30', disease: window('2026-03-01', '2026-06-30') }), { fundPay: 6_000 }],
    ['limit: 10元 left of 高血压 1,200元', sp({ ytd: { specialFundPaid: { M03900: 119_000 } } }), { fundPay: 1_000 }],
    ['another disease\'s usage does not count', sp({ ytd: { specialFundPaid: { M01600: 180_000 } } }), { fundPay: 6_000 }],
  ];
  it.each(rows)('%s', (_name, claim, expected) => expect(calc(claim)).toMatchObject({ eligible: true, ...expected }));

  const limits: Array<[string, string, number]> = [
    ['M03900', '高血压', 120_000], ['M01600', '糖尿病', 180_000], ['M05300', '慢阻肺', 240_000],
    ['M04600', '冠心病', 240_000], ['M07803', '血液透析', 6_000_000], ['M07804', '腹膜透析', 6_000_000],
    ['M00503', '恶性肿瘤放化疗', 8_000_000], ['M08300', '器官移植抗排异', 5_000_000], ['M02101', '精神分裂症', 360_000],
    ['M02500', '癫痫', 240_000], ['M01200', '血友病', 4_000_000], ['M00105', '活动性肺结核', 300_000],
  ];
  it.each(limits)('%s %s: annual limit %i 分', (code, _name, limit) => {
    const disease = window('2026-01-01', '2026-12-31', code);
    const near = calc(sp({ disease, items: [jia(100_000)], ytd: { specialFundPaid: { [code]: limit - 100 } } }));
    expect(near.fundPay).toBe(100);
    expect(near.ytdAfter.specialFundPaid[code]).toBe(limit);
    const full = calc(sp({ disease, items: [jia(100_000)], ytd: { specialFundPaid: { [code]: limit } } }));
    expect(full.fundPay).toBe(0);
  });

  const ineligible: Array<[string, ClaimOptions, RegExp]> = [
    ['the day before the window', sp({ date: '2026-02-28', disease: window('2026-03-01', '2026-06-30') }), /不在高血压（M03900）备案有效期 2026-03-01 至 2026-06-30 内/],
    ['the day after the window', sp({ date: '2026-07-01', disease: window('2026-03-01', '2026-06-30') }), /不在高血压（M03900）备案有效期/],
    ['a code not in the catalogue', sp({ disease: window('2026-01-01', '2026-12-31', 'M99999') }), /病种编码 M99999 不在本统筹区门诊慢特病病种目录中/],
    ['not eligible even for the poor', sp({ assistance: '特困', disease: window('2026-01-01', '2026-12-31', 'X1') }), /X1/],
  ];
  it.each(ineligible)('not eligible: %s — every fund pays 0 and the reason is given', (_name, claim, reason) => {
    const r = calc(claim);
    expect(r).toMatchObject({ eligible: false, fundPay: 0, seriousIllnessPay: 0, assistancePay: 0, personalPay: r.total, deductible: 0 });
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]).toMatch(reason);
    expect(r.explain.join('\n')).toMatch(reason);
    expect(r.ytdAfter).toEqual({ admissions: 0, fundPaid: 0, outpatientFundPaid: 0, specialFundPaid: {}, seriousDeductibleUsed: 0, seriousPaid: 0, assistanceDeductibleUsed: 0, assistancePaid: 0 });
  });
});

describe('layer 1: out-of-area rate reductions, on every visit type', () => {
  const rows: Row[] = [
    ['local', { outOfArea: null }, { fundPay: 540_000 }],
    ['long-term: 0 points', { outOfArea: 'long-term' }, { fundPay: 540_000 }],
    ['referral: 10 points', { outOfArea: 'referral' }, { fundPay: 450_000 }],
    ['emergency: 10 points', { outOfArea: 'emergency' }, { fundPay: 450_000 }],
    ['temporary: 15 points', { outOfArea: 'temporary' }, { fundPay: 405_000 }],
    ['unregistered: 20 points', { outOfArea: 'unregistered' }, { fundPay: 360_000 }],
    ['职工 retired unregistered: 85 − 20', { insutype: '310', retired: true, outOfArea: 'unregistered' }, { fundPay: 585_000 }],
    ['outpatient 居民 level 3 unregistered: 40 − 20', { type: 'outpatient', outOfArea: 'unregistered', items: [jia(10_000)] }, { fundPay: 2_000 }],
    ['outpatient 职工 retired level 1 temporary: 80 − 15', { type: 'outpatient', insutype: '310', retired: true, level: 1, outOfArea: 'temporary', items: [jia(10_000)] }, { fundPay: 6_500 }],
    ['special 居民 referral: 60 − 10', { type: 'special', outOfArea: 'referral', items: [jia(10_000)] }, { fundPay: 5_000 }],
  ];
  it.each(rows)('%s', (_name, claim, expected) => expect(calc(claim)).toMatchObject(expected));

  it('never drops the rate below 0%', () => {
    const harsh = policyWith((p) => {
      p.outOfArea.unregistered.rateReductionPercent = 55;
    });
    const r = calc({ type: 'outpatient', outOfArea: 'unregistered', items: [jia(10_000)] }, harsh);
    expect(r.fundPay).toBe(0);
    expect(r.personalPay).toBe(10_000);
    expect(r.explain.join('')).toContain('× 0%');
  });

  it('explains the reduction', () => {
    expect(calc({ outOfArea: 'temporary' }).explain.join('')).toContain('降低 15 个百分点');
  });
});

describe('layer 2, 大病保险 (居民 inpatient only)', () => {
  // 居民, level 3, 100,000元 甲: fund = (10,000,000 − 100,000) × 60% = 5,940,000; base 4,060,000.
  const big = (o: ClaimOptions): ClaimOptions => ({ items: [jia(10_000_000)], ...o });
  const rows: Row[] = [
    ['not poor: 23,500元 deductible, 60%', big({}), { fundPay: 5_940_000, seriousIllnessPay: 1_026_000 }],
    ['poor (低保): 11,750元 deductible, 65%', big({ assistance: '低保' }), { seriousIllnessPay: 1_875_250 }],
    ['poor (监测): same poor terms', big({ assistance: '监测' }), { seriousIllnessPay: 1_875_250 }],
    ['deductible partly used before', big({ ytd: { seriousDeductibleUsed: 2_000_000 } }), { seriousIllnessPay: 2_226_000 }],
    ['deductible fully used before', big({ ytd: { seriousDeductibleUsed: 2_350_000 } }), { seriousIllnessPay: 2_436_000 }],
    ['base below the deductible: 0', { items: [jia(1_000_000)] }, { seriousIllnessPay: 0 }],
    ['annual cap 352,000元: 2,000元 left', big({ ytd: { seriousPaid: 35_000_000 } }), { seriousIllnessPay: 200_000 }],
    ['annual cap used up', big({ ytd: { seriousPaid: 35_200_000 } }), { seriousIllnessPay: 0 }],
    ['the poor have no cap', big({ assistance: '特困', ytd: { seriousPaid: 35_200_000 } }), { seriousIllnessPay: 1_875_250 }],
    ['职工 inpatient: not applicable', big({ insutype: '310' }), { seriousIllnessPay: 0 }],
    ['居民 outpatient: not applicable', { type: 'outpatient', items: [jia(10_000_000)], ytd: { seriousDeductibleUsed: 2_350_000 } }, { seriousIllnessPay: 0 }],
    ['居民 special: not applicable', { type: 'special', items: [jia(10_000_000)], ytd: { seriousDeductibleUsed: 2_350_000 } }, { seriousIllnessPay: 0 }],
  ];
  it.each(rows)('%s', (_name, claim, expected) => expect(calc(claim)).toMatchObject(expected));

  it('fills the deductible from the base and records it', () => {
    expect(calc(big({})).ytdAfter).toMatchObject({ seriousDeductibleUsed: 2_350_000, seriousPaid: 1_026_000 });
    expect(calc(big({ ytd: { seriousDeductibleUsed: 2_000_000 } })).ytdAfter.seriousDeductibleUsed).toBe(2_350_000);
    expect(calc({ type: 'outpatient' }).ytdAfter.seriousDeductibleUsed).toBe(0);
  });

  it('the 起付 part counts toward the base', () => {
    // in-scope 30,000 < 起付 100,000: fund 0, the whole 30,000 fills the 大病 deductible.
    expect(calc({ items: [jia(30_000)] }).ytdAfter.seriousDeductibleUsed).toBe(30_000);
  });
});

describe('layer 3, 医疗救助 (特困 / 低保 / 监测; inpatient and 门诊慢特病)', () => {
  // 居民 level 3, 10,000元 甲: fund 540,000; 大病 base 460,000 under the deductible → 0; 救助 base 460,000.
  const rows: Row[] = [
    ['特困: no deductible, 90%', { assistance: '特困' }, { assistancePay: 414_000, personalPay: 46_000 }],
    ['低保: no deductible, 70%', { assistance: '低保' }, { assistancePay: 322_000 }],
    ['监测: 1,000元 deductible, 60%', { assistance: '监测' }, { assistancePay: 216_000 }],
    ['监测 deductible already used', { assistance: '监测', ytd: { assistanceDeductibleUsed: 100_000 } }, { assistancePay: 276_000 }],
    ['监测 deductible partly used', { assistance: '监测', ytd: { assistanceDeductibleUsed: 40_000 } }, { assistancePay: 240_000 }],
    ['特困 cap 100,000元: 1,000元 left', { assistance: '特困', ytd: { assistancePaid: 9_900_000 } }, { assistancePay: 100_000 }],
    ['低保 cap 50,000元: 100元 left', { assistance: '低保', ytd: { assistancePaid: 4_990_000 } }, { assistancePay: 10_000 }],
    ['监测 cap 30,000元: 10元 left', { assistance: '监测', ytd: { assistancePaid: 2_999_000 } }, { assistancePay: 1_000 }],
    ['监测 cap used up', { assistance: '监测', ytd: { assistancePaid: 3_000_000 } }, { assistancePay: 0 }],
    ['no identity: nothing', { assistance: null }, { assistancePay: 0 }],
    ['职工 特困 inpatient: base after fund 720,000', { insutype: '310', assistance: '特困' }, { fundPay: 720_000, seriousIllnessPay: 0, assistancePay: 252_000 }],
    ['门诊慢特病 特困: on what the fund left', { type: 'special', assistance: '特困', items: [jia(10_000)] }, { fundPay: 6_000, assistancePay: 3_600 }],
    ['普通门诊: not covered', { type: 'outpatient', assistance: '特困', items: [jia(10_000)] }, { fundPay: 4_000, assistancePay: 0 }],
    ['after 大病: 低保 100,000元 bill', { assistance: '低保', items: [jia(10_000_000)] }, { fundPay: 5_940_000, seriousIllnessPay: 1_875_250, assistancePay: 1_529_325, personalPay: 655_425 }],
  ];
  it.each(rows)('%s', (_name, claim, expected) => expect(calc(claim)).toMatchObject(expected));

  it('records the deductible used and the assistance paid', () => {
    expect(calc({ assistance: '监测' }).ytdAfter).toMatchObject({ assistanceDeductibleUsed: 100_000, assistancePaid: 216_000 });
    expect(calc({ assistance: '监测', items: [jia(50_000)] }).ytdAfter).toMatchObject({ assistanceDeductibleUsed: 50_000, assistancePaid: 0 });
  });
});

describe('data, not code', () => {
  it('a changed policy number changes the result', () => {
    const generous = policyWith((p) => {
      p.insutypes['390'].inpatient.byLevel['3'].ratePercent = 70;
    });
    expect(calc({}, generous).fundPay).toBe(630_000);
    expect(calc({}, samplePolicy).fundPay).toBe(540_000);
  });

  it('an identity the policy does not list gets no assistance', () => {
    const noMonitoring = policyWith((p) => {
      delete p.assistance.identities['监测'];
    });
    const r = calc({ assistance: '监测' }, noMonitoring);
    expect(r.assistancePay).toBe(0);
    expect(r.explain.join('')).toContain('不在本政策的救助对象中');
  });
});
