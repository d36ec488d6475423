/**
 * `counter diagnose [--data DIR] [--out FILE.tar | DIR]`: writes the support bundle of ../../ops/diagnose.ts —
 * versions, devices, queue and case counts, recent errors, crash records, configuration without secrets; no
 * personal data. Default: counter-diagnose-<date>-<time>.tar in the current folder. Never overwrites.
 */
import path from 'node:path';
import { defaultDataDir } from '../../../services/store/data-dir';
import { collectDiagnostics, outPathProblem, writeBundle } from '../../ops/diagnose';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';

function defaultOut(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `counter-diagnose-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.tar`;
}

export const diagnoseCommand: CommandModule = {
  register(program) {
    program
      .command('diagnose')
      .description('生成诊断包（版本、设备、上报队列、最近错误、去除密钥的配置；不含个人信息）')
      .option('--data <dir>', '数据目录 (默认为本机应用数据目录)')
      .option('--out <path>', '输出位置: 以 .tar 结尾写成一个文件，否则写成一个新目录 (默认 counter-diagnose-<日期时间>.tar)')
      .action(async (opts: { data?: string; out?: string }) => {
        const now = new Date();
        const dataDir = path.resolve(opts.data ?? defaultDataDir());
        const out = path.resolve(opts.out ?? defaultOut(now));
        const problem = outPathProblem(out);
        if (problem) throw new CliError(`无法写入诊断包: ${problem}`);
        const files = await collectDiagnostics(dataDir, now);
        let written: { kind: 'tar' | 'dir'; path: string };
        try {
          written = writeBundle(files, out, now);
        } catch (err) {
          throw new CliError(`无法写入诊断包 ${out}: ${(err as Error).message}`);
        }
        process.stdout.write(`诊断包已写入: ${written.path}（${files.length} 个文件${written.kind === 'tar' ? '，tar 格式' : ''}；不含个人信息）\n`);
      });
  },
};
