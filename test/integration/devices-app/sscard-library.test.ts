/**
 * The 社保卡 reader in library mode inside the real app: the simulated provincial-library driver is spawned
 * for real (node + tsx, JSON lines over stdio). Connected when the driver answers its probe; a crash → 故障
 * and a fresh driver on the next read; a hung call → a Chinese timeout; bad configurations refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../electron/contract/schemas';
import { createApp, type App } from '../../../electron/host/app';
import { ConfigError, loadConfig } from '../../../electron/host/config';
import { defaultDeviceFactories } from '../../../electron/host/default-devices';
import { call } from '../../../electron/host/dispatch';

const ROOT = path.resolve(__dirname, '../../..');
const SCRIPT = path.join(ROOT, 'native/simulators/sscard-library-driver.ts');
// node --import tsx: one process per driver (a tsx wrapper would leave its child behind when killed).
const driverCommand = (...args: string[]) => [process.execPath, '--import', 'tsx', SCRIPT, ...args];

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-sslib-'));

const status = async (): Promise<DeviceStatus> => (await call(app.handlers, 'devices.list', {})).find((d) => d.id === 'sscard-reader')!;
const useLibrary = (command: string[], timeoutMs?: number) =>
  call(app.handlers, 'devices.configure', { deviceId: 'sscard-reader', config: { mode: 'library', command, ...(timeoutMs && { timeoutMs }) } });

beforeAll(async () => {
  expect(fs.existsSync(SCRIPT)).toBe(true);
  app = await createApp({
    dataDir,
    mode: 'browser',
    devices: defaultDeviceFactories({ pollMs: 200, reconnect: { initialMs: 200, maxMs: 800 } }),
  });
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('社保卡 through the provincial reader library', () => {
  it('connects when the driver answers, reads the card (identity from the library output) and persists the configuration', async () => {
    const s = await useLibrary(driverCommand('--card', '1'));
    expect(s).toMatchObject({ state: 'connected', simulated: false, lastError: null });
    expect(s.location).toContain('读卡库驱动');

    const person = await call(app.handlers, 'sscard.read', { timeoutMs: 3000 });
    expect(person).toMatchObject({ name: '李四', sex: '女', birthDate: '1985-07-22', cardNumber: 'A99010002', ssn: '990102198507220023', specVersion: '3.00' });
    expect(person.ssnMasked).toBe('990102********0023');
    expect(person.cardId).toHaveLength(32);
    const audit = app.db.prepare("SELECT detail FROM audit_log WHERE action = 'sscard.read' ORDER BY seq DESC").get() as { detail: string };
    expect(audit.detail).not.toContain(person.ssn);

    expect(await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).toEqual({ ok: true, message: expect.stringContaining('卡号 A99010002') });
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8'));
    expect(saved.devices.ssCardReader).toEqual({ mode: 'library', command: driverCommand('--card', '1') });
    expect((await call(app.handlers, 'devices.getConfig', {}))['sscard-reader']).toEqual({ mode: 'library', command: driverCommand('--card', '1') });
  });

  it('the library’s own refusal (no card) is passed on in Chinese; the driver still counts as connected', async () => {
    expect(await useLibrary(driverCommand('--no-card'))).toMatchObject({ state: 'connected' });
    await expect(call(app.handlers, 'sscard.read', {})).rejects.toThrow(/读卡库返回错误（代码 -11）：读卡器内无卡/);
    expect(await status()).toMatchObject({ state: 'connected', lastError: null });
    expect(await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).toEqual({ ok: true, message: expect.stringMatching(/应答正常.*代码 -11/) });
  });

  it('malformed library output → a format error naming the field', async () => {
    await useLibrary(driverCommand('--bad-output', '990100|x|'));
    await expect(call(app.handlers, 'sscard.read', {})).rejects.toThrow(/格式错误.*11 个字段/);
    expect((await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).ok).toBe(false);
  });

  it('a driver crash → 故障 with its message; the next read starts a fresh driver and works', async () => {
    expect(await useLibrary(driverCommand('--crash-after', '1'))).toMatchObject({ state: 'connected' }); // the probe was call 1
    await expect(call(app.handlers, 'sscard.read', {})).rejects.toThrow(/读卡驱动意外退出（退出码 3）/);
    expect(await status()).toMatchObject({ state: 'error', lastError: expect.stringMatching(/意外退出/) });

    await expect(call(app.handlers, 'sscard.read', {})).resolves.toMatchObject({ name: '张三' });
    expect(await status()).toMatchObject({ state: 'connected', lastError: null });
  });

  it('a hung library call → a Chinese timeout and 故障; the 测试 button then runs on a fresh driver', async () => {
    expect(await useLibrary(driverCommand('--hang-after', '1'), 4000)).toMatchObject({ state: 'connected' });
    await expect(call(app.handlers, 'sscard.read', {})).rejects.toThrow(/读卡库在 4 秒内没有响应，已重启读卡驱动/);
    expect(await status()).toMatchObject({ state: 'error', lastError: expect.stringMatching(/没有响应/) });
    expect(await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).toEqual({ ok: true, message: expect.stringContaining('读卡驱动应答正常') });
    expect(await status()).toMatchObject({ state: 'connected', lastError: null });
  });

  it('a driver that never answers its probe, or cannot start, leaves the reader disconnected with the reason', async () => {
    const hung = await useLibrary(driverCommand('--hang'), 1000);
    expect(hung).toMatchObject({ state: 'disconnected', lastError: expect.stringMatching(/没有响应/) });
    await expect(call(app.handlers, 'sscard.read', {})).rejects.toThrow(/社保卡读卡器未连接/);

    const missing = await useLibrary([path.join(dataDir, 'no-such-driver.exe')]);
    expect(missing).toMatchObject({ state: 'disconnected', lastError: expect.stringMatching(/无法启动读卡驱动/) });
    expect((await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).ok).toBe(false);
  });

  it('refuses library mode for other kinds and bad library settings, in Chinese, leaving the device as it was', async () => {
    await expect(call(app.handlers, 'devices.configure', { deviceId: 'id-reader', config: { mode: 'library', command: ['x'] } })).rejects.toThrow(
      /身份证阅读器不能使用读卡库/,
    );
    await expect(call(app.handlers, 'devices.configure', { deviceId: 'printer', config: { mode: 'library', command: ['x'] } })).rejects.toThrow(/只用于社保卡读卡器/);
    await expect(useLibrary([])).rejects.toThrow(/请填写读卡驱动的命令行/);
    await expect(useLibrary(['drv', ''])).rejects.toThrow(/空参数/);
    await expect(useLibrary(['drv'], 10)).rejects.toThrow(/1–120 秒/);
    expect((await call(app.handlers, 'devices.list', {})).find((d) => d.id === 'id-reader')).toMatchObject({ state: 'connected' });
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8'));
    expect(saved.devices.idReader).toEqual({ mode: 'simulator' });
  });

  it('a config.json giving the library to another device is refused at load with the field named', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-sslib-cfg-'));
    try {
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ devices: { printer: { mode: 'library', command: ['x'] } } }));
      expect(() => loadConfig(dir)).toThrow(ConfigError);
      expect(() => loadConfig(dir)).toThrow(/devices\.printer\.mode: “读卡库”连接方式只用于社保卡读卡器/);
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ devices: { ssCardReader: { mode: 'library', command: ['drv', '--port', 'USB1'], timeoutMs: 5000 } } }));
      expect(loadConfig(dir).devices.ssCardReader).toEqual({ mode: 'library', command: ['drv', '--port', 'USB1'], timeoutMs: 5000 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('back to the simulator: the driver process is let go and APDU reads work again', async () => {
    expect(await call(app.handlers, 'devices.configure', { deviceId: 'sscard-reader', config: { mode: 'simulator' } })).toMatchObject({ state: 'connected', simulated: true });
    await call(app.handlers, 'simulator.sscard.insert', { sampleId: '0' });
    await expect(call(app.handlers, 'sscard.read', { timeoutMs: 3000 })).resolves.toMatchObject({ name: '张三' });
  });
});
