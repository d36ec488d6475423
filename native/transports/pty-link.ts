/**
 * A connected pair of serial pseudo-terminals made by socat, for running device simulators with the
 * same SerialTransport as real hardware. The socat process dies on close() and at process exit.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PtyLink {
  /** The end a simulator opens. */
  devicePath: string;
  /** The end the application opens. */
  hostPath: string;
  /** True while socat runs. */
  readonly alive: boolean;
  /** Kills socat (both ends see the link vanish, like an unplugged cable). */
  close(): Promise<void>;
}

let socatChecked: boolean | undefined;

export function socatAvailable(): boolean {
  if (socatChecked === undefined) {
    if (process.platform === 'win32') socatChecked = false;
    else {
      const r = spawnSync('socat', ['-V'], { stdio: 'ignore' });
      socatChecked = r.status === 0;
    }
  }
  return socatChecked;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const p of live) p.kill('SIGKILL');
  });
}

export async function createPtyLink(options: { prefix?: string; timeoutMs?: number } = {}): Promise<PtyLink> {
  const { prefix = 'counter-pty-', timeoutMs = 5000 } = options;
  if (!socatAvailable()) throw new Error('未安装 socat，无法创建虚拟串口');
  installExitHook();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const devicePath = path.join(dir, 'device');
  const hostPath = path.join(dir, 'host');
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${hostPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    if (stderr.length < 8192) stderr += d.toString();
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      live.delete(child);
      fs.rmSync(dir, { recursive: true, force: true });
      resolve();
    }),
  );
  const deadline = Date.now() + timeoutMs;
  while (!(fs.existsSync(devicePath) && fs.existsSync(hostPath) && /starting data transfer loop/.test(stderr))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`socat 未能创建虚拟串口: ${stderr.trim() || '未知原因'}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    devicePath,
    hostPath,
    get alive() {
      return child.exitCode === null && child.signalCode === null;
    },
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
