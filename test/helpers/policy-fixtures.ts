/** Shared helpers for policy tests: the shipped sample policy and a compact claim builder. */
import { readFileSync } from 'node:fs';
import { calculate, loadPolicyFile, parseClaim, parsePolicy, samplePolicyPath, type ClaimResult, type Policy } from '../../electron/services/policy';
import type { Ytd } from '../../electron/services/policy/types';

export const samplePolicy: Policy = loadPolicyFile(samplePolicyPath());

/** The sample policy file as plain JSON, for tests that modify it. */
export function samplePolicyJson(): Record<string, unknown> {
  return JSON.parse(readFileSync(samplePolicyPath(), 'utf8')) as Record<string, unknown>;
}

export function policyWith(mutate: (json: Record<string, any>) => void): Policy {
  const json = samplePolicyJson();
  mutate(json);
  return parsePolicy(json);
}

export interface ClaimOptions {
  insutype?: '390' | '310';
  retired?: boolean;
  assistance?: '特困' | '低保' | '监测' | null;
  type?: 'inpatient' | 'outpatient' | 'special';
  level?: 1 | 2 | 3;
  date?: string;
  outOfArea?: 'long-term' | 'referral' | 'emergency' | 'temporary' | 'unregistered' | null;
  disease?: { code: string; registeredFrom: string; registeredTo: string };
  items?: Array<Record<string, unknown>>;
  ytd?: Partial<Ytd>;
}

/** Claim JSON with sensible defaults: a local 居民, level 3, 2026-05-01, one 甲 item of 10,000元. */
export function claimJson(o: ClaimOptions = {}): Record<string, unknown> {
  const type = o.type ?? 'inpatient';
  const visit: Record<string, unknown> = {
    type,
    hospitalLevel: o.level ?? 3,
    date: o.date ?? '2026-05-01',
    outOfArea: o.outOfArea ?? null,
  };
  if (type === 'special') {
    visit.disease = o.disease ?? { code: 'M03900', registeredFrom: '2026-01-01', registeredTo: '2026-12-31' };
  }
  return {
    person: { insutype: o.insutype ?? '390', retired: o.retired ?? false, assistance: o.assistance ?? null },
    visit,
    items: o.items ?? [jia(1_000_000)],
    ytd: o.ytd ?? {},
  };
}

export const jia = (amount: number, extra: Record<string, unknown> = {}) => ({ name: '甲类项目', category: '甲', amount, ...extra });
export const yi = (amount: number, extra: Record<string, unknown> = {}) => ({ name: '乙类项目', category: '乙', amount, ...extra });
export const bing = (amount: number) => ({ name: '丙类项目', category: '丙', amount });

export function calc(o: ClaimOptions = {}, policy: Policy = samplePolicy): ClaimResult {
  return calculate(policy, parseClaim(claimJson(o), policy));
}

export function reimbursed(r: ClaimResult): number {
  return r.fundPay + r.seriousIllnessPay + r.assistancePay;
}
