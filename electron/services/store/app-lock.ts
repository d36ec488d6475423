/**
 * <dataDir>/app.lock: the running workstation (Electron or browser mode) names itself here while it holds
 * the database, so `counter restore` and `counter rekey` refuse to swap the file under it. A lock whose
 * process is gone (a crash) does not count.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { processAlive } from './process-alive';

export const APP_LOCK_FILE = 'app.lock';

export interface AppLockHolder {
  pid: number;
  host: string;
  mode: string;
  startedAt: string;
}

function lockPath(dataDir: string): string {
  return path.join(dataDir, APP_LOCK_FILE);
}

/** Write our lock; returns release() (removes it only if it is still ours). */
export function takeAppLock(dataDir: string, mode: string, now: Date): () => void {
  const me: AppLockHolder = { pid: process.pid, host: os.hostname(), mode, startedAt: now.toISOString() };
  writeFileAtomic(lockPath(dataDir), JSON.stringify(me) + '\n', { what: '写入运行锁文件' });
  return () => {
    const h = readLock(dataDir);
    if (h && h.pid === me.pid && h.startedAt === me.startedAt) fs.rmSync(lockPath(dataDir), { force: true });
  };
}

function readLock(dataDir: string): AppLockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath(dataDir), 'utf8')) as AppLockHolder;
  } catch {
    return undefined;
  }
}

/** The workstation that holds the data directory now, if any (a dead pid on this host is ignored). */
export function liveAppLockHolder(dataDir: string, isAlive: (pid: number) => boolean = processAlive): AppLockHolder | undefined {
  const h = readLock(dataDir);
  if (!h || typeof h.pid !== 'number') return undefined;
  if (h.host === os.hostname() && !isAlive(h.pid)) return undefined;
  return h;
}

export function appLockMessage(h: AppLockHolder): string {
  return `工作站正在运行 (${h.mode} 模式，进程 ${h.pid}，${h.host}，自 ${h.startedAt} 起)，请先退出工作站`;
}
