#!/usr/bin/env node
/**
 * The `counter` command line: `npm run -s counter -- <command>`.
 * Each command lives in ./commands/<name>.ts and registers itself on the program; a command only throws,
 * and this runner turns what it threw into one `错误: …` line and an exit code through the one error table
 * (../error-mapping), the same table `dispatch` answers with.
 */
import { Command } from 'commander';
import { boundaryError, knownError } from '../error-mapping';
import { logText } from '../log';
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
    const code = (err as { code?: string; exitCode?: number } | null)?.code;
    if (typeof code === 'string' && code.startsWith('commander.')) {
      // commander has already printed its own message (usage, unknown option, missing argument).
      if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
      return (err as { exitCode?: number }).exitCode ?? 2;
    }
    const failure = boundaryError(err);
    process.stderr.write(`错误: ${logText(failure.message)}\n`);
    // Not in the table: a bug. The terminal is this command's log, so the detail follows, redacted.
    if (!knownError(err)) process.stderr.write(`${logText('详情:', err)}\n`);
    return failure.exitCode;
  }
}

if (require.main === module || process.argv[1]?.endsWith('cli/main.ts')) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
