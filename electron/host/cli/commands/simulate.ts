/**
 * `counter simulate <kind>`: runs a device simulator until Ctrl-C. Kinds come from native/simulators
 * (registerSimulatorKind), so colleagues add theirs there without touching this file.
 */
import readline from 'node:readline';
import { Command } from 'commander';
import { registerSimulatorKind, simulatorKind, simulatorKinds, type SimulatorKind } from '../../../../native/simulators';
import { platformSimulatorKind } from '../../../services/platform/simulator/simulator-kind';
import { CliError } from '../cli-error';
import type { CommandModule } from './index';

async function runKind(kind: SimulatorKind, options: Record<string, unknown>): Promise<void> {
  let running;
  try {
    running = await kind.start(options);
  } catch (err) {
    throw new CliError(`模拟器启动失败: ${(err as Error).message}`);
  }
  const sim = running;
  for (const line of sim.info) process.stdout.write(`${line}\n`);
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  rl.on('line', async (line) => {
    try {
      const answer = await sim.onInput?.(line.trim());
      if (answer) process.stdout.write(`${answer}\n`);
    } catch (err) {
      process.stderr.write(`错误: ${(err as Error).message}\n`);
    }
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  rl.close();
  await sim.close();
  process.stdout.write('模拟器已停止\n');
}

// The platform simulator lives with the platform services (not under native/), so it registers here.
if (!simulatorKind(platformSimulatorKind.name)) registerSimulatorKind(platformSimulatorKind);

export const simulateCommand: CommandModule = {
  register(program) {
    const simulate = program.command('simulate').description('运行设备模拟器（直到 Ctrl-C）');
    for (const kind of simulatorKinds()) {
      const sub = new Command(kind.name).description(kind.description);
      for (const o of kind.options ?? []) sub.option(o.flags, o.description, o.defaultValue as string | boolean | undefined);
      sub.action((opts: Record<string, unknown>) => runKind(kind, opts));
      simulate.addCommand(sub);
    }
  },
};
