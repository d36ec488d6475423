/**
 * The acceptance eligibility rules one by one (good and bad), and the table that applies them in order.
 * The same functions refuse on the platform simulator (test/integration/electron/services/desk/case-desk.eligibility.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { ELIGIBILITY_RULES, firstIneligibility, type EligibilityFacts } from '../../../../../electron/contract/rules/acceptance-eligibility';
import { diseaseHeldRule, insuranceStatusRule, invoicesClaimedRule, periodsOverlap } from '../../../../../electron/contract/rules/person-rules';
import {
  longTermChangeRule,
  longTermOpenEndedRule,
  longTermStandingRule,
  outsidePoolingAreaRule,
  retiredOnlyRule,
  retroactiveWindowRule,
  temporaryMinimumRule,
} from '../../../../../electron/contract/rules/remote-registration-rules';
import { isRetiredPsnType } from '../../../../../electron/contract/vocabulary/insurance-status';
import { poolingAreaCode } from '../../../../../electron/services/catalogues/regions';

describe('参保状态', () => {
  it('accepts 正常参保 and refuses 暂停 and 终止 by name', () => {
    expect(insuranceStatusRule('1')).toBeNull();
    expect(insuranceStatusRule('2')?.message).toMatch(/^该人员参保状态为暂停参保，非正常参保不能办理/);
    expect(insuranceStatusRule('4')?.message).toMatch(/参保状态为终止参保/);
  });
  it('refuses an unknown or missing status rather than guessing', () => {
    expect(insuranceStatusRule('9')?.message).toMatch(/参保状态为状态代码 9/);
    expect(insuranceStatusRule('')?.message).toMatch(/参保状态为未知/);
  });
});

describe('异地安置退休 only for retirees', () => {
  it('refuses a working person, on the 备案类型 field', () => {
    expect(retiredOnlyRule('retiredResettled', false)).toEqual({ message: expect.stringMatching(/^异地安置退休仅限退休人员办理/), field: 'regType' });
  });
  it('accepts a retiree, other types, and a person whose 人员类别 the platform did not give', () => {
    expect(retiredOnlyRule('retiredResettled', true)).toBeNull();
    expect(retiredOnlyRule('longTermResidence', false)).toBeNull();
    expect(retiredOnlyRule('retiredResettled', null)).toBeNull();
  });
  it('reads 退休/离休 from 人员类别 (12, 13 and their subtypes)', () => {
    expect(['12', '13', '1201', '1302'].map(isRetiredPsnType)).toEqual([true, true, true, true]);
    expect(['11', '31', '1101'].map(isRetiredPsnType)).toEqual([false, false, false]);
    expect(isRetiredPsnType('')).toBeNull();
  });
});

describe('就医地 outside the own 统筹区', () => {
  it('refuses a county of the person\'s own prefecture and the same 直辖市', () => {
    expect(outsidePoolingAreaRule('440300', '440305', poolingAreaCode)).toMatchObject({ field: 'targetAdmdvs', message: expect.stringContaining('属同一统筹区') });
    expect(outsidePoolingAreaRule('110100', '110105', poolingAreaCode)).not.toBeNull();
    expect(outsidePoolingAreaRule('990100', '990105', poolingAreaCode)).not.toBeNull();
  });
  it('accepts another prefecture, and a 省直辖县级市 (济源) beside its neighbours', () => {
    expect(outsidePoolingAreaRule('440300', '440100', poolingAreaCode)).toBeNull();
    expect(outsidePoolingAreaRule('990100', '110105', poolingAreaCode)).toBeNull();
    expect(outsidePoolingAreaRule('410800', '419001', poolingAreaCode)).toBeNull();
  });
});

describe('临时备案 at least the minimum months', () => {
  it('refuses an end date before begin + months, naming the earliest end date', () => {
    expect(temporaryMinimumRule('referral', '2026-03-01', '2026-08-31', 6)).toEqual({
      message: '临时异地就医备案有效期不少于 6 个月：结束日期应不早于 2026-09-01，或留空（默认 6 个月）',
      field: 'enddate',
    });
    expect(temporaryMinimumRule('emergency', '2026-03-01', '2026-05-31', 3)?.message).toMatch(/不少于 3 个月.*2026-06-01/);
  });
  it('accepts exactly the minimum, longer, an empty end date, and leaves long-term types alone', () => {
    expect(temporaryMinimumRule('referral', '2026-03-01', '2026-09-01', 6)).toBeNull();
    expect(temporaryMinimumRule('referral', '2026-03-01', '2027-03-01', 6)).toBeNull();
    expect(temporaryMinimumRule('referral', '2026-03-01', '', 6)).toBeNull();
    expect(temporaryMinimumRule('longTermResidence', '2026-03-01', '2026-04-01', 6)).toBeNull();
  });
});

describe('长期备案 open-ended', () => {
  it('refuses an end date on a long-term type', () => {
    expect(longTermOpenEndedRule('residentWorker', '2027-01-01')).toEqual({ message: '常驻异地工作属长期备案，不设结束日期，请清空结束日期', field: 'enddate' });
  });
  it('accepts no end date, and end dates on temporary types', () => {
    expect(longTermOpenEndedRule('retiredResettled', '')).toBeNull();
    expect(longTermOpenEndedRule('referral', '2027-01-01')).toBeNull();
  });
});

describe('补办 within the window', () => {
  it('refuses a start further back than the window, on the 开始日期 field', () => {
    expect(retroactiveWindowRule('2026-08-01', '2026-12-02', 90)).toEqual({
      message: '补办异地就医备案须在开始就医后 90 天内办理：开始日期 2026-08-01 早于 2026-09-03，已超过补办期限',
      field: 'begndate',
    });
  });
  it('accepts a start within the window (its first day included), today and the future', () => {
    expect(retroactiveWindowRule('2026-09-03', '2026-12-02', 90)).toBeNull();
    expect(retroactiveWindowRule('2026-12-02', '2026-12-02', 90)).toBeNull();
    expect(retroactiveWindowRule('2027-01-15', '2026-12-02', 0)).toBeNull();
  });
});

describe('长期备案 changed or cancelled only after its minimum months', () => {
  it('standing: refused until begin + months, the day it is reached allowed', () => {
    expect(longTermStandingRule('2026-08-31', '2027-03-02', 6)?.message).toBe('长期异地就医备案满 6 个月后方可变更或撤销（开始日期 2026-08-31，2027-03-03 起可撤销）');
    expect(longTermStandingRule('2026-08-31', '2027-03-03', 6)).toBeNull();
  });
  it('a new long-term registration while one is valid: too early, or only after cancelling the old', () => {
    const existing = { ref: '办件 99010000120261202000001', begndate: '2026-11-01' };
    expect(longTermChangeRule('longTermResidence', existing, '2026-12-02', 6)?.message).toMatch(
      /^该人员已有有效的长期异地备案（办件 99010000120261202000001）：长期异地就医备案满 6 个月后方可变更或撤销/,
    );
    expect(longTermChangeRule('residentWorker', { ...existing, begndate: '2026-01-01' }, '2026-12-02', 6)?.message).toMatch(/请先撤销原备案再办理新的长期备案$/);
  });
  it('leaves temporary types and a person without a long-term registration alone', () => {
    expect(longTermChangeRule('referral', { ref: 'YD1', begndate: '2026-11-01' }, '2026-12-02', 6)).toBeNull();
    expect(longTermChangeRule('longTermResidence', null, '2026-12-02', 6)).toBeNull();
  });
});

describe('a disease already held', () => {
  const htn = { code: 'M03900', name: '高血压' };
  it('refuses an overlapping valid registration of the same disease, naming it', () => {
    const held = [{ ref: 'MT001', begndate: '2026-01-01', enddate: '' }];
    expect(diseaseHeldRule(htn, { begndate: '2026-06-01', enddate: '2026-12-31' }, held)).toEqual({
      message: '该人员已有有效的高血压（M03900）门诊慢特病备案（MT001，2026-01-01 起长期有效），不能重复备案',
      field: 'diseaseCode',
    });
  });
  it('accepts when the held one ended before the new one begins', () => {
    expect(diseaseHeldRule(htn, { begndate: '2027-01-01', enddate: '' }, [{ ref: 'MT1', begndate: '2026-01-01', enddate: '2026-12-31' }])).toBeNull();
    expect(diseaseHeldRule(htn, { begndate: '2027-01-01', enddate: '' }, [])).toBeNull();
  });
  it('overlap counts shared days and open ends', () => {
    expect(periodsOverlap('2026-01-01', '2026-06-30', '2026-06-30', '')).toBe(true);
    expect(periodsOverlap('2026-01-01', '2026-06-29', '2026-06-30', '')).toBe(false);
    expect(periodsOverlap('2026-01-01', '', '2030-01-01', '2030-02-01')).toBe(true);
  });
});

describe('an invoice already claimed', () => {
  it('refuses every claimed invoice in one message, on the 票据 list', () => {
    const r = invoicesClaimedRule([
      { code: '110101', no: '00000002', ref: '本机办件 99010000120261202000003' },
      { code: '110101', no: '00000009', ref: '平台报销流水号 LX1' },
    ]);
    expect(r).toEqual({
      message: '以下票据已报销过，不能重复报销（一张票据只能报销一次）：110101 / 00000002（本机办件 99010000120261202000003）、110101 / 00000009（平台报销流水号 LX1）',
      field: 'invoices',
    });
  });
  it('accepts when none is claimed', () => {
    expect(invoicesClaimedRule([])).toBeNull();
  });
});

describe('the rule table', () => {
  const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
    kind: 'remote-registration',
    today: '2026-12-02',
    limits: { temporaryMinMonths: 6, longTermMinMonths: 6, retroactiveDays: 90 },
    poolingArea: poolingAreaCode,
    insuranceStatus: '1',
    retired: false,
    remote: { regType: 'retiredResettled', homeAdmdvs: '990100', targetAdmdvs: '990105', begndate: '2026-01-01', enddate: '2027-01-01', existingLongTerm: null },
    ...over,
  });

  it('lists every rule once, each with a Chinese title', () => {
    expect(ELIGIBILITY_RULES.map((r) => r.id)).toEqual([
      'insurance-status',
      'retired-only',
      'outside-pooling-area',
      'temporary-minimum',
      'long-term-open-ended',
      'retroactive-window',
      'long-term-change',
      'disease-not-held',
      'invoices-unclaimed',
    ]);
    for (const r of ELIGIBILITY_RULES) expect(r.title).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('answers the first broken rule in table order: 参保状态 before everything else', () => {
    expect(firstIneligibility(facts({ insuranceStatus: '2' }))?.message).toMatch(/暂停参保/);
    expect(firstIneligibility(facts())?.field).toBe('regType');
    expect(firstIneligibility(facts({ retired: true }))?.field).toBe('targetAdmdvs');
    expect(firstIneligibility(facts({ retired: true, remote: { ...facts().remote!, targetAdmdvs: '110105' } }))?.field).toBe('enddate');
  });

  it('applies a rule only to its services and passes a clean case', () => {
    expect(firstIneligibility(facts({ kind: 'special-disease', remote: undefined }))).toBeNull();
    expect(firstIneligibility(facts({ kind: 'reimbursement', invoices: { claimed: [{ code: 'a', no: 'b', ref: 'x' }] } }))?.field).toBe('invoices');
    const clean = { regType: 'referral', homeAdmdvs: '990100', targetAdmdvs: '110105', begndate: '2026-12-02', enddate: '', existingLongTerm: null };
    expect(firstIneligibility(facts({ remote: clean }))).toBeNull();
  });
});
