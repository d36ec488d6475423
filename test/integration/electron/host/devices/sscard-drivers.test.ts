/**
 * The 社保卡 reader in library mode inside the real app: the simulated provincial-library driver is spawned
 * for real (node + tsx, JSON lines over stdio), installed as an administrator would: entries of a drivers file
 * (COUNTER_DRIVERS_FILE's format) that the configuration names by id. Connected when the driver answers its
 * probe; a crash → 故障 and a fresh driver on the next read; a hung call → a Chinese timeout; bad
 * configurations, unknown driver ids and command lines refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceStatus } from '../../../../../electron/contract/schemas';
import { createApp, type App } from '../../../../../electron/host/app';
import { ConfigError, loadConfig } from '../../../../../electron/host/config';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';

const ROOT = path.resolve(__dirname, '../../../../..');
const SCRIPT = path.join(ROOT, 'native/simulators/sscard-library-driver.ts');
// node --import tsx: one process per driver (a tsx wrapper would leave its child behind when killed).
const driverCommand = (...args: string[]) => [process.execPath, '--import', 'tsx', SCRIPT, ...args];

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-sslib-'));
const driversDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-sslib-drivers-'));
const driversFile = path.join(driversDir, 'sscard-drivers.json');

/** The administrator's drivers file: one entry per simulated-driver behaviour. */
const INSTALLED: Record<string, string[]> = {
  card1: ['--card', '1'],
  'no-card': ['--no-card'],
  'bad-output': ['--bad-output', '990100|x|'],
  'crash-after-1': ['--crash-after', '1'],
  'hang-after-1': ['--hang-after', '1'],
  hang: ['--hang'],
};
const installDrivers = (extra: unknown[] = []) =>
  fs.writeFileSync(
    driversFile,
    JSON.stringify({
      drivers: [
        ...Object.entries(INSTALLED).map(([id, args]) => ({ id, name: `模拟读卡库 ${id}`, executable: process.execPath, args: driverCommand(...args).slice(1) })),
        { id: 'missing', name: '不存在的驱动', executable: path.join(dataDir, 'no-such-driver.exe'), args: [] },
        ...extra,
      ],
    }),
  );

const status = async (): Promise<DeviceStatus> => (await call(app.handlers, 'devices.list', {})).find((d) => d.id === 'sscard-reader')!;
const useLibrary = (driver: string, timeoutMs?: number) =>
  call(app.handlers, 'devices.configure', { deviceId: 'sscard-reader', config: { mode: 'library', driver, ...(timeoutMs && { timeoutMs }) } });

beforeAll(async () => {
  expect(fs.existsSync(SCRIPT)).toBe(true);
  installDrivers();
  app = await createApp({
    dataDir,
    mode: 'browser',
    devices: defaultDeviceFactories({ pollMs: 200, reconnect: { initialMs: 200, maxMs: 800 }, driversFile }),
  });
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(driversDir, { recursive: true, force: true });
});

