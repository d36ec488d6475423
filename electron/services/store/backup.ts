/**
 * Online backups of the app database into <dataDir>/backups/, encrypted like the source, the newest N kept.
 *
 * Why VACUUM INTO and not db.backup(): better-sqlite3's backup() opens the destination with no key, and
 * SQLite3MultipleCiphers refuses to copy an encrypted database into it ("backup is not supported with
 * incompatible source and target databases"); URI key parameters are not enabled in this build. VACUUM
 * INTO is SQLite's other online backup — one consistent read transaction of the live database, writers
 * carry on in WAL — and SQLite3MultipleCiphers writes its target with the source's cipher and key.
 * Each backup is written as *.partial, verified (opens with the key, integrity_check ok), fsynced and
 * only then renamed to counter-YYYYMMDD-HHMMSS.db, so a listed backup is always a complete one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, fsyncFile, isDiskFull, DiskFullError } from './atomic-write';
import { keyCheckFile, openExisting, StoreError, writeKeyCheck, type Db } from './database';
import { ensurePrivateDir } from './private-dir';

export const BACKUP_DIR = 'backups';
export const DEFAULT_KEEP = 7;
const NAME = /^counter-(\d{8})-(\d{6})\.db$/;

export interface BackupInfo {
  file: string;
  /** Local date and time it was taken, YYYYMMDD-HHMMSS. */
  stamp: string;
}

export function backupDir(dataDir: string): string {
  return path.join(dataDir, BACKUP_DIR);
}

/** Local time as YYYYMMDD-HHMMSS (the counter's calendar day decides "one backup a day"). */
export function localStamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getFullYear(), 4)}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Complete backups, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupDir(dataDir));
  } catch {
    return [];
  }
  return names
    .filter((n) => NAME.test(n))
    .sort()
    .reverse()
    .map((n) => ({ file: path.join(backupDir(dataDir), n), stamp: n.slice('counter-'.length, -'.db'.length) }));
}

export function newestBackup(dataDir: string): BackupInfo | undefined {
  return listBackups(dataDir)[0];
}

/** Take a backup now; keeps the newest `keep`. Throws StoreError('disk-full') when the disk is full (nothing half-written stays). */
export function takeBackup(db: Db, dataDir: string, key: Buffer, now: Date, keep = DEFAULT_KEEP): BackupInfo {
  const dir = ensurePrivateDir(backupDir(dataDir));
  let stamp = localStamp(now);
  let file = path.join(dir, `counter-${stamp}.db`);
  for (let i = 1; fs.existsSync(file); i++) {
    // Two backups in one second (a manual one right after the daily one): next free second.
    stamp = localStamp(new Date(now.getTime() + i * 1000));
    file = path.join(dir, `counter-${stamp}.db`);
  }
  const partial = `${file}.partial`;
  try {
    fs.rmSync(partial, { force: true });
    fs.closeSync(fs.openSync(partial, 'wx', 0o600)); // VACUUM INTO accepts an empty file; it keeps our mode
    db.prepare('VACUUM INTO ?').run(partial);
    verifyBackupFile(partial, key);
    fsyncFile(partial);
    fs.renameSync(partial, file);
    writeKeyCheck(file, key);
    fsyncDir(dir);
  } catch (err) {
    for (const f of [partial, `${partial}-journal`]) fs.rmSync(f, { force: true });
    if (!(err instanceof StoreError) && isDiskFull(err)) throw new StoreError(new DiskFullError('写入数据库备份').message, 'disk-full');
    throw err;
  }
  pruneBackups(dataDir, keep);
  return { file, stamp };
}

/** A backup is usable when it opens with key and passes integrity_check; leaves it in DELETE journal mode. */
export function verifyBackupFile(file: string, key: Buffer): void {
  let db: Db | undefined;
  try {
    db = openExisting(file, key);
    db.pragma('journal_mode = DELETE');
    const ok = String(db.pragma('integrity_check', { simple: true }));
    if (ok !== 'ok') throw new StoreError(`备份文件校验失败 (${file}): ${ok.split('\n')[0]}`, 'corrupt');
  } catch (err) {
    if (err instanceof StoreError) throw err;
    if ((err as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new StoreError(`备份文件 ${file} 无法用当前密钥解密 (密钥不正确或文件不是本工作站的备份)`, 'wrong-key');
    }
    throw err;
  } finally {
    db?.close();
  }
}

export function pruneBackups(dataDir: string, keep: number): void {
  for (const b of listBackups(dataDir).slice(keep)) {
    fs.rmSync(b.file, { force: true });
    fs.rmSync(keyCheckFile(b.file), { force: true });
  }
}

export interface DailyBackups {
  /** Take today's backup if there is none yet (what the timer does every hour). */
  check(): void;
  stop(): void;
  /** The last failure, if the last attempt failed (shown by diagnostics; the desk keeps working). */
  lastError(): Error | undefined;
}

/**
 * One backup per local calendar day: one now if none is from today, then a check every hour while the app
 * runs. The timer is unref'd (never keeps the process alive) and stopped by stop().
 */
export function startDailyBackups(o: {
  db: Db;
  dataDir: string;
  key: Buffer;
  clock: () => Date;
  keep?: number;
  checkEveryMs?: number;
  onError?: (err: Error) => void;
}): DailyBackups {
  let last: Error | undefined;
  const tick = () => {
    const today = localStamp(o.clock()).slice(0, 8);
    if (listBackups(o.dataDir).some((b) => b.stamp.startsWith(today))) return;
    try {
      takeBackup(o.db, o.dataDir, o.key, o.clock(), o.keep ?? DEFAULT_KEEP);
      last = undefined;
    } catch (err) {
      last = err as Error;
      o.onError?.(last);
    }
  };
  tick();
  const timer = setInterval(tick, o.checkEveryMs ?? 60 * 60 * 1000);
  timer.unref();
  return { check: tick, stop: () => clearInterval(timer), lastError: () => last };
}
