/**
 * `counter scan --port P [--baud 9600] [--count N] [--timeout S] [--full]`: prints each scanned code,
 * classified, as one JSON line. ID numbers are masked unless --full is given.
 */
import { SerialScanner } from '../../../../native/devices/serial-scanner';
import { redactScan } from '../../../../shared/scanner/classify';
import { SerialTransport } from '../../../../native/transports/serial-port';
import { CliError } from '../cli-error';
import { parseBaud, parseSeconds } from '../options';
import type { CommandModule } from './index';

interface ScanOptions {
  port: string;
  baud: number;
  count?: string;
  timeout?: number;
  full?: boolean;
}

export const scanCommand: CommandModule = {
  register(program) {
    program
      .command('scan')
      .description('从串口扫码枪读取条码，每个条码输出一行分类后的 JSON（Ctrl-C 结束）')
      .requiredOption('--port <path>', '扫码枪串口，如 /dev/ttyUSB0 或 COM3')
      .option('--baud <rate>', '波特率', parseBaud, 9600)
      .option('--count <n>', '读到 n 个条码后结束')
      .option('--timeout <seconds>', '最多等待的秒数', parseSeconds)
      .option('--full', '显示完整身份证号码（默认脱敏）')
      .action(async (opts: ScanOptions) => {
        const count = opts.count === undefined ? Infinity : Number(opts.count);
        if (opts.count !== undefined && (!Number.isInteger(count) || count <= 0)) throw new CliError(`条码个数无效: ${opts.count}`);
        const timeoutS = opts.timeout;

        const scanner = new SerialScanner(new SerialTransport({ path: opts.port, baudRate: opts.baud }));
        let seen = 0;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const onSignal = () => finish();
        let finish: (err?: Error) => void = () => undefined;
        const done = new Promise<void>((resolve, reject) => {
          finish = (err) => (err ? reject(err) : resolve());
        });
        scanner.onScan((scan) => {
          if (seen >= count) return;
          seen++;
          process.stdout.write(`${JSON.stringify(opts.full ? scan : redactScan(scan))}\n`);
          if (seen >= count) finish();
        });
        scanner.onClose((err) => finish(err ? new CliError(`扫码枪连接已断开: ${opts.port}`) : undefined));
        await scanner.start();
        if (timeoutS !== undefined) {
          timer = setTimeout(() => {
            finish(Number.isFinite(count) ? new CliError(`等待扫码超时：${timeoutS} 秒内只读到 ${seen} 个条码`) : undefined);
          }, timeoutS * 1000);
        }
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        try {
          await done;
        } finally {
          clearTimeout(timer);
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          await scanner.stop().catch(() => undefined);
        }
      });
  },
};
