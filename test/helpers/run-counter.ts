/** Runs the real `counter` CLI (tsx electron/host/cli/main.ts) with `stdin` piped in; resolves with its exit code and output. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface CounterRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCounter(args: string[], stdin = ''): Promise<CounterRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['electron/host/cli/main.ts', ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
