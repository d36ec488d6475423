/**
 * `counter read-id --port PATH [--baud 115200] [--timeout S] [--full-id]`: reads one ID card and prints it as
 * JSON, the ID number masked unless --full-id (a terminal's scrollback is a log too).
 */
import { IdReader, IdReaderError } from '../../../../native/devices/id-reader';
import { maskIdNumber } from '../../../../shared/id-number';
import { SerialTransport } from '../../../../native/transports/serial-port';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';

interface ReadIdOptions {
  port: string;
  baud: string;
  timeout: string;
  fullId?: boolean;
}

export const readIdCommand: CommandModule = {
  register(program) {
    program
      .command('read-id')
      .description('读取一张居民身份证 (GA 467 读卡器)，输出 JSON')
      .requiredOption('--port <path>', '读卡器串口，如 /dev/ttyUSB0 或 COM3')
      .option('--baud <rate>', '波特率', '115200')
      .option('--timeout <seconds>', '等待放卡的秒数', '10')
      .option('--full-id', '输出完整身份证号码 (默认脱敏)')
      .action(async (opts: ReadIdOptions) => {
        const baudRate = Number(opts.baud);
        const timeoutS = Number(opts.timeout);
        if (!Number.isInteger(baudRate) || baudRate <= 0) throw new CliError(`波特率无效: ${opts.baud}`);
        if (!Number.isFinite(timeoutS) || timeoutS <= 0) throw new CliError(`超时秒数无效: ${opts.timeout}`);
        const reader = new IdReader(new SerialTransport({ path: opts.port, baudRate }));
        try {
          const id = await reader.readCard({ timeoutMs: timeoutS * 1000 });
          const out = {
            name: id.name,
            sex: id.sex,
            sexCode: id.sexCode,
            nation: id.nation,
            nationCode: id.nationCode,
            birthDate: id.birthDate,
            address: id.address,
            idNumber: opts.fullId ? id.idNumber : maskIdNumber(id.idNumber),
            issuer: id.issuer,
            validFrom: id.validFrom,
            validTo: id.validTo,
            photo: { format: id.photo.format, base64: id.photo.base64 },
          };
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        } catch (err) {
          if (err instanceof IdReaderError) throw new CliError(err.message);
          throw err;
        } finally {
          await reader.close().catch(() => undefined);
        }
      });
  },
};
