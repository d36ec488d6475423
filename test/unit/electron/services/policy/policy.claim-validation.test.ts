/** Bad claims are refused with a Chinese message naming the JSON path — never a guessed result. */
import { describe, expect, it } from 'vitest';
import { ClaimRejectedError, parseClaim, parseClaimJson } from '../../../../../electron/services/policy';
import { claimJson, samplePolicy } from '../../../../helpers/policy-fixtures';

type Claim = Record<string, any>;

function rejection(input: unknown): string {
  try {
    parseClaim(input, samplePolicy);
  } catch (err) {
    expect(err).toBeInstanceOf(ClaimRejectedError);
    return (err as Error).message;
  }
  throw new Error('claim was accepted');
}

const mutate = (fn: (c: Claim) => void): Claim => {
  const c = claimJson() as Claim;
  fn(c);
  return c;
};

const cases: Array<[string, Claim | unknown, RegExp]> = [
  ['an unknown top-level field', mutate((c) => (c.hospital = 'x')), /\(整体\): 不认识的字段：hospital/],
  ['an unknown item field', mutate((c) => (c.items[0].price = 1)), /items\[0\]: 不认识的字段：price/],
  ['an unknown person field', mutate((c) => (c.person.age = 70)), /person: 不认识的字段：age/],
  ['an unknown ytd field', mutate((c) => (c.ytd.bonus = 1)), /ytd: 不认识的字段：bonus/],
  ['a negative amount', mutate((c) => (c.items[0].amount = -1)), /items\[0\]\.amount: 金额不能为负数/],
  ['a fractional amount (元 instead of 分)', mutate((c) => (c.items[0].amount = 100.5)), /items\[0\]\.amount: 金额必须是整数（单位：分），不能有小数/],
  ['an amount as text', mutate((c) => (c.items[0].amount = '100')), /items\[0\]\.amount: 金额应为整数（单位：分）/],
  ['a missing amount', mutate((c) => delete c.items[0].amount), /items\[0\]\.amount: 缺少必填字段/],
  ['an absurd amount', mutate((c) => (c.items[0].amount = 1e15)), /items\[0\]\.amount: 金额超出上限/],
  ['a total beyond the limit', mutate((c) => (c.items = Array.from({ length: 11 }, () => ({ category: '甲', amount: 10_000_000_000 })))), /items: 费用总额超出上限/],
  ['a missing category', mutate((c) => delete c.items[0].category), /items\[0\]\.category: 缺少费用类别（甲 \/ 乙 \/ 丙）/],
  ['an unknown category', mutate((c) => (c.items[0].category = '丁')), /items\[0\]\.category: 费用类别 "丁" 无效/],
  ['a negative overLimit', mutate((c) => (c.items[0].overLimit = -5)), /items\[0\]\.overLimit: 超限价金额不能为负数/],
  ['overLimit above the amount', mutate((c) => (c.items[0].overLimit = 2_000_000)), /items\[0\]\.overLimit: 超限价金额不能大于项目金额/],
  ['selfPayRatio on a 甲 item', mutate((c) => (c.items[0].selfPayRatio = 10)), /items\[0\]\.selfPayRatio: 只有乙类项目可以填写先行自付比例/],
  ['selfPayRatio above 100', mutate((c) => (c.items[0] = { category: '乙', amount: 1, selfPayRatio: 150 })), /items\[0\]\.selfPayRatio: 先行自付比例不能超过 100/],
  ['a negative selfPayRatio', mutate((c) => (c.items[0] = { category: '乙', amount: 1, selfPayRatio: -1 })), /先行自付比例不能为负数/],
  ['selfPayRatio with three decimals', mutate((c) => (c.items[0] = { category: '乙', amount: 1, selfPayRatio: 10.555 })), /先行自付比例最多保留两位小数/],
  ['no items', mutate((c) => (c.items = [])), /items: 至少需要一条费用明细/],
  ['items missing', mutate((c) => delete c.items), /items: 缺少必填字段/],
  ['items not an array', mutate((c) => (c.items = { category: '甲', amount: 1 })), /items: 应为费用明细数组/],
  ['an impossible date (Feb 30)', mutate((c) => (c.visit.date = '2026-02-30')), /visit\.date: 就诊日期不是有效日期/],
  ['Feb 29 in a common year', mutate((c) => (c.visit.date = '2026-02-29')), /visit\.date: 就诊日期不是有效日期/],
  ['month 13', mutate((c) => (c.visit.date = '2026-13-01')), /visit\.date: 就诊日期不是有效日期/],
  ['a date in another format', mutate((c) => (c.visit.date = '2026/05/01')), /visit\.date: 就诊日期不是有效日期/],
  ['a date outside the policy period', mutate((c) => (c.visit.date = '2025-12-31')), /visit\.date: 就诊日期 2025-12-31 不在政策「示例统筹区 2026」的适用期 2026-01-01 至 2026-12-31 内/],
  ['an unknown level 4', mutate((c) => (c.visit.hospitalLevel = 4)), /visit\.hospitalLevel: 医院等级 4 无效，应为 1、2 或 3/],
  ['level 0', mutate((c) => (c.visit.hospitalLevel = 0)), /visit\.hospitalLevel: 医院等级 0 无效/],
  ['level as text', mutate((c) => (c.visit.hospitalLevel = '3')), /visit\.hospitalLevel: 医院等级 "3" 无效/],
  ['a missing level', mutate((c) => delete c.visit.hospitalLevel), /visit\.hospitalLevel: 缺少必填字段/],
  ['an unknown visit type', mutate((c) => (c.visit.type = 'dental')), /visit\.type: 取值 "dental" 无效，应为 "inpatient" \/ "outpatient" \/ "special" 之一/],
  ['an unknown outOfArea kind', mutate((c) => (c.visit.outOfArea = 'abroad')), /visit\.outOfArea: 取值 "abroad" 无效/],
  ['a missing outOfArea (never guess "local")', mutate((c) => delete c.visit.outOfArea), /visit\.outOfArea: 缺少必填字段/],
  ['an unknown insutype', mutate((c) => (c.person.insutype = '999')), /person\.insutype: 险种 "999" 无效/],
  ['a missing retired flag', mutate((c) => delete c.person.retired), /person\.retired: 缺少必填字段/],
  ['retired as text', mutate((c) => (c.person.retired = 'yes')), /person\.retired: 应为 true 或 false/],
  ['an unknown assistance identity', mutate((c) => (c.person.assistance = '五保')), /person\.assistance: 取值 "五保" 无效/],
  ['a missing assistance (never guess "none")', mutate((c) => delete c.person.assistance), /person\.assistance: 缺少必填字段/],
  ['special without a disease', mutate((c) => (c.visit.type = 'special')), /visit\.disease: 门诊慢特病（special）必须填写病种及备案有效期/],
  ['a disease on an inpatient visit', mutate((c) => (c.visit.disease = { code: 'M03900', registeredFrom: '2026-01-01', registeredTo: '2026-12-31' })), /visit\.disease: 只有门诊慢特病（special）可以填写 disease/],
  ['a registration window ending before it starts', claimJson({ type: 'special', disease: { code: 'M03900', registeredFrom: '2026-06-01', registeredTo: '2026-05-01' } }), /visit\.disease\.registeredTo: 备案结束日期早于开始日期/],
  ['an impossible registration date', claimJson({ type: 'special', disease: { code: 'M03900', registeredFrom: '2026-01-01', registeredTo: '2026-04-31' } }), /visit\.disease\.registeredTo: 备案结束日期不是有效日期/],
  ['a negative accumulator', mutate((c) => (c.ytd.fundPaid = -1)), /ytd\.fundPaid: 本年住院统筹已支付不能为负数/],
  ['a fractional per-disease accumulator', mutate((c) => (c.ytd.specialFundPaid = { M03900: 1.5 })), /ytd\.specialFundPaid\.M03900: 本年该病种已支付必须是整数/],
  ['fractional admissions', mutate((c) => (c.ytd.admissions = 1.5)), /ytd\.admissions: 本年已住院次数应为整数/],
  ['a claim that is an array', [], /\(整体\): 应为对象 \{…\}，实际为数组/],
  ['a claim that is null', null, /\(整体\): 应为对象 \{…\}，实际为null/],
];

