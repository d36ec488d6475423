/** `counter read-sscard` spawned for real against the simulated reader (socat pair) and the simulated driver. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sampleSsCard } from '../../../../../../native/simulators/simulated-sscard';
import { startSimulatedSsCardReader, type SimulatedSsCardReader } from '../../../../../../native/simulators/simulated-sscard-reader';

const ROOT = path.resolve(__dirname, '../../../../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['electron/host/cli/main.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let sim: SimulatedSsCardReader | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('counter read-sscard', () => {
  it('--port reads the simulated card and prints the identity JSON', async () => {
    sim = await startSimulatedSsCardReader({ link: 'pty', card: sampleSsCard(5) });
    const r = await cli(['read-sscard', '--port', sim.portPath!, '--timeout', '3']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: '周敏', cardNumber: 'A99010006', cardId: '88AFDEF230F754C48439E55F532B7167', source: 'apdu' });
  });

  it('no card → non-zero exit with a Chinese message', async () => {
    sim = await startSimulatedSsCardReader({ link: 'pty', card: null });
    const r = await cli(['read-sscard', '--port', sim.portPath!, '--timeout', '0.5']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^错误: .*没有社会保障卡/);
    expect(r.stdout).toBe('');
  });

  it('--library runs the driver process', async () => {
    const r = await cli(['read-sscard', '--library', `${TSX} native/simulators/sscard-library-driver.ts --card 2`]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ name: '王五', specVersion: '2.00', source: 'library', ssn: expect.stringMatching(/^\d{6}\*{8}[\dX]{4}$/) });
  });

  it('--library with a failing library → its message', async () => {
    const r = await cli(['read-sscard', '--library', `${TSX} native/simulators/sscard-library-driver.ts --error -5:卡片认证失败`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('卡片认证失败');
  });

  it('--driver runs an installed driver by id (the drivers file the app reads); an unknown id says how to install one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-cli-drivers-'));
    const file = path.join(dir, 'sscard-drivers.json');
    try {
      const args = ['--import', 'tsx', path.join(ROOT, 'native/simulators/sscard-library-driver.ts'), '--card', '2'];
      fs.writeFileSync(file, JSON.stringify({ drivers: [{ id: 'sim2', name: '模拟读卡库', executable: process.execPath, args }] }));
      const ok = await cli(['read-sscard', '--driver', 'sim2'], { COUNTER_DRIVERS_FILE: file });
      expect(ok.stderr).toBe('');
      expect(JSON.parse(ok.stdout)).toMatchObject({ name: '王五', source: 'library' });
      const unknown = await cli(['read-sscard', '--driver', 'nope'], { COUNTER_DRIVERS_FILE: file });
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/^错误: 读卡驱动“nope”未安装.*请管理员在/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['read-sscard'], '--port'],
    [['read-sscard', '--driver', 'a', '--library', 'y'], '其中之一'],
    [['read-sscard', '--port', '/dev/x', '--library', 'y'], '其中之一'],
    [['read-sscard', '--port', '/dev/x', '--baud', 'abc'], '波特率无效'],
    [['read-sscard', '--port', '/dev/x', '--timeout', '-1'], '超时秒数无效'],
    [['read-sscard', '--port', '/dev/does-not-exist-sscard'], '不存在'],
  ])('bad usage %j → error', async (args, message) => {
    const r = await cli(args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(message);
  });
});
