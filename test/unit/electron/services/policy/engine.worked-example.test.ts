import { describe, expect, it } from 'vitest';
import { bing, calc, jia, yi } from '../../../../helpers/policy-fixtures';

// policy-demo.md, "Worked example": 居民, not poor, level 3 inpatient, first admission, local.
describe('the worked example of policy-demo.md', () => {
  const result = calc({ items: [bing(300_000), yi(1_000_000, { selfPayRatio: 10 }), jia(3_700_000)] });

  it('reproduces every figure', () => {
    expect(result).toMatchObject({
      eligible: true,
      reasons: [],
      total: 5_000_000,
      fullOwnPay: 300_000,
      preSelfPay: 100_000,
      inscope: 4_600_000,
      deductible: 100_000,
      fundPay: 2_700_000,
      seriousIllnessPay: 0,
      assistancePay: 0,
      personalPay: 2_300_000,
    });
  });

  it('records 19,000元 of the 大病 deductible and the first admission', () => {
    expect(result.ytdAfter).toEqual({
      admissions: 1,
      fundPaid: 2_700_000,
      outpatientFundPaid: 0,
      specialFundPaid: {},
      seriousDeductibleUsed: 1_900_000,
      seriousPaid: 0,
      assistanceDeductibleUsed: 0,
      assistancePaid: 0,
    });
  });

  it('returns the keys in the order of the interface', () => {
    expect(Object.keys(result)).toEqual([
      'eligible', 'reasons', 'total', 'fullOwnPay', 'preSelfPay', 'inscope', 'deductible',
      'fundPay', 'seriousIllnessPay', 'assistancePay', 'personalPay', 'ytdAfter', 'explain',
    ]);
    expect(Object.keys(result.ytdAfter)).toEqual([
      'admissions', 'fundPaid', 'outpatientFundPaid', 'specialFundPaid',
      'seriousDeductibleUsed', 'seriousPaid', 'assistanceDeductibleUsed', 'assistancePaid',
    ]);
  });

  it('explains every step in Chinese with the figures a clerk reads out', () => {
    const text = result.explain.join('\n');
    expect(result.explain).toHaveLength(9);
    for (const figure of ['50,000.00元', '3,000.00元', '1,000.00元', '46,000.00元', '27,000.00元', '19,000.00元', '23,500.00元', '23,000.00元', '60%']) {
      expect(text).toContain(figure);
    }
    expect(result.explain[0]).toMatch(/^费用总额/);
    expect(result.explain[4]).toMatch(/^起付标准/);
    expect(result.explain[5]).toMatch(/^统筹基金支付 = \(46,000.00元 − 1,000.00元\) × 60%/);
    expect(result.explain[6]).toMatch(/^城乡居民大病保险/);
    expect(result.explain[7]).toMatch(/^医疗救助/);
    expect(result.explain[8]).toMatch(/^个人负担 = .* = 23,000.00元/);
  });
});
