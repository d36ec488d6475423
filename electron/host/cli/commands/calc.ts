/**
 * `counter calc [FILE] [--policy FILE]`: calculate one claim and print the result JSON.
 * The claim comes from FILE, or standard input when FILE is omitted or "-".
 */
import { readFileCapped, readStdinCapped } from '../bounded-input';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';
import { calculate, loadPolicyFile, parseClaimJson, samplePolicyPath } from '../../../services/policy';

/** A claim is a few KB; anything near this is not a claim. */
export const MAX_CLAIM_BYTES = 1024 * 1024;

async function readClaimText(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') {
    if (process.stdin.isTTY) throw new CliError('请指定理赔文件，或通过标准输入传入理赔 JSON');
    return readStdinCapped(MAX_CLAIM_BYTES, '理赔 JSON');
  }
  return readFileCapped(file, MAX_CLAIM_BYTES, '理赔文件');
}

export const calcCommand: CommandModule = {
  register(program) {
    program
      .command('calc [file]')
      .description('按政策计算一笔费用的报销结果（统筹、大病保险、医疗救助、个人负担），输出 JSON')
      .option('--policy <file>', '政策文件（默认为内置示例政策）')
      .action(async (file: string | undefined, opts: { policy?: string }) => {
        const policy = loadPolicyFile(opts.policy ?? samplePolicyPath());
        const claim = parseClaimJson(await readClaimText(file), policy);
        process.stdout.write(`${JSON.stringify(calculate(policy, claim), null, 2)}\n`);
      });
  },
};
