import type { Command } from 'commander';
import { auditCommand } from './audit';
import { backupCommand } from './backup';
import { calcCommand } from './calc';
import { devicesCommand } from './devices';
import { diagnoseCommand } from './diagnose';
import { lookupCommand } from './lookup';
import { operatorCommand } from './operator';
import { printTestCommand } from './print-test';
import { readIdCommand } from './read-id';
import { readSsCardCommand } from './read-sscard';
import { scanCommand } from './scan';
import { simulateCommand } from './simulate';
import { importCommand } from './import';
import { queueCommand } from './queue';
import { syncCommand } from './sync';
import { rekeyCommand } from './rekey';
import { restoreCommand } from './restore';

/** A CLI command module: adds its sub-command(s) to the program. */
export interface CommandModule {
  register(program: Command): void;
}

// One line per command module; keep alphabetical.
export const commandModules: CommandModule[] = [
  auditCommand,
  backupCommand,
  calcCommand,
  devicesCommand,
  diagnoseCommand,
  lookupCommand,
  operatorCommand,
  printTestCommand,
  readIdCommand,
  readSsCardCommand,
  scanCommand,
  simulateCommand,
  importCommand,
  queueCommand,
  syncCommand,
  rekeyCommand,
  restoreCommand,
];
