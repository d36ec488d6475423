/** `counter calc` for real: spawn the CLI, feed files and standard input, check stdout / stderr / exit code. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../../../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MAIN = path.join(ROOT, 'electron/host/cli/main.ts');

function counter(args: string[], stdin?: string) {
  const r = spawnSync(TSX, [MAIN, ...args], { cwd: ROOT, input: stdin ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// policy-demo.md's worked example.
const worked = {
  person: { insutype: '390', retired: false, assistance: null },
  visit: { type: 'inpatient', hospitalLevel: 3, date: '2026-05-01', outOfArea: null },
  items: [
    { name: '某丙类材料', category: '丙', amount: 300000 },
    { name: '某乙类药', category: '乙', amount: 1000000, selfPayRatio: 10 },
    { name: '甲类费用', category: '甲', amount: 3700000 },
  ],
  ytd: { admissions: 0 },
};

let dir: string;
const file = (name: string, content: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'calc-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('counter calc', () => {
  it('reproduces the worked example from a file, as 2-space JSON', () => {
    const r = counter(['calc', file('worked.json', worked)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({
      eligible: true, total: 5000000, fullOwnPay: 300000, preSelfPay: 100000, inscope: 4600000,
      deductible: 100000, fundPay: 2700000, seriousIllnessPay: 0, assistancePay: 0, personalPay: 2300000,
    });
    expect(result.ytdAfter.seriousDeductibleUsed).toBe(1900000);
    expect(r.stdout).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  it('reads the claim from standard input (no file, or "-")', () => {
    for (const args of [['calc'], ['calc', '-']]) {
      const r = counter(args, JSON.stringify(worked));
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).personalPay).toBe(2300000);
    }
  });

  it('reads a slow standard input written in pieces (a pipe that is not ready yet is no EAGAIN), UTF-8 split mid-character', async () => {
    const child = spawn(TSX, [MAIN, 'calc'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const bytes = Buffer.from(JSON.stringify(worked));
    const cut = bytes.indexOf(Buffer.from('丙')) + 1; // inside the 3-byte character
    const pieces = [bytes.subarray(0, 5), bytes.subarray(5, cut), bytes.subarray(cut, cut + 40), bytes.subarray(cut + 40)];
    for (const piece of pieces) {
      // Give the CLI time to start and reach its read before the first byte, and between pieces.
      await new Promise((r) => setTimeout(r, 700));
      child.stdin.write(piece);
    }
    child.stdin.end();
    expect(await exited, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout).personalPay).toBe(2300000);
  });

  it('refuses an oversized claim, on standard input or as a file, in Chinese and without calculating', () => {
    const huge = JSON.stringify({ ...worked, pad: 'x'.repeat(1024 * 1024) });
    const viaStdin = counter(['calc'], huge);
    expect(viaStdin.code).toBe(1);
    expect(viaStdin.stdout).toBe('');
    expect(viaStdin.stderr).toMatch(/^错误: 标准输入的理赔 JSON过大（超过 1 MB）/);
    const viaFile = counter(['calc', file('huge.json', huge)]);
    expect(viaFile.code).toBe(1);
    expect(viaFile.stderr).toMatch(/^错误: 理赔文件 .*huge\.json 过大（1 MB），上限 1 MB/);
  });

  it('uses another policy with --policy', () => {
    const policy = JSON.parse(readFileSync(path.join(ROOT, 'resources/policy/demo-2026.json'), 'utf8'));
    policy.insutypes['390'].inpatient.byLevel['3'].ratePercent = 70;
    const r = counter(['calc', file('worked2.json', worked), '--policy', file('p70.json', policy)]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).fundPay).toBe(3150000); // 45,000元 × 70%
  });

  it('prints an ineligible 门诊慢特病 claim with its reason (exit 0: it is an answer, not an error)', () => {
    const special = { ...worked, visit: { type: 'special', hospitalLevel: 2, date: '2026-05-01', outOfArea: null, disease: { code: 'M03900', registeredFrom: '2026-06-01', registeredTo: '2026-12-31' } } };
    const r = counter(['calc', file('special.json', special)]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ eligible: false, fundPay: 0, personalPay: 5000000 });
    expect(result.reasons[0]).toContain('备案有效期');
  });

  const refusals: Array<[string, unknown, RegExp]> = [
    ['an unknown field', { ...worked, extra: 1 }, /不认识的字段：extra/],
    ['a negative amount', { ...worked, items: [{ category: '甲', amount: -100 }] }, /items\[0\]\.amount: 金额不能为负数/],
    ['a fractional amount', { ...worked, items: [{ category: '甲', amount: 12.5 }] }, /items\[0\]\.amount: 金额必须是整数/],
    ['a missing category', { ...worked, items: [{ amount: 100 }] }, /items\[0\]\.category: 缺少费用类别/],
    ['an impossible date', { ...worked, visit: { ...worked.visit, date: '2026-02-30' } }, /visit\.date: 就诊日期不是有效日期/],
    ['an unknown level', { ...worked, visit: { ...worked.visit, hospitalLevel: 5 } }, /visit\.hospitalLevel: 医院等级 5 无效/],
    ['malformed JSON', '{"person":', /不是有效的 JSON/],
  ];
  it.each(refusals)('refuses %s: message on stderr, exit 1, nothing on stdout', (_name, claim, message) => {
    const r = counter(['calc', file('bad.json', claim)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^错误: 理赔数据无效，未计算：/);
    expect(r.stderr).toMatch(message);
  });

  it('refuses a missing claim file and a broken policy file', () => {
    const missing = counter(['calc', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^错误: 无法读取理赔文件 .*nope\.json（ENOENT）/);
    const badPolicy = counter(['calc', file('w3.json', worked), '--policy', file('badpolicy.json', { format: 'counter-policy/1' })]);
    expect(badPolicy.code).toBe(1);
    expect(badPolicy.stderr).toMatch(/^错误: 政策文件 .*badpolicy\.json 无效：/);
    expect(badPolicy.stderr).toMatch(/insutypes: 缺少必填字段/);
    expect(badPolicy.stdout).toBe('');
  });
});
