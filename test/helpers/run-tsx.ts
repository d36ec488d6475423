/**
 * Runs a TypeScript entry point (the `counter` CLI, a test helper) as a real child process and collects its
 * output. COUNTER_DB_KEY is taken out of the inherited environment unless `env` sets it, so a test's data
 * directory always uses its own key file.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string;
}

export function runTsx(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const base = { ...process.env };
  delete base.COUNTER_DB_KEY;
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'], env: { ...base, ...opts.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? '');
  });
}

/** `counter <args>` from the source tree. */
export const counter = (args: string[], opts: RunOptions = {}): Promise<RunResult> => runTsx(['electron/host/cli/main.ts', ...args], opts);