describe('claim validation refuses bad claims', () => {
  it.each(cases)('%s', (_name, input, message) => {
    expect(rejection(input)).toMatch(message);
  });

  it('lists every problem at once, each with its path', () => {
    const msg = rejection(mutate((c) => {
      c.items[0].amount = -1;
      c.visit.hospitalLevel = 9;
      c.extra = true;
    }));
    expect(msg).toMatch(/^理赔数据无效，未计算：/);
    expect(msg).toContain('items[0].amount');
    expect(msg).toContain('visit.hospitalLevel');
    expect(msg).toContain('不认识的字段：extra');
  });

  it('refuses malformed JSON text', () => {
    expect(() => parseClaimJson('{"person": ', samplePolicy)).toThrow(/不是有效的 JSON/);
    expect(() => parseClaimJson('', samplePolicy)).toThrow(ClaimRejectedError);
  });

  it('refuses an insutype the policy does not define', async () => {
    const { policyWith } = await import('../../../../helpers/policy-fixtures');
    const onlyResidents = policyWith((p) => {
      delete p.insutypes['310'];
    });
    expect(() => parseClaim(claimJson({ insutype: '310' }), onlyResidents)).toThrow(/person\.insutype: 政策「示例统筹区 2026」未定义险种 310/);
  });
});

