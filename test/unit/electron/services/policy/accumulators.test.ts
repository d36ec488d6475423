import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate, claimUsage, emptyYtd, foldAccumulators, mergeAccumulators, parseClaim, type SettledClaim } from '../../../../../electron/services/policy';
import type { Ytd } from '../../../../../electron/services/policy/types';
import { item, person, toOptions, visit } from '../../../../helpers/policy-arbitraries';
import { claimJson, jia, samplePolicy, type ClaimOptions } from '../../../../helpers/policy-fixtures';

function settle(o: ClaimOptions): SettledClaim {
  const claim = parseClaim(claimJson(o), samplePolicy);
  return { claim, result: calculate(samplePolicy, claim) };
}

describe('claimUsage', () => {
  it('is what the engine added for one claim', () => {
    const s = settle({ assistance: '监测', ytd: { admissions: 1, fundPaid: 100_000, specialFundPaid: { M01600: 5 } } });
    expect(claimUsage(s)).toEqual({
      admissions: 1,
      fundPaid: 570_000,
      outpatientFundPaid: 0,
      specialFundPaid: {},
      seriousDeductibleUsed: 430_000,
      seriousPaid: 0,
      assistanceDeductibleUsed: 100_000,
      assistancePaid: 198_000,
    });
  });

  it('refuses a record whose result is below its starting point (corrupt data)', () => {
    const s = settle({});
    const corrupt: SettledClaim = { claim: { visit: { date: '2026-05-01' }, ytd: { fundPaid: 9_999_999 } }, result: s.result };
    expect(() => claimUsage(corrupt)).toThrow(/累计数据不一致.*fundPaid/);
  });
});

describe('foldAccumulators', () => {
  it('is empty for no claims', () => {
    expect(foldAccumulators([], 2026)).toEqual(emptyYtd());
  });

  it('skips reversed claims and other years', () => {
    const a = settle({ items: [jia(200_000)] });
    const b = settle({ type: 'outpatient', items: [jia(10_000)] });
    const lastYear: SettledClaim = { ...settle({}), claim: { visit: { date: '2025-12-30' } } };
    const reversed: SettledClaim = { ...settle({}), reversed: true };
    const ytd = foldAccumulators([a, b, lastYear, reversed], 2026);
    expect(ytd).toMatchObject({ admissions: 1, fundPaid: 60_000, outpatientFundPaid: 4_000, seriousDeductibleUsed: 140_000 });
  });

  it('folding a chained year of claims gives the last ytdAfter, whatever the order of the records', () => {
    const year = fc.tuple(
      person,
      fc.array(fc.tuple(visit, fc.array(item, { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 12 }),
      fc.nat(),
    );
    fc.assert(
      fc.property(year, ([p, visits, seed]) => {
        let ytd: Ytd = emptyYtd();
        const settled: SettledClaim[] = [];
        for (const [v, items] of visits) {
          const s = settle(toOptions(p, v, items.map((i) => ({ ...i, amount: (i.amount as number) * 10 })), ytd));
          settled.push(s);
          ytd = s.result.ytdAfter;
        }
        const shuffled = [...settled].sort((x, y) => ((settled.indexOf(x) * 7919 + seed) % 13) - ((settled.indexOf(y) * 7919 + seed) % 13));
        const folded = foldAccumulators(shuffled, 2026);
        const expected = { ...ytd, specialFundPaid: Object.fromEntries(Object.entries(ytd.specialFundPaid).filter(([, v]) => v !== 0)) };
        expect(folded).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});

describe('mergeAccumulators', () => {
  it('takes the larger of the workstation and the platform, field by field', () => {
    const local = { ...emptyYtd(), fundPaid: 500, seriousPaid: 10, specialFundPaid: { M03900: 100 } };
    const merged = mergeAccumulators(local, { fundPaid: 300, admissions: 2, specialFundPaid: { M03900: 50, M01600: 70 } });
    expect(merged).toEqual({ ...emptyYtd(), admissions: 2, fundPaid: 500, seriousPaid: 10, specialFundPaid: { M03900: 100, M01600: 70 } });
  });

  it('with nothing from the platform is the local figure', () => {
    const local = { ...emptyYtd(), assistancePaid: 7 };
    expect(mergeAccumulators(local, {})).toEqual(local);
  });
});
