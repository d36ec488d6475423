/**
 * `counter read-sscard --port PATH [--baud 115200] [--timeout S]`: reads one 社会保障卡 through a serial
 * card reader (APDUs) and prints the identity as JSON.
 * `counter read-sscard --driver ID [--timeout S]`: the same through an installed provincial reader-library
 * driver (the administrator's drivers file, as the 设备 page uses it). The 社会保障号码 is masked unless --full-id.
 * `counter read-sscard --library "CMD ARGS" [--timeout S]`: through a driver command line typed here, to try a
 * driver before an administrator installs it. The CLI keeps this on purpose: whoever types it already runs
 * commands as this user, nothing is saved, and no other process can reach it (unlike the renderer's contract).
 */
import { maskIdNumber } from '../../../../shared/id-number';
import { ProvincialLibraryDriver, splitCommandLine } from '../../../../native/protocols/sscard/library-driver';
import { serialReaderFraming } from '../../../../native/protocols/sscard/serial-framing';
import { readSsCard } from '../../../../native/protocols/sscard/sscard-session';
import type { SsCardIdentity } from '../../../../native/protocols/sscard/identity';
import { SerialTransport } from '../../../../native/transports/serial-port';
import { findInstalledDriver } from '../../devices/sscard-drivers';
import { CliError } from '../cli-error';
import { parseBaud, parseSeconds } from '../options';
import type { CommandModule } from './index';

interface ReadSsCardCliOptions {
  port?: string;
  baud: number;
  timeout: number;
  library?: string;
  fullId?: boolean;
  driver?: string;
}

export const readSsCardCommand: CommandModule = {
  register(program) {
    program
      .command('read-sscard')
      .description('读取一张社会保障卡（串口读卡器 APDU 或省级读卡库），输出 JSON')
      .option('--port <path>', '读卡器串口，如 /dev/ttyUSB0 或 COM3')
      .option('--baud <rate>', '波特率', parseBaud, 115200)
      .option('--timeout <seconds>', '等待插卡 / 读卡库响应的秒数', parseSeconds, 10)
      .option('--driver <id>', '管理员已安装的读卡驱动编号（见驱动清单文件）')
      .option('--library <command>', '省级读卡库驱动命令行（带参数时整体加引号），用于安装前试用驱动')
      .option('--full-id', '输出完整社会保障号码 (默认脱敏)')
      .action(async (opts: ReadSsCardCliOptions) => {
        if ([opts.port, opts.library, opts.driver].filter(Boolean).length !== 1) {
          throw new CliError('请指定 --port（串口读卡器）、--driver（已安装的读卡驱动）或 --library（读卡库驱动命令行）其中之一');
        }
        let identity: SsCardIdentity;
        if (opts.library || opts.driver) {
          const installed = opts.driver ? findInstalledDriver(opts.driver) : null;
          const command = installed ? installed.command : splitCommandLine(opts.library as string);
          if (command.length === 0) throw new CliError('读卡库驱动命令行为空');
          const driver = new ProvincialLibraryDriver({ command, env: installed?.env, timeoutMs: opts.timeout * 1000 });
          try {
            identity = await driver.readIdentity();
          } finally {
            await driver.close();
          }
        } else {
          identity = await readSsCard(new SerialTransport({ path: opts.port as string, baudRate: opts.baud }), serialReaderFraming, {
            waitForCardMs: opts.timeout * 1000,
          });
        }
        const shown = opts.fullId ? identity : { ...identity, ssn: maskIdNumber(identity.ssn) };
        process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
      });
  },
};
