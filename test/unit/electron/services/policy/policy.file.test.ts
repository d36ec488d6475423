/** The policy file: the shipped sample states policy-demo.md exactly; bad files are refused. */
import { describe, expect, it } from 'vitest';
import { PolicyFileError, loadPolicyFile, parsePolicy } from '../../../../../electron/services/policy';
import { samplePolicy, samplePolicyJson } from '../../../../helpers/policy-fixtures';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('the shipped sample policy (resources/policy/demo-2026.json)', () => {
  it('states the inpatient table of policy-demo.md', () => {
    const r = samplePolicy.insutypes['390']!.inpatient;
    const e = samplePolicy.insutypes['310']!.inpatient;
    expect([r.byLevel[1], r.byLevel[2], r.byLevel[3]]).toEqual([
      { deductible: 20_000, rateBp: 8500 }, { deductible: 50_000, rateBp: 7500 }, { deductible: 100_000, rateBp: 6000 },
    ]);
    expect([e.byLevel[1], e.byLevel[2], e.byLevel[3]]).toEqual([
      { deductible: 30_000, rateBp: 9000 }, { deductible: 60_000, rateBp: 8500 }, { deductible: 100_000, rateBp: 8000 },
    ]);
    expect([r.retiredBonusBp, e.retiredBonusBp]).toEqual([0, 500]);
    expect([r.annualCap, e.annualCap]).toEqual([20_000_000, 30_000_000]);
    expect(samplePolicy.repeatAdmission).toEqual({ fromAdmission: 2, deductibleBp: 5000 });
  });

  it('states the outpatient and 门诊慢特病 rules', () => {
    const r = samplePolicy.insutypes['390']!;
    const e = samplePolicy.insutypes['310']!;
    expect([1, 2, 3].map((l) => r.outpatient.byLevel[l as 1].rateBp)).toEqual([6000, 5000, 4000]);
    expect([1, 2, 3].map((l) => e.outpatient.byLevel[l as 1].rateBp)).toEqual([7000, 6000, 5000]);
    expect(e.outpatient.retiredBonusBp).toBe(1000);
    expect([r.outpatient.annualQuota, e.outpatient.annualQuota, e.outpatient.retiredAnnualQuota]).toEqual([40_000, 150_000, 200_000]);
    expect([r.special.rateBp, e.special.rateBp, e.special.rateBp + e.special.retiredBonusBp]).toEqual([6000, 7500, 8000]);
  });

  it('carries the full disease catalogue', () => {
    expect([...samplePolicy.specialDiseases.values()].map((d) => [d.code, d.annualLimit])).toEqual([
      ['M03900', 120_000], ['M01600', 180_000], ['M05300', 240_000], ['M04600', 240_000],
      ['M07803', 6_000_000], ['M07804', 6_000_000], ['M00503', 8_000_000], ['M08300', 5_000_000],
      ['M02101', 360_000], ['M02500', 240_000], ['M01200', 4_000_000], ['M00105', 300_000],
    ]);
  });

  it('states out-of-area, 大病 and 救助 rules', () => {
    expect(Object.fromEntries(Object.entries(samplePolicy.outOfArea).map(([k, v]) => [k, v.reductionBp]))).toEqual({
      'long-term': 0, referral: 1000, emergency: 1000, temporary: 1500, unregistered: 2000,
    });
    const s = samplePolicy.seriousIllness;
    expect([...s.insutypes, ...s.visitTypes]).toEqual(['390', 'inpatient']);
    expect(s.standard).toEqual({ deductible: 2_350_000, rateBp: 6000, annualCap: 35_200_000 });
    expect(s.poor).toEqual({ deductible: 1_175_000, rateBp: 6500, annualCap: null });
    expect([...samplePolicy.poorIdentities]).toEqual(['特困', '低保', '监测']);
    const a = samplePolicy.assistance;
    expect([...a.visitTypes]).toEqual(['inpatient', 'special']);
    expect(Object.values(a.identities).map((t) => [t.deductible, t.rateBp, t.annualCap])).toEqual([
      [0, 9000, 10_000_000], [0, 7000, 5_000_000], [100_000, 6000, 3_000_000],
    ]);
  });
});

describe('policy validation', () => {
  const broken = (fn: (p: Record<string, any>) => void) => {
    const p = samplePolicyJson() as Record<string, any>;
    fn(p);
    return () => parsePolicy(p);
  };
  it.each([
    ['a rate above 100%', (p: any) => (p.insutypes['390'].inpatient.byLevel['1'].ratePercent = 120), /insutypes\.390\.inpatient\.byLevel\.1\.ratePercent: 不能大于 100/],
    ['a rate with three decimals', (p: any) => (p.seriousIllness.standard.ratePercent = 60.125), /seriousIllness\.standard\.ratePercent: 百分比最多保留两位小数/],
    ['a fractional deductible', (p: any) => (p.insutypes['310'].inpatient.byLevel['2'].deductible = 600.5), /byLevel\.2\.deductible: 应为整数/],
    ['a missing level', (p: any) => delete p.insutypes['390'].outpatient.byLevel['3'], /outpatient\.byLevel\.3: 缺少必填字段/],
    ['a duplicate disease code', (p: any) => p.specialDiseases.push({ code: 'M03900', name: '重复', annualLimit: 1 }), /specialDiseases\[12\]\.code: 病种编码 M03900 重复/],
    ['an unknown field', (p: any) => (p.bonus = 1), /\(整体\): 不认识的字段：bonus/],
    ['a wrong format tag', (p: any) => (p.format = 'other/1'), /format: 取值 "other\/1" 无效/],
    ['a missing out-of-area kind', (p: any) => delete p.outOfArea.temporary, /outOfArea\.temporary: 缺少必填字段/],
    ['an effective period backwards', (p: any) => (p.effective = { from: '2026-12-31', to: '2026-01-01' }), /effective: 开始日期晚于结束日期/],
    ['no insutype at all', (p: any) => (p.insutypes = {}), /insutypes: 至少需要定义一个险种/],
  ])('refuses %s', (_name, fn, message) => {
    expect(broken(fn)).toThrow(PolicyFileError);
    expect(broken(fn)).toThrow(message);
  });

  it('reports unreadable and malformed files in Chinese', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-'));
    try {
      expect(() => loadPolicyFile(path.join(dir, 'missing.json'))).toThrow(/无法读取文件 .*missing\.json（ENOENT）/);
      writeFileSync(path.join(dir, 'bad.json'), '{ not json');
      expect(() => loadPolicyFile(path.join(dir, 'bad.json'))).toThrow(/不是有效的 JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('accepts fractional percents such as 62.5%', () => {
    const p = samplePolicyJson() as Record<string, any>;
    p.insutypes['390'].inpatient.byLevel['3'].ratePercent = 62.5;
    expect(parsePolicy(p).insutypes['390']!.inpatient.byLevel[3].rateBp).toBe(6250);
  });
});
