/**
 * `counter calc [FILE] [--policy FILE]`: calculate one claim and print the result JSON.
 * The claim comes from FILE, or standard input when FILE is omitted or "-".
 */
import { readFileSync } from 'node:fs';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';
import {
  ClaimRejectedError,
  PolicyFileError,
  calculate,
  loadPolicyFile,
  parseClaimJson,
  samplePolicyPath,
} from '../../../services/policy';

function readClaimText(file: string | undefined): string {
  if (file === undefined || file === '-') {
    if (process.stdin.isTTY) throw new CliError('请指定理赔文件，或通过标准输入传入理赔 JSON');
    return readFileSync(0, 'utf8');
  }
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`无法读取理赔文件 ${file}（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）`);
  }
}

export const calcCommand: CommandModule = {
  register(program) {
    program
      .command('calc [file]')
      .description('按政策计算一笔费用的报销结果（统筹、大病保险、医疗救助、个人负担），输出 JSON')
      .option('--policy <file>', '政策文件（默认为内置示例政策）')
      .action((file: string | undefined, opts: { policy?: string }) => {
        try {
          const policy = loadPolicyFile(opts.policy ?? samplePolicyPath());
          const claim = parseClaimJson(readClaimText(file), policy);
          process.stdout.write(`${JSON.stringify(calculate(policy, claim), null, 2)}\n`);
        } catch (err) {
          if (err instanceof ClaimRejectedError || err instanceof PolicyFileError) throw new CliError(err.message);
          throw err;
        }
      });
  },
};
