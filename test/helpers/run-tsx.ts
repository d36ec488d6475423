/** Runs a TypeScript entry point (the `counter` CLI, a test helper) as a real child process and collects its output. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runTsx(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `counter <args>` from the source tree. */
export const counter = (args: string[]): Promise<RunResult> => runTsx(['electron/host/cli/main.ts', ...args]);
