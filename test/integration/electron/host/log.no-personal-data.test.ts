/**
 * Everything the workstation prints during a realistic session — the host (desk flow with a platform that
 * refuses a case echoing the person) and the CLI (lookup refused the same way, a 社保卡 library that reports
 * the holder in its error, an ID card read) — is captured and searched for the sample persons' ID numbers,
 * names and diagnosis. Also: no console.* outside the log module.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../electron/services/platform/simulator';
import { sampleIdCard } from '../../../../native/simulators/sample-id-cards';
import { sampleSsCard } from '../../../../native/simulators/simulated-sscard';
import { startSimulatedIdReader, type SimulatedIdReader } from '../../../../native/simulators/simulated-id-reader';
import { ROOT, runTsx, TSX } from '../../../helpers/run-tsx';

const card = sampleIdCard();
const ssCard = sampleSsCard(2);
const LI_SI = { certno: '990102198507220023', name: '李四' };
/** What must never appear in a log line. */
const SECRETS = [card.idNumber, card.name, ssCard.ssn, ssCard.name, LI_SI.certno, LI_SI.name, '糖尿病', 'M01600'];

async function run(args: string[]): Promise<{ code: number | null; out: string }> {
  const r = await runTsx(args);
  return { code: r.code, out: r.stdout + r.stderr };
}

let root: string;
let sim: PlatformSimulator;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-logs-'));
  sim = await startPlatformSimulator({ port: 0, dbFile: path.join(root, 'sim.db') });
});
afterAll(async () => {
  await sim?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const leaks = (out: string) => SECRETS.filter((s) => out.includes(s));

describe('no full ID number, name or diagnosis in what the workstation prints', () => {
  it('the desk host, with the platform refusing the case in words that name the person', async () => {
    const dataDir = path.join(root, 'host');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ platform: { url: sim.url, simulator: false } }));
    sim.faults.set({ businessError: 1, infnos: ['2503'], businessErrorMessage: `参保人${card.name}(${card.idNumber})已有有效的糖尿病(M01600)备案，不能重复办理` });
    const r = await run(['test/helpers/privacy-flow-host.ts', dataDir]);
    sim.faults.reset();
    expect(r.out).toContain('flow done');
    expect(r.code).toBe(0);
    expect(leaks(r.out)).toEqual([]);
  });

  it('counter lookup when the platform’s refusal echoes the person', async () => {
    sim.faults.set({ businessError: 1, infnos: ['1101'], businessErrorMessage: `人员${LI_SI.name} ${LI_SI.certno} 参保状态异常，请核实` });
    const r = await run(['electron/host/cli/main.ts', 'lookup', '--cert-type', '02', '--cert-no', LI_SI.certno, '--platform', sim.url, '--data', path.join(root, 'cli')]);
    sim.faults.reset();
    expect(r.code).toBe(1);
    expect(r.out).toContain('参保状态异常');
    expect(r.out).toContain('990102********0023');
    expect(leaks(r.out)).toEqual([]);
  });

  it('counter read-sscard when the provincial library names the card holder in its error', async () => {
    const r = await run([
      'electron/host/cli/main.ts', 'read-sscard', '--library',
      `${TSX} native/simulators/sscard-library-driver.ts --error "-7:持卡人 ${ssCard.name} 社会保障号码 ${ssCard.ssn} 卡已挂失"`,
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('卡已挂失');
    expect(leaks(r.out)).toEqual([]);
  });

  it('counter read-id prints the card without the full ID number', async () => {
    let reader: SimulatedIdReader | undefined;
    try {
      reader = await startSimulatedIdReader({ link: 'pty' });
      const r = await run(['electron/host/cli/main.ts', 'read-id', '--port', reader.portPath!, '--timeout', '5']);
      expect(r.code).toBe(0);
      expect(r.out).not.toContain(card.idNumber);
    } finally {
      await reader?.close();
    }
  });

  it('no console.* in electron/ or native/ outside the log module (so nothing bypasses redaction)', () => {
    const allowed = new Set(['electron/host/web-main.ts']); // prints only the URL and data directory at start
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) walk(rel);
        else if (/\.tsx?$/.test(e.name) && !allowed.has(rel) && /\bconsole\.(log|info|warn|error|debug)\(/.test(fs.readFileSync(path.join(ROOT, rel), 'utf8'))) offenders.push(rel);
      }
    };
    walk('electron');
    walk('native');
    expect(offenders).toEqual([]);
  });
});
