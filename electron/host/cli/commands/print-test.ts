/**
 * `counter print-test --port P [--width 58|80] [--baud 9600] [--status-timeout S]`: queries the printer's
 * status, refuses with a clear message on paper out / cover open / offline / no answer, otherwise prints
 * a test page. A /dev/usb/lpN path uses the write-only USB printer transport (no status check).
 */
import { ReceiptPrinter } from '../../../../native/devices/receipt-printer';
import { renderTestPage } from '../../../../native/protocols/escpos/receipt';
import { SerialTransport } from '../../../../native/transports/serial-port';
import type { ByteTransport } from '../../../../native/transports/transport';
import { UsbPrinterTransport } from '../../../../native/transports/usb-printer-transport';
import { CliError } from '../cli-error';
import { parseBaud, parseSeconds } from '../options';
import type { CommandModule } from './index';

interface PrintTestOptions {
  port: string;
  width: string;
  baud: number;
  statusTimeout: number;
}

export const printTestCommand: CommandModule = {
  register(program) {
    program
      .command('print-test')
      .description('打印一张测试小票（先查询打印机状态）')
      .requiredOption('--port <path>', '打印机串口（如 /dev/ttyUSB0、COM3）或 USB 打印机设备（/dev/usb/lp0）')
      .option('--width <mm>', '纸宽 58 或 80', '80')
      .option('--baud <rate>', '串口波特率', parseBaud, 9600)
      .option('--status-timeout <seconds>', '等待状态应答的秒数', parseSeconds, 2)
      .action(async (opts: PrintTestOptions) => {
        const paper = Number(opts.width);
        if (paper !== 58 && paper !== 80) throw new CliError(`纸宽只能是 58 或 80: ${opts.width}`);

        const transport: ByteTransport = /^\/dev\/usb\/lp\d+$/.test(opts.port)
          ? new UsbPrinterTransport(opts.port)
          : new SerialTransport({ path: opts.port, baudRate: opts.baud });
        const printer = new ReceiptPrinter(transport, { statusTimeoutMs: opts.statusTimeout * 1000 });
        try {
          await printer.open();
          const status = printer.canQueryStatus ? await printer.queryStatus() : undefined;
          const page = renderTestPage(paper, new Date().toLocaleString('zh-CN', { hour12: false }));
          await printer.print(page);
          process.stdout.write(`${JSON.stringify({ printed: true, port: opts.port, width: paper, bytes: page.length, status: status ?? null })}\n`);
          if (status?.paperNearEnd) process.stderr.write('提示: 打印机纸将用尽，请准备换纸\n');
        } finally {
          await printer.close().catch(() => undefined);
        }
      });
  },
};