describe('claim validation accepts good claims', () => {
  it('defaults every missing ytd field (and ytd itself) to 0', () => {
    const c = claimJson() as Claim;
    delete c.ytd;
    expect(parseClaim(c, samplePolicy).ytd).toEqual({
      admissions: 0, fundPaid: 0, outpatientFundPaid: 0, specialFundPaid: {},
      seriousDeductibleUsed: 0, seriousPaid: 0, assistanceDeductibleUsed: 0, assistancePaid: 0,
    });
    expect(parseClaim(claimJson({ ytd: { seriousPaid: 5 } }), samplePolicy).ytd).toMatchObject({ seriousPaid: 5, fundPaid: 0 });
  });

  it('accepts the claim example of policy-demo.md as written', () => {
    const example = {
      person: { insutype: '390', retired: false, assistance: null },
      visit: { type: 'inpatient', hospitalLevel: 3, date: '2026-05-01', outOfArea: null },
      items: [
        { name: '床位费', category: '甲', amount: 120000 },
        { name: '某乙类药', category: '乙', amount: 50000, selfPayRatio: 10, overLimit: 0 },
      ],
      ytd: { admissions: 0, fundPaid: 0, outpatientFundPaid: 0, specialFundPaid: {}, seriousDeductibleUsed: 0, seriousPaid: 0, assistanceDeductibleUsed: 0, assistancePaid: 0 },
    };
    expect(parseClaim(example, samplePolicy).items).toHaveLength(2);
  });

  it('accepts Feb 29 in a leap year (with a policy for that year)', async () => {
    const { policyWith } = await import('../../../../helpers/policy-fixtures');
    const leap = policyWith((p) => {
      p.effective = { from: '2028-01-01', to: '2028-12-31' };
    });
    expect(parseClaim(claimJson({ date: '2028-02-29' }), leap).visit.date).toBe('2028-02-29');
  });

  it('accepts an item without a name and with an item code', () => {
    expect(() => parseClaim(claimJson({ items: [{ category: '丙', amount: 1, code: 'X01' }] }), samplePolicy)).not.toThrow();
  });
});
