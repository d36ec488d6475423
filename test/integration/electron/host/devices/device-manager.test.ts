/**
 * The device manager inside the real app: the built-in simulators over socat ptys, a "real" serial ID
 * reader on a test-owned pty that is unplugged and plugged back in at the same path, printer paper out
 * with a queued receipt, configuration persisted and reopened, and bad configurations.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../../../../electron/contract/api';
import type { DeviceStatus } from '../../../../../electron/contract/schemas';
import { createApp, type App } from '../../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import { Ga467Simulator } from '../../../../../native/simulators/ga467-simulator';
import { sampleIdCard } from '../../../../../native/simulators/sample-id-cards';
import { SerialTransport } from '../../../../../native/transports/serial-port';
import { ptyPairAt, type FixedPtyPair } from '../../../../helpers/pty-at';

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-devmgr-'));
const ptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-devmgr-pty-'));
const events: Array<{ event: EventName; payload: unknown }> = [];

const status = async (id: string): Promise<DeviceStatus> => (await call(app.handlers, 'devices.list', {})).find((d) => d.id === id)!;
const stateOf = async (id: string) => (await status(id)).state;

const RECEIPT = {
  office: '测试市医疗保障局 政务服务窗口',
  caseNumber: '990100001202403150001',
  applicantName: '张三',
  idNumber: '33010619850312001X',
  items: [{ name: '异地就医备案' }, { name: '零星报销', amountFen: 123450 }],
  materials: ['备案表', '身份证复印件'],
  acceptedAt: '2024-03-15 09:30',
  clerk: '柜员一',
  committedDate: '2024-03-20',
};

beforeAll(async () => {
  app = await createApp({
    dataDir,
    mode: 'browser',
    devices: defaultDeviceFactories({ pollMs: 200, reconnect: { initialMs: 200, maxMs: 800 } }),
  });
  app.events.subscribe((event, payload) => events.push({ event, payload }));
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(ptyDir, { recursive: true, force: true });
});

describe('default configuration: every kind on its simulator', () => {
  it('opens all four devices as connected simulators behind real ptys', async () => {
    const list = await call(app.handlers, 'devices.list', {});
    expect(list.map((d) => d.id)).toEqual(['id-reader', 'sscard-reader', 'scanner', 'printer']);
    for (const d of list) {
      expect(d).toMatchObject({ state: 'connected', simulated: true, lastError: null });
      expect(fs.existsSync(d.location)).toBe(true);
    }
  });

  it('runs each kind’s test action', async () => {
    expect(await call(app.handlers, 'devices.test', { deviceId: 'id-reader' })).toEqual({ ok: true, message: expect.stringContaining('SAM') });
    expect(await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).toEqual({ ok: true, message: expect.stringContaining('没有卡') });
    expect(await call(app.handlers, 'devices.test', { deviceId: 'scanner' })).toEqual({ ok: true, message: expect.stringContaining('尚未收到扫描') });
    const before = (await call(app.handlers, 'printer.jobs', {})).jobs.length;
    expect(await call(app.handlers, 'devices.test', { deviceId: 'printer' })).toEqual({ ok: true, message: expect.stringContaining('测试条') });
    await expect.poll(async () => (await call(app.handlers, 'printer.jobs', {})).jobs.length, { timeout: 5000 }).toBe(before + 1);
    expect((await call(app.handlers, 'printer.jobs', {})).jobs[0].text).toContain('设备测试');
  });

  it('reads an inserted 社保卡 (full ssn and card id for lookups, masked copies for display) and fails clearly without one', async () => {
    await call(app.handlers, 'simulator.sscard.insert', { sampleId: '0' });
    const person = await call(app.handlers, 'sscard.read', { timeoutMs: 3000 });
    expect(person).toMatchObject({ name: '张三', sex: '男', birthDate: '1960-03-15', cardNumber: 'A99010001', specVersion: '3.00' });
    expect(person.ssn).toMatch(/^\d{17}[\dX]$/);
    expect(person.ssnMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(person.cardId).toHaveLength(32);
    expect(person.cardIdMasked).not.toContain(person.cardId.slice(6, 28));
    const audit = app.db.prepare("SELECT detail FROM audit_log WHERE action = 'sscard.read'").get() as { detail: string };
    expect(audit.detail).not.toContain(person.ssn);

    expect((await call(app.handlers, 'devices.test', { deviceId: 'sscard-reader' })).message).toMatch(/ATR/);
    await call(app.handlers, 'simulator.sscard.remove', {});
    await expect(call(app.handlers, 'sscard.read', { timeoutMs: 1000 })).rejects.toThrow(/没有社会保障卡/);
    await expect(call(app.handlers, 'simulator.sscard.insert', { sampleId: '99' })).rejects.toThrow(/没有编号为 99/);
  });

  it('publishes serial scans as classified scanner.scan events, and the test action shows the last one masked', async () => {
    await call(app.handlers, 'simulator.scanner.scan', { code: '01,33060124,0001234567,a1B2c3,20240315,1234.50' });
    await call(app.handlers, 'simulator.scanner.scan', { code: '33010619850312001X' });
    await expect.poll(() => events.filter((e) => e.event === 'scanner.scan').length, { timeout: 5000 }).toBe(2);
    const scans = events.filter((e) => e.event === 'scanner.scan').map((e) => (e.payload as { scan: { kind: string } }).scan);
    expect(scans[0]).toMatchObject({ kind: 'e-invoice', invoice: { billCode: '33060124', billNumber: '0001234567', amountFen: 123450 } });
    expect(scans[1]).toMatchObject({ kind: 'id-number', idNumber: '33010619850312001X' });
    const test = await call(app.handlers, 'devices.test', { deviceId: 'scanner' });
    expect(test.message).toContain('330106********001X');
    await expect(call(app.handlers, 'simulator.scanner.scan', { code: 'A1\r\nB2' })).rejects.toThrow(/换行/);
  });

  it('paper out: the device shows the error, a receipt is queued (not lost) and prints once paper is back', async () => {
    const printedBefore = (await call(app.handlers, 'printer.jobs', {})).jobs.length;
    await call(app.handlers, 'simulator.printer.set', { paperOut: true });
    await expect.poll(() => stateOf('printer'), { timeout: 5000 }).toBe('error');
    expect((await status('printer')).lastError).toMatch(/缺纸/);
    const test = await call(app.handlers, 'devices.test', { deviceId: 'printer' });
    expect(test).toEqual({ ok: false, message: expect.stringMatching(/缺纸/) });

    const outcome = await call(app.handlers, 'printer.printReceipt', RECEIPT);
    expect(outcome).toMatchObject({ status: 'queued', pendingJobs: 1 });
    expect(outcome.message).toMatch(/缺纸.*自动打印/);
    expect((await call(app.handlers, 'printer.jobs', {})).pendingJobs).toBe(1);

    await call(app.handlers, 'simulator.printer.set', { paperOut: false });
    await expect.poll(() => stateOf('printer'), { timeout: 5000 }).toBe('connected');
    await expect.poll(async () => (await call(app.handlers, 'printer.jobs', {})).jobs.length, { timeout: 5000 }).toBe(printedBefore + 1);
    const jobs = await call(app.handlers, 'printer.jobs', {});
    expect(jobs.pendingJobs).toBe(0);
    expect(jobs.jobs[0].text).toContain('受 理 回 执');
    expect(jobs.jobs[0].text).toContain('330106********001X');
    expect(jobs.jobs[0].text).not.toContain('33010619850312001X');

    // Ready again: prints at once.
    expect(await call(app.handlers, 'printer.printReceipt', RECEIPT)).toMatchObject({ status: 'printed', pendingJobs: 0 });
  });

  it('offline is surfaced too', async () => {
    await call(app.handlers, 'simulator.printer.set', { offline: true });
    await expect.poll(() => stateOf('printer'), { timeout: 5000 }).toBe('error');
    expect((await status('printer')).lastError).toMatch(/离线/);
    await call(app.handlers, 'simulator.printer.set', { offline: false });
    await expect.poll(() => stateOf('printer'), { timeout: 5000 }).toBe('connected');
  });

  it('rejects a bad receipt with Chinese field messages', async () => {
    await expect(call(app.handlers, 'printer.printReceipt', { ...RECEIPT, idNumber: '123', items: [] })).rejects.toThrow(/身份证号码应为18位.*至少一项办理事项/);
  });
});

describe('a serial ID reader: unplug, reconnect, configuration', () => {
  const devicePath = path.join(ptyDir, 'reader-device');
  const hostPath = path.join(ptyDir, 'reader-host');
  let pair: FixedPtyPair | undefined;
  let simulator: Ga467Simulator | undefined;

  const plugIn = async () => {
    pair = await ptyPairAt(devicePath, hostPath);
    simulator = new Ga467Simulator(new SerialTransport({ path: devicePath, baudRate: 115200 }));
    await simulator.start();
    simulator.placeCard(sampleIdCard());
  };
  const unplug = async () => {
    await pair?.close();
    await simulator?.close().catch(() => undefined);
  };
  afterAll(unplug);

  it('a configured port that does not exist: disconnected with a Chinese message, the app keeps working', async () => {
    const s = await call(app.handlers, 'devices.configure', { deviceId: 'id-reader', config: { mode: 'serial', path: hostPath, baudRate: 115200 } });
    expect(s).toMatchObject({ state: 'disconnected', location: hostPath, simulated: false });
    expect(s.lastError).toMatch(/串口 .* 不存在/);
    await expect(call(app.handlers, 'idCard.read', { timeoutMs: 1000 })).rejects.toThrow(/身份证阅读器未连接/);
    expect((await call(app.handlers, 'devices.test', { deviceId: 'id-reader' })).ok).toBe(false);
    await expect(call(app.handlers, 'simulator.idCard.place', { sampleId: '0' })).rejects.toThrow(/不是模拟器/);
    // Everything else still answers.
    expect(await stateOf('printer')).toBe('connected');
  });

  it('persisted the configuration to config.json', async () => {
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8'));
    expect(saved.devices.idReader).toEqual({ mode: 'serial', path: hostPath, baudRate: 115200 });
    expect(saved.devices.printer).toEqual({ mode: 'simulator' });
    await expect(call(app.handlers, 'devices.getConfig', {})).resolves.toMatchObject({ 'id-reader': { mode: 'serial', path: hostPath } });
  });

  it('hot-plug: the port appearing opens the reader, and a card reads', async () => {
    await plugIn();
    await expect.poll(() => stateOf('id-reader'), { timeout: 10_000 }).toBe('connected');
    expect((await status('id-reader')).lastError).toBeNull();
    const person = await call(app.handlers, 'idCard.read', { timeoutMs: 5000 });
    expect(person.idNumber).toBe(sampleIdCard().idNumber);
  });

  it('unplug → disconnected with a Chinese message; plugged back at the same path → connected again', async () => {
    await unplug();
    await expect.poll(() => stateOf('id-reader'), { timeout: 10_000 }).toBe('disconnected');
    expect((await status('id-reader')).lastError).toMatch(/断开|不存在/);
    const transitions = events.filter((e) => e.event === 'device.status' && (e.payload as DeviceStatus).id === 'id-reader').map((e) => (e.payload as DeviceStatus).state);
    expect(transitions).toContain('disconnected');

    await plugIn();
    await expect.poll(() => stateOf('id-reader'), { timeout: 10_000 }).toBe('connected');
    await expect(call(app.handlers, 'idCard.read', { timeoutMs: 5000 })).resolves.toMatchObject({ name: sampleIdCard().name });
  });

  it('rejects invalid configurations with Chinese messages and leaves the device as it was', async () => {
    await expect(call(app.handlers, 'devices.configure', { deviceId: 'id-reader', config: { mode: 'serial', path: '', baudRate: 115200 } })).rejects.toThrow(/请选择或填写串口/);
    await expect(call(app.handlers, 'devices.configure', { deviceId: 'id-reader', config: { mode: 'hid', vendorId: 70000, productId: 1 } })).rejects.toThrow(/0000–FFFF/);
    await expect(call(app.handlers, 'devices.configure', { deviceId: 'nope' as never, config: { mode: 'off' } })).rejects.toThrow(/未知的设备/);
    expect(await stateOf('id-reader')).toBe('connected');
  });

  it('discovery marks the configured port; a HID reader that is not attached waits as disconnected', async () => {
    const found = await call(app.handlers, 'devices.discover', {});
    expect(found.serialPorts.find((p) => p.path === hostPath)?.matches).toEqual(['id-reader']);
    const s = await call(app.handlers, 'devices.configure', { deviceId: 'sscard-reader', config: { mode: 'hid', vendorId: 0x1d99, productId: 0x5c01 } });
    expect(s.state).toBe('disconnected');
    expect(s.lastError).toMatch(/未找到 USB 设备（厂商号:产品号 1d99:5c01）/);
  });

  it('off → disabled; back to the simulator → connected', async () => {
    expect(await call(app.handlers, 'devices.configure', { deviceId: 'id-reader', config: { mode: 'off' } })).toMatchObject({ state: 'disabled' });
    await expect(call(app.handlers, 'idCard.read', { timeoutMs: 1000 })).rejects.toThrow(/未启用/);
    const s = await call(app.handlers, 'devices.configure', { deviceId: 'id-reader', config: { mode: 'simulator' } });
    expect(s).toMatchObject({ state: 'connected', simulated: true });
    await call(app.handlers, 'simulator.idCard.place', { sampleId: '0' });
    await expect(call(app.handlers, 'idCard.read', { timeoutMs: 5000 })).resolves.toMatchObject({ name: expect.any(String) });
  });
});
