#!/usr/bin/env node
/**
 * The `counter` command line: `npm run -s counter -- <command>`.
 * Each command lives in ./commands/<name>.ts and registers itself on the program.
 */
import { Command } from 'commander';
import { logText } from '../log';
import { DISK_FULL, isDiskFull } from '../../services/store/atomic-write';
import { CliError } from './cli-error';
import { commandModules } from './commands';

export function buildProgram(): Command {
  const program = new Command('counter')
    .description('医保综合柜员工作站 命令行: 设备诊断、读卡、计算、查询、上报')
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  program.command('help [command]').description('显示帮助').action((name?: string) => {
    const sub = name ? program.commands.find((c) => c.name() === name) : undefined;
    if (name && !sub) throw new CliError(`未知命令: ${name}`);
    (sub ?? program).outputHelp();
  });
  program.addHelpCommand(false);
  for (const mod of commandModules) mod.register(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`错误: ${logText(err.message)}\n`);
      return err.exitCode;
    }
    const code = (err as { code?: string; exitCode?: number }).code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
      return (err as { exitCode?: number }).exitCode ?? 2;
    }
    if (isDiskFull(err) && !(err as Error).message.includes(DISK_FULL)) {
      // SQLITE_FULL / ENOSPC from deep inside a command: the transaction rolled back, nothing was written.
      process.stderr.write(`错误: ${DISK_FULL}，操作未完成 (没有写入任何内容)。请清理磁盘后重试。\n`);
      return 1;
    }
    process.stderr.write(`错误: ${logText((err as Error).message ?? String(err))}\n`);
    return 1;
  }
}

if (require.main === module || process.argv[1]?.endsWith('cli/main.ts')) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
