/**
 * The receipt printer as the device manager runs it. Its condition (paper out, cover open, offline) is
 * polled with DLE EOT while idle and shown as the 'error' state with a Chinese message. A 受理回执 that
 * cannot print now is never lost: it waits in the app database (print_jobs, in order) and prints as soon
 * as a poll finds the printer ready again — also after an app restart. A job whose bytes the printer took
 * is marked printed right after; only a crash between the two could print it twice, never zero times.
 */
import { AppError } from '../../contract/errors';
import { assertReady, ReceiptPrinter } from '../../../native/devices/receipt-printer';
import { PrinterError } from '../../../native/devices/printer-error';
import { EscPosBuilder } from '../../../native/protocols/escpos/builder';
import { rule } from '../../../native/protocols/escpos/layout';
import type { PrinterSimulator } from '../../../native/simulators/printer-simulator';
import type { PrintJobStore } from '../../services/printing/print-job-store';
import { startSimulatedPrinter } from '../../../native/simulators/start-simulated-devices';
import type { DeviceConfig } from '../config';
import type { StatusCell } from './device-status';
import { serialLink, SimulatorLink, type DeviceLink } from './device-links';
import type { DeviceDriver, ManagedDevice } from './managed-device';
import { chinaDateTime } from '../../../shared/china-time';


export interface PrintJob {
  what: string;
  bytes: Uint8Array;
}

/** Jobs waiting for the printer (persisted); flushed in order by the status poll. */
export class PrintQueue {
  printedFromQueue = 0;

  constructor(readonly store: PrintJobStore) {}

  get pendingCount(): number {
    return this.store.countPending();
  }

  enqueue(job: PrintJob): number {
    return this.store.add(job);
  }

  /**
   * Prints waiting jobs while the printer accepts them. A failed write counts an attempt and stops here
   * (the job stays first), unless it used up its attempts: then it is set aside and the next one goes.
   */
  async flush(printer: ReceiptPrinter): Promise<void> {
    for (let job = this.store.nextPending(); job; job = this.store.nextPending()) {
      try {
        await printer.print(job.bytes);
      } catch (err) {
        if (this.store.recordFailure(job.id, err instanceof Error ? err.message : String(err)) === 'failed') continue;
        throw err;
      }
      this.store.markPrinted(job.id);
      this.printedFromQueue++;
    }
  }
}

/** Sets the device state from a status answer or failure. */
function showCondition(status: StatusCell, problem: PrinterError | null, queue: PrintQueue): void {
  if (!problem) status.set({ state: 'connected', lastError: null });
  else {
    const pending = queue.pendingCount;
    const waiting = pending ? `（${pending} 份回执等待打印）` : '';
    status.set({ state: 'error', lastError: `${problem.message}${waiting}` });
  }
}

export function printerDriver(queue: PrintQueue): DeviceDriver<ReceiptPrinter> {
  return {
    async attach(transport) {
      const printer = new ReceiptPrinter(transport, { statusTimeoutMs: 1000, writeTimeoutMs: 15_000 });
      await printer.open();
      return printer;
    },
    detach: (printer) => printer.close(),
    async tick(printer, status) {
      if (!printer.canQueryStatus) return;
      try {
        assertReady(await printer.queryStatus());
        await queue.flush(printer);
        showCondition(status, null, queue);
      } catch (err) {
        if (err instanceof PrinterError && err.code !== 'disconnected') showCondition(status, err, queue);
      }
    },
  };
}

export async function printerLink(config: DeviceConfig): Promise<DeviceLink | null> {
  if (config.mode === 'off' || config.mode === 'hid') return null;
  if (config.mode === 'serial') return serialLink(config.path, config.baudRate, { usbPrinterFiles: true });
  return SimulatorLink.create<PrinterSimulator>(async () => {
    const sim = await startSimulatedPrinter({ idleJobMs: 300 });
    return { simulator: sim.simulator, host: sim.host, portPath: sim.hostPath, close: () => sim.close() };
  });
}

export const PRINTER_HID_UNSUPPORTED = '小票打印机不走 USB HID：USB 打印机请选“串口”并填写设备文件（如 /dev/usb/lp0）';

function testSlip(at: Date): Uint8Array {
  const b = new EscPosBuilder(80).init().chineseMode(true);
  b.align('center').bold(true).line('设备测试').bold(false);
  b.align('left').line(rule(b.columns));
  b.line('打印机工作正常');
  b.row('测试时间', chinaDateTime(at)); // China time, as on receipts (not the machine's zone)
  b.feed(2).cut();
  return b.bytes();
}

/** The 测试 button: status query, then a short test slip. */
export async function testPrinter(device: ManagedDevice<ReceiptPrinter>, queue: PrintQueue, now: Date): Promise<string> {
  return device.use(async (printer) => {
    if (printer.canQueryStatus) {
      const s = await printer.queryStatus();
      try {
        assertReady(s);
      } catch (err) {
        showCondition(device.status, err as PrinterError, queue);
        throw err;
      }
      showCondition(device.status, null, queue);
    }
    await printer.print(testSlip(now));
    return printer.canQueryStatus
      ? '打印机状态正常，已打印测试条'
      : '该连接无法查询打印机状态（USB 设备文件只写），已发送测试条，请查看是否出纸';
  });
}

/**
 * Prints now when the printer is ready; otherwise (paper out, cover open, offline, unplugged) keeps the job
 * queued and says so — the clerk never has to re-enter anything.
 */
export async function printOrQueue(
  device: ManagedDevice<ReceiptPrinter>,
  queue: PrintQueue,
  job: PrintJob,
): Promise<{ status: 'printed' | 'queued'; message: string; pendingJobs: number }> {
  const queued = (reason: string) => {
    queue.enqueue(job);
    const pending = queue.pendingCount;
    return {
      status: 'queued' as const,
      message: `${reason}。${job.what}已保留，打印机恢复后将自动打印（排队 ${pending} 份）`,
      pendingJobs: pending,
    };
  };
  if (device.status.get().state === 'disabled') throw device.notConnected();
  if (queue.pendingCount > 0) return queued(device.status.get().lastError?.replace(/（.*$/, '') ?? '前面还有回执等待打印');
  if (!device.connected) return queued('打印机未连接');
  try {
    await device.use((printer) => printer.print(job.bytes));
    return { status: 'printed', message: `${job.what}已打印`, pendingJobs: 0 };
  } catch (err) {
    if (err instanceof PrinterError) {
      const outcome = queued(err.message.replace(/，?请.*$/, ''));
      if (err.code !== 'disconnected') showCondition(device.status, err, queue);
      return outcome;
    }
    if (err instanceof AppError && err.code === 'disconnected') return queued('打印机未连接');
    throw err;
  }
}
