/**
 * The simulated platform's 5206 ledger (resources/samples/accumulations.json) is consistent with the demo
 * policy: each settlement's recorded usage is exactly what the engine adds for its claim, given the person's
 * earlier settlements of the year; each belongs to a seeded person and names its 票据.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { calculate, claimUsage, emptyYtd, loadPolicyFile, parseClaim, samplePolicyPath, type Ytd } from '../../../../../../../electron/services/policy';
import { loadAccumulationLedger } from '../../../../../../../electron/services/platform/simulator/business/accumulation';
import { loadSeedPersons } from '../../../../../../../electron/services/platform/simulator/persons';

const resources = path.resolve('resources');
const policy = loadPolicyFile(samplePolicyPath());
const ledger = loadAccumulationLedger(resources);

describe('5206 ledger fixtures', () => {
  it('has settlements for 陈七 (暂停参保, 门诊统筹 used) and 周敏 (低保, an admission elsewhere)', () => {
    const names = new Map(loadSeedPersons(resources).map((p) => [p.psn_no, p.psn_name]));
    expect(new Set(ledger.map((s) => names.get(s.psn_no)))).toEqual(new Set(['陈七', '周敏']));
    for (const s of ledger) expect(s.bills.length).toBeGreaterThan(0);
  });

  it('records for every settlement what the demo policy pays, in date order per person', () => {
    const ytdOf = new Map<string, Ytd>();
    for (const s of [...ledger].sort((a, b) => a.setl_date.localeCompare(b.setl_date))) {
      const before = ytdOf.get(s.psn_no) ?? emptyYtd();
      const claim = parseClaim({ ...(s.claim as object), ytd: before }, policy);
      const result = calculate(policy, claim);
      const usage = claimUsage({ claim, result });
      const { inpatientDeductiblePaid, ...recorded } = s.usage;
      expect({ ...emptyYtd(), ...recorded }, s.setl_id).toEqual(usage);
      expect(inpatientDeductiblePaid ?? 0, s.setl_id).toBe(claim.visit.type === 'inpatient' ? result.deductible : 0);
      ytdOf.set(s.psn_no, result.ytdAfter);
    }
  });
});