describe('社保卡 through the provincial reader library', () => {
  it('connects when the driver answers, reads the card (identity from the library output) and persists the configuration', async () => {
    const s = await useLibrary('card1');
    expect(s).toMatchObject({ state: 'connected', simulated: false, lastError: null });
    expect(s.location).toBe('读卡库驱动 模拟读卡库 card1');

    const person = await call(app.handlers, 'sscard.read', { timeoutMs: 3000 });
    expect(person).toMatchObject({ name: '李四', sex: '女', birthDate: '1985-07-22', cardNumber: 'A99010002', ssn: '990102198507220023', specVersion: '3.00' });
    expect(person.ssnMasked).toBe('990102********0023');
    expect(person.cardId).toHaveLength(32);
    const audit = app.db.prepare("SELECT detail FROM audit_log WHERE action = 'sscard.read' ORDER BY seq DESC").get() as { detail: string };
    expect(audit.detail).not.toContain(person.ssn);

    expect(await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).toEqual({ ok: true, message: expect.stringContaining('卡号 A99010002') });
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8'));
    expect(saved.devices.ssCardReader).toEqual({ mode: 'library', driver: 'card1' });
    expect((await call(app.handlers, 'devices.getConfig', {}))['sscard-reader']).toEqual({ mode: 'library', driver: 'card1' });
  });

  it('the library’s own refusal (no card) is passed on in Chinese; the driver still counts as connected', async () => {
    expect(await useLibrary('no-card')).toMatchObject({ state: 'connected' });
    await expect(call(app.handlers, 'sscard.read', {})).rejects.toThrow(/读卡库返回错误（代码 -11）：读卡器内无卡/);
    expect(await status()).toMatchObject({ state: 'connected', lastError: null });
    expect(await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).toEqual({ ok: true, message: expect.stringMatching(/应答正常.*代码 -11/) });
  });

  it('malformed library output → a format error naming the field', async () => {
    await useLibrary('bad-output');
    await expect(call(app.handlers, 'sscard.read', {})).rejects.toThrow(/格式错误.*11 个字段/);
    expect((await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).ok).toBe(false);
  });

  it('a driver crash → 故障 with its message; the next read starts a fresh driver and works', async () => {
    expect(await useLibrary('crash-after-1')).toMatchObject({ state: 'connected' }); // the probe was call 1
    await expect(call(app.handlers, 'sscard.read', {})).rejects.toThrow(/读卡驱动意外退出（退出码 3）/);
    expect(await status()).toMatchObject({ state: 'error', lastError: expect.stringMatching(/意外退出/) });

    await expect(call(app.handlers, 'sscard.read', {})).resolves.toMatchObject({ name: '张三' });
    expect(await status()).toMatchObject({ state: 'connected', lastError: null });
  });

  it('a hung library call → a Chinese timeout and 故障; the 测试 button then runs on a fresh driver', async () => {
    expect(await useLibrary('hang-after-1', 4000)).toMatchObject({ state: 'connected' });
    await expect(call(app.handlers, 'sscard.read', {})).rejects.toThrow(/读卡库在 4 秒内没有响应，已重启读卡驱动/);
    expect(await status()).toMatchObject({ state: 'error', lastError: expect.stringMatching(/没有响应/) });
    expect(await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).toEqual({ ok: true, message: expect.stringContaining('读卡驱动应答正常') });
    expect(await status()).toMatchObject({ state: 'connected', lastError: null });
  });

  it('a driver that never answers its probe, or cannot start, leaves the reader disconnected with the reason', async () => {
    const hung = await useLibrary('hang', 1000);
    expect(hung).toMatchObject({ state: 'disconnected', lastError: expect.stringMatching(/没有响应/) });
    await expect(call(app.handlers, 'sscard.read', {})).rejects.toThrow(/社保卡读卡器未连接/);

    const missing = await useLibrary('missing');
    expect(missing).toMatchObject({ state: 'disconnected', lastError: expect.stringMatching(/无法启动读卡驱动/) });
    expect((await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).ok).toBe(false);
  });

  it('refuses library mode for other kinds and bad library settings, in Chinese, leaving the device as it was', async () => {
    await expect(call(app.handlers, 'devices.configure', { deviceId: 'id-reader', config: { mode: 'library', driver: 'card1' } })).rejects.toThrow(
      /身份证阅读器不能使用读卡库/,
    );
    await expect(call(app.handlers, 'devices.configure', { deviceId: 'printer', config: { mode: 'library', driver: 'card1' } })).rejects.toThrow(/只用于社保卡读卡器/);
    await expect(useLibrary('')).rejects.toThrow(/请选择读卡驱动/);
    await expect(useLibrary('card1', 10)).rejects.toThrow(/1–120 秒/);
    expect((await call(app.handlers, 'devices.list', {})).find((d) => d.id === 'id-reader')).toMatchObject({ state: 'connected' });
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8'));
    expect(saved.devices.idReader).toEqual({ mode: 'simulator' });
  });

  it('the contract cannot carry a command line: a `command` field is refused and nothing is saved or run', async () => {
    const before = fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8');
    const marker = path.join(dataDir, 'pwned');
    const config = { mode: 'library', driver: 'card1', command: ['/bin/sh', '-c', `touch ${marker}`] };
    // Cast: the typed client cannot even express it; a hostile caller of the bridge can.
    await expect(call(app.handlers, 'devices.configure', { deviceId: 'sscard-reader', config } as never)).rejects.toThrow(
      /只能选择管理员已安装的驱动.*command/,
    );
    await expect(
      call(app.handlers, 'devices.configure', { deviceId: 'sscard-reader', config: { mode: 'library', command: ['/bin/sh'] } } as never),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    expect(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')).toBe(before);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('an unknown driver id is refused with how an administrator installs one; the configuration is kept', async () => {
    const before = fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8');
    await expect(useLibrary('not-installed')).rejects.toThrow(/读卡驱动“not-installed”未安装.*请管理员在 .*sscard-drivers\.json 中登记读卡驱动/);
    expect(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')).toBe(before);
  });

  it('devices.drivers lists the installed drivers and the built-in simulated one, and reports refused entries', async () => {
    installDrivers([
      { id: 'relative', name: '相对路径', executable: 'driver.exe', args: [] },
      { id: 'Bad Id', name: '坏编号', executable: process.execPath },
      { id: 'card1', name: '重复', executable: process.execPath },
    ]);
    try {
      const listing = await call(app.handlers, 'devices.drivers', {});
      expect(listing.file).toBe(driversFile);
      expect(listing.drivers.map((d) => d.id)).toEqual(['simulated', ...Object.keys(INSTALLED), 'missing']);
      expect(listing.drivers[0]).toMatchObject({ builtIn: true, name: expect.stringContaining('模拟') });
      expect(listing.drivers.find((d) => d.id === 'card1')).toEqual({ id: 'card1', name: '模拟读卡库 card1', builtIn: false, command: driverCommand('--card', '1') });
      expect(listing.problems.join('\n')).toMatch(/relative）的可执行文件必须是绝对路径/);
      expect(listing.problems.join('\n')).toMatch(/第 9 项有误.*id/);
      expect(listing.problems.join('\n')).toMatch(/编号 card1 重复/);
      expect(listing.installHint).toContain(driversFile);
    } finally {
      installDrivers();
    }
  });

  it('a drivers file others can write is ignored (only the built-in driver is offered)', async () => {
    fs.chmodSync(driversFile, 0o666);
    try {
      const listing = await call(app.handlers, 'devices.drivers', {});
      expect(listing.drivers.map((d) => d.id)).toEqual(['simulated']);
      expect(listing.problems[0]).toMatch(/可被其他用户修改（权限 666）/);
      await expect(useLibrary('card1')).rejects.toThrow(/未安装.*可被其他用户修改/);
    } finally {
      fs.chmodSync(driversFile, 0o644);
    }
  });

  it('the built-in simulated driver is chosen by its id and reads sample card 1', async () => {
    expect(await useLibrary('simulated')).toMatchObject({ state: 'connected', location: expect.stringContaining('内置模拟读卡库') });
    await expect(call(app.handlers, 'sscard.read', { timeoutMs: 3000 })).resolves.toMatchObject({ cardNumber: 'A99010002' });
  });

  it('a config.json giving the library to another device is refused at load with the field named', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-sslib-cfg-'));
    try {
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ devices: { printer: { mode: 'library', driver: 'x' } } }));
      expect(() => loadConfig(dir)).toThrow(ConfigError);
      expect(() => loadConfig(dir)).toThrow(/devices\.printer\.mode: “读卡库”连接方式只用于社保卡读卡器/);
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ devices: { ssCardReader: { mode: 'library', driver: 'gd-2026', timeoutMs: 5000 } } }));
      expect(loadConfig(dir).devices.ssCardReader).toEqual({ mode: 'library', driver: 'gd-2026', timeoutMs: 5000 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an old config.json holding a driver command line is refused with the fix, and the command never runs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-sslib-old-'));
    const marker = path.join(dir, 'pwned');
    try {
      fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ devices: { ssCardReader: { mode: 'library', command: ['/bin/sh', '-c', `touch ${marker}`] } } }));
      expect(() => loadConfig(dir)).toThrow(/devices\.ssCardReader: .*旧版的驱动命令行（command）.*请管理员在读卡驱动清单文件中登记该驱动/);
      await expect(createApp({ dataDir: dir, mode: 'browser', devices: defaultDeviceFactories({ driversFile }) })).rejects.toThrow(ConfigError);
      expect(fs.existsSync(marker)).toBe(false);
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
