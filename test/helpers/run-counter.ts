/**
 * Runs the real `counter` CLI (tsx electron/host/cli/main.ts) as a child process, with `stdin` piped in and
 * COUNTER_DB_KEY taken out of the inherited environment unless `env` sets it; resolves with exit code and output.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface CounterRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CounterOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string;
}

export function runCounter(args: string[], opts: CounterOptions = {}): Promise<CounterRun> {
  const base = { ...process.env };
  delete base.COUNTER_DB_KEY;
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['electron/host/cli/main.ts', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...base, ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}
