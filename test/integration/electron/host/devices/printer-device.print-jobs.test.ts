/**
 * Receipts that cannot print are kept in the app database: a serial receipt printer (the printer simulator
 * on a test-owned socat pty) is out of paper, a 补打回执 and a 受理回执 are queued, the app is closed and
 * reopened on the same data directory, paper comes back → both print, in order, exactly once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import { PrinterSimulator } from '../../../../../native/simulators/printer-simulator';
import { SerialTransport } from '../../../../../native/transports/serial-port';
import { acceptSampleSpecialDisease } from '../../../../helpers/case-fixtures';
import { ptyPairAt, type FixedPtyPair } from '../../../../helpers/pty-at';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-printjobs-'));
const ptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-printjobs-pty-'));
const devicePath = path.join(ptyDir, 'printer-device');
const hostPath = path.join(ptyDir, 'printer-host');
let pair: FixedPtyPair;
let printer: PrinterSimulator;
let app: App | undefined;
let caseNo = '';

const RECEIPT = {
  office: '测试市医疗保障局 政务服务窗口',
  caseNumber: '990100001202403150077',
  applicantName: '张三',
  idNumber: '33010619850312001X',
  items: [{ name: '异地就医备案' }],
  materials: ['备案表'],
  acceptedAt: '2024-03-15 09:30',
  clerk: '柜员一',
  committedDate: '2024-03-20',
};

const open = () =>
  createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories({ pollMs: 200, reconnect: { initialMs: 200, maxMs: 800 } }) });
const printerState = async (a: App) => (await call(a.handlers, 'devices.list', {})).find((d) => d.id === 'printer')!;
const rows = (a: App) =>
  a.db.prepare('SELECT id, what, state, attempts, last_error, printed_at FROM print_jobs ORDER BY id').all() as Array<{
    id: number;
    what: string;
    state: string;
    attempts: number;
    last_error: string | null;
    printed_at: string | null;
  }>;

beforeAll(async () => {
  pair = await ptyPairAt(devicePath, hostPath);
  printer = new PrinterSimulator(new SerialTransport({ path: devicePath, baudRate: 115200 }), { idleJobMs: 300 });
  await printer.start();
  printer.setState({ paperOut: true });
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ devices: { printer: { mode: 'serial', path: hostPath, baudRate: 115200 } } }));
}, 30_000);

afterAll(async () => {
  await app?.close();
  await printer?.transport.close().catch(() => undefined);
  await pair?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(ptyDir, { recursive: true, force: true });
});

describe('print jobs survive an app restart', () => {
  it('paper out: a 补打回执 (re-rendered from the case) and a 受理回执 are persisted as pending, in order', async () => {
    app = await open();
    caseNo = await acceptSampleSpecialDisease(app);

    await expect.poll(async () => (await printerState(app!)).state, { timeout: 10_000 }).toBe('error');
    expect((await printerState(app)).lastError).toMatch(/缺纸/);

    const reprint = await call(app.handlers, 'printer.reprint', { caseNo });
    expect(reprint).toMatchObject({ status: 'queued', pendingJobs: 1 });
    expect(reprint.message).toMatch(/缺纸.*补打.*自动打印/);
    expect(await call(app.handlers, 'printer.printReceipt', RECEIPT)).toMatchObject({ status: 'queued', pendingJobs: 2 });

    const jobs = await call(app.handlers, 'printer.jobs', {});
    expect(jobs.pendingJobs).toBe(2);
    expect(jobs.waiting.map((j) => [j.what, j.state])).toEqual([
      [`受理回执（${caseNo}，补打）`, 'pending'],
      [`受理回执（${RECEIPT.caseNumber}）`, 'pending'],
    ]);
    expect(rows(app).map((r) => r.state)).toEqual(['pending', 'pending']);
    expect(printer.jobs).toHaveLength(0);
    const audit = app.db.prepare("SELECT detail FROM audit_log WHERE action = 'printer.reprint'").get() as { detail: string };
    expect(JSON.parse(audit.detail)).toEqual({ caseNo, status: 'queued' });
  }, 60_000);

  it('refuses a reprint of an unknown or empty 办件编号 in Chinese, queueing nothing', async () => {
    await expect(call(app!.handlers, 'printer.reprint', { caseNo: '990100001000000000000' })).rejects.toThrow(/找不到办件 990100001000000000000/);
    await expect(call(app!.handlers, 'printer.reprint', { caseNo: '  ' })).rejects.toThrow(/请填写办件编号/);
    expect(rows(app!)).toHaveLength(2);
  });

  it('closed and reopened on the same data directory: still waiting while the paper is out', async () => {
    await app!.close();
    app = undefined;
    app = await open();
    await expect.poll(async () => (await printerState(app!)).state, { timeout: 10_000 }).toBe('error');
    expect((await printerState(app)).lastError).toMatch(/缺纸.*（2 份回执等待打印）/);
    expect((await call(app.handlers, 'printer.jobs', {})).pendingJobs).toBe(2);
    expect(printer.jobs).toHaveLength(0);
  }, 30_000);

  it('paper back: both print in order, exactly once, and are marked printed', async () => {
    printer.setState({ paperOut: false });
    await expect.poll(async () => (await call(app!.handlers, 'printer.jobs', {})).pendingJobs, { timeout: 10_000 }).toBe(0);
    await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(2);
    const [first, second] = printer.jobs;
    expect(first.text).toContain(caseNo);
    expect(first.text).toContain('补打回执');
    expect(first.text).toContain('990102********0023');
    expect(first.text).not.toContain('990102198507220023');
    expect(second.text).toContain(RECEIPT.caseNumber);
    expect(second.text).toContain('330106********001X');
    expect(rows(app!).map((r) => [r.state, r.attempts, r.last_error, r.printed_at !== null])).toEqual([
      ['printed', 1, null, true],
      ['printed', 1, null, true],
    ]);
    expect((await call(app!.handlers, 'printer.jobs', {})).waiting).toEqual([]);
    await expect.poll(async () => (await printerState(app!)).state, { timeout: 10_000 }).toBe('connected');

    // Ready now: a reprint goes straight to paper; the queued copy was not printed again.
    expect(await call(app!.handlers, 'printer.reprint', { caseNo })).toMatchObject({ status: 'printed', pendingJobs: 0 });
    await expect.poll(() => printer.jobs.length, { timeout: 10_000 }).toBe(3);
    expect(printer.jobs.filter((j) => j.text.includes(RECEIPT.caseNumber))).toHaveLength(1);
    expect(printer.jobs.filter((j) => j.text.includes(caseNo))).toHaveLength(2);
    expect(rows(app!)).toHaveLength(2);
  }, 30_000);
});
