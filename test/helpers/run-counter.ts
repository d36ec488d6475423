/** Runs the `counter` CLI as a child process (through tsx), with COUNTER_DB_KEY taken out of the inherited environment. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

export interface CounterRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCounter(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CounterRun> {
  const base = { ...process.env };
  delete base.COUNTER_DB_KEY;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/cli/main.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...base, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}
