/**
 * A socat pty pair at fixed symlink paths, so a test can "unplug" a device (kill socat: the path vanishes)
 * and plug it back in at the same path, as a USB-serial adapter reappearing as the same /dev name.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const p of live) p.kill('SIGKILL');
});

export interface FixedPtyPair {
  device: string;
  host: string;
  close(): Promise<void>;
}

export async function ptyPairAt(device: string, host: string, timeoutMs = 5000): Promise<FixedPtyPair> {
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${host}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => (live.delete(child), resolve())));
  const deadline = Date.now() + timeoutMs;
  while (!(fs.existsSync(device) && fs.existsSync(host) && /starting data transfer loop/.test(stderr))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`socat did not start: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    device,
    host,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
