/**
 * Starts browser mode for real (`tsx electron/host/web-main.ts --port 0`) in a fresh data directory and
 * returns the one-time launch URL it printed (`http://127.0.0.1:PORT/#launch=SECRET`); `launchUrl()` reads a
 * fresh unused one from the data directory's launch file. The child is killed on stop() and at process exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WebHost {
  /** The launch URL printed at start: opens the desk once. */
  url: string;
  /** The page without any credential (`http://127.0.0.1:PORT/`). */
  pageUrl: string;
  /** The current unused launch URL, from <data>/browser-launch.url (a new one after each use). */
  launchUrl(): string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** `prepare` runs on the fresh data directory before the host starts (e.g. seeding operators). */
export async function startWebHost(extraArgs: string[] = [], timeoutMs = 30_000, prepare?: (dataDir: string) => Promise<void>): Promise<WebHost> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-web-'));
  await prepare?.(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/web-main.ts', '--port', '0', '--data', dataDir, ...extraArgs], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /请在浏览器中打开: (http:\/\/127\.0\.0\.1:\d+\/#launch=[\w-]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    pageUrl: new URL('/', url).href,
    launchUrl: () => fs.readFileSync(path.join(dataDir, 'browser-launch.url'), 'utf8').trim(),
    dataDir,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          children.delete(child);
          fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
