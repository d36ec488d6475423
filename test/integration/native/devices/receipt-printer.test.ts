/** ReceiptPrinter against the printer simulator over a real socat pty pair: status, jobs, paper out, recovery. */
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterError } from '../../../../native/devices/printer-error';
import { ReceiptPrinter } from '../../../../native/devices/receipt-printer';
import { renderAcceptanceReceipt, renderTestPage } from '../../../../native/protocols/escpos/receipt';
import { PrinterSimulator } from '../../../../native/simulators/printer-simulator';
import { startSimulatedPrinter } from '../../../../native/simulators/start-simulated-devices';
import { SerialTransport } from '../../../../native/transports/serial-port';
import { createPtyPair } from '../../../helpers/pty-pair';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

async function rig(paper: 58 | 80 = 80, saveDir?: string) {
  const pair = await createPtyPair();
  const sim = new PrinterSimulator(new SerialTransport({ path: pair.a, baudRate: 9600 }), { paper, saveDir, idleJobMs: 5000 });
  const printer = new ReceiptPrinter(new SerialTransport({ path: pair.b, baudRate: 9600 }), { statusTimeoutMs: 1000 });
  cleanup.push(() => printer.close(), () => sim.stop(), () => pair.close());
  await sim.start();
  await printer.open();
  const nextJob = () => new Promise<import('../../../../native/simulators/printer-simulator').PrintedJob>((r) => sim.onJob(r));
  return { pair, sim, printer, nextJob };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    expect(err).toBeInstanceOf(PrinterError);
    return (err as PrinterError).code;
  }
}

const receipt = {
  office: '某市医疗保障局',
  caseNumber: '330100001202403150000012',
  applicantName: '张三',
  idNumber: '11010519491231002X',
  items: [{ name: '门诊慢特病备案' }],
  materials: ['居民身份证', '病历'],
  acceptedAt: '2024-03-15 09:30',
  clerk: '李四',
  committedDate: '2024-03-22',
};

describe('ReceiptPrinter + PrinterSimulator over a pty pair', () => {
  it('reads a healthy status', async () => {
    const { printer } = await rig();
    expect(await printer.queryStatus()).toEqual({ online: true, coverOpen: false, paperNearEnd: false, paperOut: false, error: false });
  });

  it('prints a receipt: the simulator gets the exact bytes and a readable preview', async () => {
    const { printer, nextJob } = await rig(58);
    const bytes = renderAcceptanceReceipt(receipt, 58);
    const job = nextJob();
    await printer.print(bytes);
    const j = await job;
    expect(Buffer.from(j.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(j.text).toContain('受 理 回 执');
    expect(j.text).toContain('110105********002X');
    expect(j.text).toContain('门诊慢特病备案');
    expect(j.preview.at(-1)).toEqual({ cut: true });
  });

  it('refuses to print when out of paper, then prints once paper is loaded', async () => {
    const { sim, printer, nextJob } = await rig();
    sim.setState({ paperOut: true });
    const err = await printer.print(renderTestPage(80, 't')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrinterError);
    expect((err as PrinterError).code).toBe('paper-out');
    expect((err as PrinterError).message).toBe('打印机缺纸，请装纸后重试');
    expect(sim.jobs).toHaveLength(0);
    expect(sim.discardedBytes).toBe(0); // nothing was sent
    sim.setState({ paperOut: false });
    const job = nextJob();
    await printer.print(renderTestPage(80, 't'));
    expect((await job).text).toContain('打 印 测 试');
  });

  it('printWhenReady waits for paper and prints after recovery', async () => {
    const { sim, printer, nextJob } = await rig();
    sim.setState({ paperOut: true });
    const waits: string[] = [];
    const job = nextJob();
    const done = printer.printWhenReady(renderTestPage(80, 't'), {
      pollMs: 50,
      timeoutMs: 10_000,
      onWaiting: (e) => {
        waits.push(e.code);
        if (waits.length === 3) sim.setState({ paperOut: false });
      },
    });
    await done;
    await job;
    expect(waits).toEqual(['paper-out', 'paper-out', 'paper-out']);
  });

  it('reports cover open, offline and paper near end', async () => {
    const { sim, printer } = await rig();
    sim.setState({ coverOpen: true });
    expect(await codeOf(printer.print(Uint8Array.of(0x0a)))).toBe('cover-open');
    sim.setState({ coverOpen: false, online: false });
    expect(await codeOf(printer.print(Uint8Array.of(0x0a)))).toBe('offline');
    sim.setState({ online: true, paperNearEnd: true });
    expect(await printer.queryStatus()).toMatchObject({ paperNearEnd: true, paperOut: false, online: true });
    expect(await codeOf(printer.print(Uint8Array.of(0x1b, 0x40)))).toBe('ok');
  });

  it('times out when nothing answers on the port', async () => {
    const pair = await createPtyPair();
    const silent = new SerialTransport({ path: pair.a });
    await silent.open();
    const printer = new ReceiptPrinter(new SerialTransport({ path: pair.b }), { statusTimeoutMs: 200 });
    cleanup.push(() => printer.close(), () => silent.close(), () => pair.close());
    await printer.open();
    const err = await printer.queryStatus().catch((e: PrinterError) => e);
    expect(err).toMatchObject({ code: 'timeout', message: '打印机无响应，请检查电源和连接线' });
  });

  it('ignores noise bytes that are not status replies', async () => {
    const pair = await createPtyPair();
    // A hand-made printer that sends a garbage byte before each real reply.
    const device = new SerialTransport({ path: pair.a });
    await device.open();
    device.onData((chunk) => {
      if (chunk.includes(0x04)) void device.write(Uint8Array.of(0x00, 0xff, 0x12));
    });
    const printer = new ReceiptPrinter(new SerialTransport({ path: pair.b }), { statusTimeoutMs: 1000 });
    cleanup.push(() => printer.close(), () => device.close(), () => pair.close());
    await printer.open();
    expect(await printer.queryStatus()).toMatchObject({ online: true, paperOut: false });
  });

  it('reports disconnected after the link is gone', async () => {
    const { printer, pair } = await rig();
    await pair.close();
    const code = await codeOf(printer.print(Uint8Array.of(0x0a)));
    expect(['disconnected', 'timeout']).toContain(code);
  });

  it('saves each job as .bin and .txt when asked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'printer-jobs-'));
    cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const { printer, nextJob } = await rig(80, dir);
    const job = nextJob();
    await printer.print(renderTestPage(80, 'x'));
    await job;
    expect(fs.readdirSync(dir).sort()).toEqual(['job-0001.bin', 'job-0001.txt']);
    expect(fs.readFileSync(path.join(dir, 'job-0001.txt'), 'utf8')).toContain('打 印 测 试');
  });

  it('startSimulatedPrinter works over the in-process link', async () => {
    const sim = await startSimulatedPrinter({ preferPty: false, paper: 58 });
    cleanup.push(() => sim.close());
    const printer = new ReceiptPrinter(sim.host);
    await printer.open();
    const job = new Promise<string>((r) => sim.simulator.onJob((j) => r(j.text)));
    await printer.print(renderTestPage(58, 'x'));
    expect(await job).toContain('纸宽 58mm');
    await sim.close();
    expect(await codeOf(printer.print(Uint8Array.of(0x0a)))).toBe('disconnected');
  });
});
