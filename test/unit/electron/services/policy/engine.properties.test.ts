/** Properties that must hold for every claim under the sample policy (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculate, parseClaim, type ClaimResult } from '../../../../../electron/services/policy';
import type { Ytd } from '../../../../../electron/services/policy/types';
import { claimOptions, item, person, toOptions, visit } from '../../../../helpers/policy-arbitraries';
import { calc, claimJson, reimbursed, samplePolicy, type ClaimOptions } from '../../../../helpers/policy-fixtures';

const RUNS = { numRuns: 400 };

const AMOUNT_KEYS = ['total', 'fullOwnPay', 'preSelfPay', 'inscope', 'deductible', 'fundPay', 'seriousIllnessPay', 'assistancePay', 'personalPay'] as const;

describe('properties of every result', () => {
  it('fund + serious + assistance + personal = total, and the bill parts add up', () => {
    fc.assert(
      fc.property(claimOptions, (o) => {
        const r = calc(o);
        expect(r.fundPay + r.seriousIllnessPay + r.assistancePay + r.personalPay).toBe(r.total);
        expect(r.fullOwnPay + r.preSelfPay + r.inscope).toBe(r.total);
        expect(reimbursed(r)).toBeLessThanOrEqual(r.inscope);
        expect(r.personalPay).toBeGreaterThanOrEqual(r.fullOwnPay + r.preSelfPay);
      }),
      RUNS,
    );
  });

  it('nothing is negative, every amount is an integer 分, accumulators only grow', () => {
    fc.assert(
      fc.property(claimOptions, (o) => {
        const r = calc(o);
        for (const k of AMOUNT_KEYS) {
          expect(Number.isSafeInteger(r[k]), k).toBe(true);
          expect(r[k], k).toBeGreaterThanOrEqual(0);
        }
        const before = parseClaim(claimJson(o), samplePolicy).ytd;
        for (const k of ['admissions', 'fundPaid', 'outpatientFundPaid', 'seriousDeductibleUsed', 'seriousPaid', 'assistanceDeductibleUsed', 'assistancePaid'] as const) {
          expect(r.ytdAfter[k]).toBeGreaterThanOrEqual(before[k]);
        }
        for (const [code, paid] of Object.entries(before.specialFundPaid)) expect(r.ytdAfter.specialFundPaid[code]).toBeGreaterThanOrEqual(paid);
        expect(r.explain.length).toBeGreaterThanOrEqual(8);
      }),
      RUNS,
    );
  });

  it('an ineligible claim pays nothing and says why', () => {
    fc.assert(
      fc.property(claimOptions, (o) => {
        const r = calc(o);
        if (r.eligible) {
          expect(r.reasons).toEqual([]);
        } else {
          expect(o.type).toBe('special');
          expect(reimbursed(r)).toBe(0);
          expect(r.reasons.length).toBe(1);
        }
      }),
      RUNS,
    );
  });
});

describe('annual caps are never exceeded over a sequence of claims', () => {
  it('feeding each ytdAfter into the next claim', () => {
    const sequence = fc.tuple(
      person,
      fc.array(fc.tuple(visit, fc.array(item, { minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 25 }),
    );
    fc.assert(
      fc.property(sequence, ([p, visits]) => {
        const rules = samplePolicy.insutypes[p.insutype]!;
        const poor = p.assistance !== null;
        let ytd: Partial<Ytd> = {};
        for (const [v, items] of visits) {
          // Big bills, so caps are actually reached.
          const bigItems = items.map((i) => ({ ...i, amount: (i.amount as number) * 20 }));
          const r: ClaimResult = calc(toOptions(p, v, bigItems, ytd));
          const y = r.ytdAfter;
          expect(y.fundPaid).toBeLessThanOrEqual(rules.inpatient.annualCap);
          expect(y.outpatientFundPaid).toBeLessThanOrEqual(p.retired ? rules.outpatient.retiredAnnualQuota : rules.outpatient.annualQuota);
          for (const [code, paid] of Object.entries(y.specialFundPaid)) {
            expect(paid).toBeLessThanOrEqual(samplePolicy.specialDiseases.get(code)!.annualLimit);
          }
          const seriousTier = poor ? samplePolicy.seriousIllness.poor : samplePolicy.seriousIllness.standard;
          expect(y.seriousDeductibleUsed).toBeLessThanOrEqual(seriousTier.deductible);
          if (seriousTier.annualCap !== null) expect(y.seriousPaid).toBeLessThanOrEqual(seriousTier.annualCap);
          const tier = p.assistance === null ? undefined : samplePolicy.assistance.identities[p.assistance];
          expect(y.assistancePaid).toBeLessThanOrEqual(tier?.annualCap ?? 0);
          expect(y.assistanceDeductibleUsed).toBeLessThanOrEqual(tier?.deductible ?? 0);
          ytd = y;
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('payments never decrease when a bill grows', () => {
  it('growing any item amount never lowers fund + serious + assistance', () => {
    const grown = fc
      .tuple(claimOptions, fc.nat(), fc.integer({ min: 1, max: 3_000_000 }))
      .map(([o, idx, delta]) => {
        const items = o.items!.map((i) => ({ ...i }));
        const k = idx % items.length;
        items[k] = { ...items[k], amount: (items[k].amount as number) + delta };
        return [o, { ...o, items }] as const;
      });
    fc.assert(
      fc.property(grown, ([small, big]) => {
        expect(reimbursed(calc(big))).toBeGreaterThanOrEqual(reimbursed(calc(small)));
      }),
      RUNS,
    );
  });

  it('also by a single 分 (where rounding could bite)', () => {
    const oneFen = fc.tuple(claimOptions, fc.nat()).map(([o, idx]) => {
      const items = o.items!.map((i) => ({ ...i }));
      const k = idx % items.length;
      items[k] = { ...items[k], amount: (items[k].amount as number) + 1 };
      return [o, { ...o, items }] as const;
    });
    fc.assert(
      fc.property(oneFen, ([small, big]) => {
        expect(reimbursed(calc(big))).toBeGreaterThanOrEqual(reimbursed(calc(small)));
      }),
      RUNS,
    );
  });
});

describe('the poor never pay more than others for the same claim', () => {
  it('personalPay(特困 / 低保 / 监测) ≤ personalPay(no identity), same claim and same accumulators', () => {
    fc.assert(
      fc.property(claimOptions, fc.constantFrom('特困' as const, '低保' as const, '监测' as const), (o, identity) => {
        const others = calc({ ...o, assistance: null });
        const poor = calc({ ...o, assistance: identity });
        expect(poor.personalPay).toBeLessThanOrEqual(others.personalPay);
      }),
      RUNS,
    );
  });

  it('among the poor: 特困 ≤ 低保 ≤ 监测 (deductible 0/0/1,000元, rate 90/70/60%, caps falling)', () => {
    fc.assert(
      fc.property(claimOptions, (o: ClaimOptions) => {
        const [a, b, c] = (['特困', '低保', '监测'] as const).map((id) => calc({ ...o, assistance: id }).personalPay);
        expect(a).toBeLessThanOrEqual(b);
        expect(b).toBeLessThanOrEqual(c);
      }),
      RUNS,
    );
  });

  it('the engine itself is pure: same input, same output, input untouched', () => {
    fc.assert(
      fc.property(claimOptions, (o) => {
        const claim = parseClaim(claimJson(o), samplePolicy);
        const snapshot = JSON.stringify(claim);
        const first = calculate(samplePolicy, claim);
        expect(calculate(samplePolicy, claim)).toEqual(first);
        expect(JSON.stringify(claim)).toBe(snapshot);
      }),
      { numRuns: 100 },
    );
  });
});
