/**
 * `counter read-id --port PATH [--baud 115200] [--timeout S] [--full-id]`: reads one ID card and prints it as
 * JSON, the ID number masked unless --full-id (a terminal's scrollback is a log too).
 */
import { IdReader } from '../../../../native/devices/id-reader';
import { maskIdNumber } from '../../../../shared/id-number';
import { SerialTransport } from '../../../../native/transports/serial-port';
import { parseBaud, parseSeconds } from '../options';
import type { CommandModule } from './index';

interface ReadIdOptions {
  port: string;
  baud: number;
  timeout: number;
  fullId?: boolean;
}

export const readIdCommand: CommandModule = {
  register(program) {
    program
      .command('read-id')
      .description('读取一张居民身份证 (GA 467 读卡器)，输出 JSON')
      .requiredOption('--port <path>', '读卡器串口，如 /dev/ttyUSB0 或 COM3')
      .option('--baud <rate>', '波特率', parseBaud, 115200)
      .option('--timeout <seconds>', '等待放卡的秒数', parseSeconds, 10)
      .option('--full-id', '输出完整身份证号码 (默认脱敏)')
      .action(async (opts: ReadIdOptions) => {
        const reader = new IdReader(new SerialTransport({ path: opts.port, baudRate: opts.baud }));
        try {
          const id = await reader.readCard({ timeoutMs: opts.timeout * 1000 });
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
        } finally {
          await reader.close().catch(() => undefined);
        }
      });
  },
};
