/**
 * `counter devices` spawned for real: a configured pty is listed and matched; serial listing needs no udevadm;
 * a broken config.json is a Chinese error.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLinuxSerialPorts } from '../../../../../../native/transports/linux-serial-ports';
import { createPtyPair, type PtyPair } from '../../../../../helpers/pty-pair';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-devices-cli-'));
let pair: PtyPair;

const run = (...args: string[]) =>
  spawnSync('node_modules/.bin/tsx', ['electron/host/cli/main.ts', 'devices', ...args], { encoding: 'utf8', timeout: 60_000 });

beforeAll(async () => {
  pair = await createPtyPair();
});
afterAll(async () => {
  await pair?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('counter devices', () => {
  it('--json lists serial ports and HID devices and marks the configured device on its port', () => {
    fs.writeFileSync(
      path.join(dataDir, 'config.json'),
      JSON.stringify({ devices: { idReader: { mode: 'serial', path: pair.b, baudRate: 115200 }, printer: { mode: 'off' } } }),
    );
    const r = run('--json', '--data', dataDir);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.configured['id-reader']).toEqual({ mode: 'serial', path: pair.b, baudRate: 115200 });
    expect(out.configured.printer).toEqual({ mode: 'off' });
    expect(out.serialPorts).toContainEqual({ path: pair.b, matches: ['id-reader'] });
    expect(Array.isArray(out.hidDevices)).toBe(true);
  });

  it('prints a readable table by default', () => {
    const r = run('--data', dataDir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`串口 ${pair.b} @ 115200`);
    expect(r.stdout).toContain(`${pair.b}  ← 身份证阅读器`);
    expect(r.stdout).toMatch(/USB HID 设备/);
  });

  it('works on a machine without udevadm: with a PATH holding no programs at all, serial ports are still listed (from sysfs)', () => {
    const emptyBin = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-no-udevadm-'));
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/host/cli/main.ts', 'devices', '--json', '--data', dataDir], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, PATH: emptyBin },
      });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.problems.filter((p: string) => p.includes('串口'))).toEqual([]);
      const paths = out.serialPorts.map((p: { path: string }) => p.path);
      for (const real of listLinuxSerialPorts()) expect(paths).toContain(real.path);
      expect(out.serialPorts).toContainEqual({ path: pair.b, matches: ['id-reader'] });
    } finally {
      fs.rmSync(emptyBin, { recursive: true, force: true });
    }
  });

  it('a broken config.json is a Chinese error with a non-zero exit, and nothing is written', () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-devices-cli-bad-'));
    fs.writeFileSync(path.join(broken, 'config.json'), '{"devices": {"scanner": {"mode": "serial"}}}');
    const r = run('--data', broken);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/^错误: 配置文件 .*config\.json 有误/m);
    expect(fs.readdirSync(broken)).toEqual(['config.json']);
    fs.rmSync(broken, { recursive: true, force: true });
  });
});
