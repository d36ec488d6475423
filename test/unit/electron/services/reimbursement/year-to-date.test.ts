/**
 * The merge behind every year-to-date figure (person panel and 试算): the platform's 5206 totals plus only
 * those local claims the platform does not list — by 报销流水号 or by any 票据 — never one counted twice.
 */
import { describe, expect, it } from 'vitest';
import { calculate, emptyYtd, parseClaim, type ClaimResult } from '../../../../../electron/services/policy';
import { emptyTotals, type PlatformAccumulation } from '../../../../../electron/services/platform/transactions/accumulation';
import type { KeyedSettledClaim } from '../../../../../electron/services/reimbursement/settled-claims';
import { mergeYearToDate } from '../../../../../electron/services/reimbursement/year-to-date';
import { claimJson, samplePolicy, type ClaimOptions } from '../../../../helpers/policy-fixtures';

function localClaim(
  o: ClaimOptions,
  keys: { claimSn?: string; bills?: Array<[string, string]>; reversed?: boolean },
): KeyedSettledClaim & { result: ClaimResult } {
  const claim = parseClaim(claimJson(o), samplePolicy);
  return {
    claim,
    result: calculate(samplePolicy, claim),
    reversed: keys.reversed ?? false,
    claimSn: keys.claimSn ?? null,
    invoices: (keys.bills ?? []).map(([code, no]) => ({ code, no })),
  };
}

const platform = (over: Partial<PlatformAccumulation['totals']>, settlements: PlatformAccumulation['settlements'] = []) => ({
  accumulation: { psnNo: 'P1', year: 2026, totals: { ...emptyTotals(), ...over }, settlements },
  asOf: '2026-06-01T00:00:00.000Z',
});

describe('mergeYearToDate', () => {
  it('adds a local claim the platform does not know to the platform totals (两者合并)', () => {
    const local = localClaim({}, { bills: [['110101', '00000001']] });
    const usage = local.result.ytdAfter;
    const y = mergeYearToDate(2026, platform({ admissions: 1, fundPaid: 500_000, outpatientFundPaid: 12_000 }), [local], false);
    expect(y.source).toBe('merged');
    expect(y.ytd.admissions).toBe(1 + usage.admissions);
    expect(y.ytd.fundPaid).toBe(500_000 + usage.fundPaid);
    expect(y.ytd.outpatientFundPaid).toBe(12_000);
    expect(y.inpatientDeductiblePaid).toBe(local.result.deductible);
    expect(y).toMatchObject({ localClaimsAdded: 1, localClaimsKnownToPlatform: 0, offline: false, platformAsOf: '2026-06-01T00:00:00.000Z' });
  });

  it('does not count a claim twice when the platform lists its 报销流水号', () => {
    const local = localClaim({}, { claimSn: 'LX0001', bills: [['110101', '00000001']] });
    const p = platform({ admissions: 1, fundPaid: 777 }, [{ setlId: 'LX0001', fixmedinsName: '', setlDate: '2026-05-10', bills: [] }]);
    const y = mergeYearToDate(2026, p, [local], false);
    expect(y.source).toBe('platform');
    expect(y.ytd).toEqual({ ...emptyYtd(), admissions: 1, fundPaid: 777 });
    expect(y.localClaimsKnownToPlatform).toBe(1);
  });

  it('does not count a claim twice when the platform lists one of its 票据 (not yet given a 流水号 here)', () => {
    const local = localClaim({}, { bills: [['110101', '00000009'], [' 110101', '00000010 ']] });
    const p = platform({ fundPaid: 1 }, [{ setlId: 'OTHER', fixmedinsName: '', setlDate: '', bills: [{ code: '110101', no: '00000010' }] }]);
    expect(mergeYearToDate(2026, p, [local], false).ytd.fundPaid).toBe(1);
  });

  it('a platform settlement with other 票据 does not hide a local claim', () => {
    const local = localClaim({}, { claimSn: 'LX0002', bills: [['110101', '00000011']] });
    const p = platform({}, [{ setlId: 'LX0001', fixmedinsName: '', setlDate: '', bills: [{ code: '110101', no: '00000012' }] }]);
    expect(mergeYearToDate(2026, p, [local], false).ytd.fundPaid).toBe(local.result.ytdAfter.fundPaid);
  });

  it('without platform figures uses this workstation only (本机结算), offline says so', () => {
    const a = localClaim({}, {});
    const reversed = localClaim({}, { reversed: true });
    const otherYear = { ...localClaim({}, {}), claim: { ...a.claim, visit: { ...a.claim.visit, date: '2025-12-31' } } };
    const y = mergeYearToDate(2026, null, [a, reversed, otherYear], true);
    expect(y).toMatchObject({ source: 'local', offline: true, platformAsOf: null, localClaimsAdded: 1 });
    expect(y.ytd).toEqual(a.result.ytdAfter);
  });

  it('adds 慢特病 usage per disease on top of the platform figure for that disease', () => {
    const local = localClaim(
      { type: 'special', insutype: '310', items: [{ name: '药', category: '甲', amount: 10_000 }], disease: { code: 'M03900', registeredFrom: '2026-01-01', registeredTo: '2026-12-31' } },
      {},
    );
    const y = mergeYearToDate(2026, platform({ specialFundPaid: { M03900: 5_000, M01600: 3 } }), [local], false);
    expect(y.ytd.specialFundPaid).toEqual({ M03900: 5_000 + local.result.fundPay, M01600: 3 });
  });

  it('never changes the platform answer it was given', () => {
    const p = platform({ fundPaid: 10 });
    mergeYearToDate(2026, p, [localClaim({}, {})], false);
    expect(p.accumulation.totals.fundPaid).toBe(10);
  });
});
