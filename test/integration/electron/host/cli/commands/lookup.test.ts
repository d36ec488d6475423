import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCounter } from '../../../../../helpers/run-counter';
import { LI_SI, SMITH, ZHANG_SAN, startSim, type SimFixture } from '../../../../../helpers/sim-fixture';

const runCli = (args: string[]) => runCounter(args);

let f: SimFixture;
let dataDir: string;
beforeAll(async () => {
  f = await startSim('demo');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-lookup-'));
});
afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  await f?.close();
});

describe('counter lookup', () => {
  it('signs in, calls 1101 and prints the person as JSON (ID masked)', async () => {
    const r = await runCli(['lookup', '--cert-type', '02', '--cert-no', LI_SI.certno, '--platform', f.sim.url, '--data', dataDir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ psn_no: LI_SI.psnNo, psn_name: '李四', source: 'platform', certno: '990102********0023' });
    expect(f.sim.state().calls['9001']).toBeGreaterThanOrEqual(1);
  });

  it('by 社保卡 with card_sn; a second run in the same data dir reuses the sign-in', async () => {
    const before = f.sim.state().calls['9001'] ?? 0;
    const r = await runCli(['lookup', '--cert-type', '03', '--cert-no', LI_SI.cardNo, '--card-sn', LI_SI.cardSn, '--platform', f.sim.url, '--data', dataDir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ psn_no: LI_SI.psnNo });
    expect(f.sim.state().calls['9001'] ?? 0).toBe(before);
  });

  it('a foreign permanent resident under --psn-cert-type 07; a 社保卡 with someone else’s --ssn is refused', async () => {
    const r = await runCli(['lookup', '--cert-type', '02', '--cert-no', SMITH.certno, '--psn-cert-type', '07', '--platform', f.sim.url, '--data', dataDir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ psn_no: SMITH.psnNo, psn_cert_type: '07' });
    const asResident = await runCli(['lookup', '--cert-type', '02', '--cert-no', SMITH.certno, '--platform', f.sim.url, '--data', dataDir]);
    expect(asResident.code).not.toBe(0);
    expect(asResident.stderr).toMatch(/外国人永久居留身份证|身份证号码有误/);
    const wrongHolder = await runCli(['lookup', '--cert-type', '03', '--cert-no', LI_SI.cardNo, '--card-sn', LI_SI.cardSn, '--ssn', ZHANG_SAN.certno, '--platform', f.sim.url, '--data', dataDir]);
    expect(wrongHolder.stderr.trim()).toBe('错误: 社会保障卡号与社会保障号码不属于同一人员');
  });

  it('a platform refusal prints its err_msg on stderr and exits non-zero', async () => {
    const r = await runCli(['lookup', '--cert-type', '03', '--cert-no', LI_SI.cardNo, '--card-sn', '0'.repeat(32), '--platform', f.sim.url, '--data', dataDir]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe('错误: 卡识别码与社会保障卡号不符');
  });

  it('bad input is refused before calling the platform', async () => {
    const r1 = await runCli(['lookup', '--cert-type', '05', '--cert-no', 'x', '--platform', f.sim.url, '--data', dataDir]);
    expect(r1.code).not.toBe(0);
    expect(r1.stderr).toMatch(/--cert-type 只能是/);
    const r2 = await runCli(['lookup', '--cert-type', '02', '--cert-no', '990102198507220024', '--platform', f.sim.url, '--data', dataDir]);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toMatch(/身份证号码有误：号码校验位错误/);
  });

  it('platform unreachable: answers from the cache, marked as cached', async () => {
    const r = await runCli(['lookup', '--cert-type', '02', '--cert-no', LI_SI.certno, '--platform', 'http://127.0.0.1:1/fsi', '--data', dataDir]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ psn_no: LI_SI.psnNo, source: 'cache' });
  });
});
