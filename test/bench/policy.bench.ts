/** Claims per second for a 30-item claim, on one core (goal ≥ 50,000/s for the engine). */
import { calculate, loadPolicyFile, parseClaim, samplePolicyPath } from '../../electron/services/policy';
import type { BenchRow } from './run';

const GOAL = 50_000;

function thirtyItemClaim(): Record<string, unknown> {
  const categories = ['甲', '乙', '丙'] as const;
  const items = Array.from({ length: 30 }, (_, i) => {
    const category = categories[i % 3];
    const item: Record<string, unknown> = { name: `项目${i + 1}`, category, amount: 12_345 + i * 1_111 };
    if (category === '乙') Object.assign(item, { selfPayRatio: 5 + (i % 4) * 5, overLimit: i * 10 });
    return item;
  });
  return {
    person: { insutype: '390', retired: false, assistance: '监测' },
    visit: { type: 'inpatient', hospitalLevel: 2, date: '2026-05-01', outOfArea: 'referral' },
    items,
    ytd: { admissions: 1, fundPaid: 120_000, seriousDeductibleUsed: 500_000, assistanceDeductibleUsed: 20_000 },
  };
}

function rate(fn: () => void, minMs = 1_500): number {
  for (let i = 0; i < 2_000; i++) fn(); // warm up the JIT
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsedMs = 0;
  while (elapsedMs < minMs) {
    for (let i = 0; i < 1_000; i++) fn();
    n += 1_000;
    elapsedMs = Number(process.hrtime.bigint() - start) / 1e6;
  }
  return (n / elapsedMs) * 1000;
}

export async function run(): Promise<BenchRow[]> {
  const policy = loadPolicyFile(samplePolicyPath());
  const json = thirtyItemClaim();
  const text = JSON.stringify(json);
  const claim = parseClaim(json, policy);
  const engineOnly = rate(() => calculate(policy, claim));
  const withValidation = rate(() => calculate(policy, parseClaim(JSON.parse(text), policy)));
  const fmt = (r: number) => `${Math.round(r).toLocaleString('en-US')} claims/s`;
  return [
    { benchmark: 'policy: calculate, 30-item claim', result: fmt(engineOnly), goal: `≥ ${GOAL.toLocaleString('en-US')}/s`, ok: engineOnly >= GOAL },
    // The goal is the engine's; parsing and validating a claim from JSON is reported for information (CLI/import path).
    { benchmark: 'policy: JSON.parse + validate + calculate, 30 items', result: fmt(withValidation) },
  ];
}
