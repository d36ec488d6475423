/**
 * Offline maintenance of a data directory, for the CLI: `counter backup`, `counter restore`, `counter rekey`.
 * Restore and rekey replace the database file, so they refuse while the workstation (app.lock) or a
 * `counter sync` (the upload lease) holds it. Nothing they print is secret. Above the features: it opens
 * the app database with its whole schema and reads the outbox's upload lease.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openAppDatabase } from './app-schema';
import { fsyncDir, writeFileAtomic } from './store/atomic-write';
import { appLockMessage, liveAppLockHolder } from './store/app-lock';
import { appDatabasePath, prepareDataDir } from './store/app-database';
import { listBackups, localStamp, newestBackup, takeBackup, verifyBackupFile, type BackupInfo } from './store/backup';
import { keyCheckFile, opensWithKey, StoreError, writeKeyCheck } from './store/database';
import {
  dataDirKeySource,
  formatKeyText,
  generateMasterKey,
  KEY_ENV,
  keyFilePath,
  keySourceFromMaster,
  nextKeyFilePath,
  parseKeyText,
  type KeySource,
} from './store/key-source';
import { reencryptDatabase, reencryptTempFile } from './store/reencrypt';
import { processAlive } from './store/process-alive';

export class MaintenanceRefused extends Error {}

const LEASE_SETTING = 'outbox.uploadLease';

function refuseWhileInUse(dataDir: string, keys: KeySource, now: Date): void {
  const h = liveAppLockHolder(dataDir);
  if (h) throw new MaintenanceRefused(appLockMessage(h));
  const file = appDatabasePath(dataDir);
  if (!fs.existsSync(file) || !opensWithKey(file, keys.databaseKey())) return;
  // A `counter sync` holds the upload lease (a row in the database) while it sends.
  const db = openAppDatabase(dataDir, keys);
  try {
    const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(LEASE_SETTING) as { value: string } | undefined;
    if (!row) return;
    const lease = JSON.parse(row.value) as { pid?: number; role?: string; expiresAt?: string };
    if (lease.expiresAt && new Date(lease.expiresAt) > now && lease.pid !== undefined && processAlive(lease.pid)) {
      throw new MaintenanceRefused(`counter sync (进程 ${lease.pid}) 正在使用数据库，请等它结束后再试`);
    }
  } finally {
    db.close();
  }
}

/** `counter backup`: one backup now. */
export function backupNow(dataDir: string, now: Date, keys: KeySource = dataDirKeySource(dataDir)): BackupInfo {
  const db = openAppDatabase(dataDir, keys);
  try {
    return takeBackup(db, dataDir, keys.databaseKey(), now);
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  restored: string;
  /** Where the replaced database was kept (undefined when there was none). */
  keptAside?: string;
}

/**
 * `counter restore [FILE]`: FILE or the newest backup is verified with the key (a copy, so the backup
 * itself is never modified), the current database is renamed aside (counter.db.replaced-<stamp>, with its
 * -wal), and the copy takes its place. The result is opened like at start (migrations run).
 */
export function restoreBackup(dataDir: string, now: Date, file?: string, keys: KeySource = dataDirKeySource(dataDir)): RestoreResult {
  prepareDataDir(dataDir);
  const backup = file ? path.resolve(file) : newestBackup(dataDir)?.file;
  if (!backup) throw new MaintenanceRefused(`没有可用的备份 (${path.join(dataDir, 'backups')})`);
  if (!fs.existsSync(backup)) throw new MaintenanceRefused(`找不到备份文件 ${backup}`);
  const target = appDatabasePath(dataDir);
  refuseWhileInUseIfReadable(dataDir, keys, now);
  const key = keys.databaseKey();
  const tmp = reencryptTempFile(target);
  fs.rmSync(tmp, { force: true });
  fs.copyFileSync(backup, tmp);
  fs.chmodSync(tmp, 0o600);
  try {
    verifyBackupFile(tmp, key);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  let keptAside: string | undefined;
  if (fs.existsSync(target)) {
    keptAside = `${target}.replaced-${localStamp(now)}`;
    fs.renameSync(target, keptAside);
    if (fs.existsSync(`${target}-wal`)) fs.renameSync(`${target}-wal`, `${keptAside}-wal`);
    fs.rmSync(`${target}-shm`, { force: true });
    fs.rmSync(keyCheckFile(target), { force: true });
  }
  fs.renameSync(tmp, target);
  fsyncDir(dataDir);
  writeKeyCheck(target, key);
  openAppDatabase(dataDir, keys).close();
  return { restored: backup, keptAside };
}

/** A damaged database cannot be read for the lease; the app lock still applies. */
function refuseWhileInUseIfReadable(dataDir: string, keys: KeySource, now: Date): void {
  try {
    refuseWhileInUse(dataDir, keys, now);
  } catch (err) {
    if (err instanceof MaintenanceRefused) throw err;
    if (err instanceof StoreError && (err.code === 'corrupt' || err.code === 'wrong-key')) return;
    throw err;
  }
}

export interface RekeyResult {
  origin: KeySource['origin'];
  backupsReencrypted: number;
  /** Backups that could not be re-encrypted (left with the old key). */
  backupsSkipped: string[];
}

/**
 * `counter rekey`: a new random key (key-file mode) or COUNTER_DB_NEW_KEY (env mode). Order, so that a
 * crash anywhere leaves a database that opens: db.key.next is written first; the database is re-encrypted
 * to it (copy, verify, rename); only then db.key.next replaces db.key. An interrupted run is finished or
 * undone at the next open (finishInterruptedRekey). Backups are then re-encrypted one by one.
 */
export function rekeyDataDir(dataDir: string, now: Date, env: NodeJS.ProcessEnv = process.env): RekeyResult {
  prepareDataDir(dataDir);
  const old = dataDirKeySource(dataDir, env);
  refuseWhileInUse(dataDir, old, now);
  // The database must open (and migrate) with the old key before anything changes.
  openAppDatabase(dataDir, old).close();
  let next: Buffer;
  if (old.origin === 'env') {
    const text = env.COUNTER_DB_NEW_KEY;
    if (!text) {
      throw new MaintenanceRefused(`密钥来自环境变量 ${KEY_ENV}: 请把新密钥放入环境变量 COUNTER_DB_NEW_KEY (64 位十六进制) 后再运行`);
    }
    next = parseKeyText(text, '环境变量 COUNTER_DB_NEW_KEY');
  } else {
    next = generateMasterKey();
    writeFileAtomic(nextKeyFilePath(dataDir), formatKeyText(next), { what: '写入新的数据库密钥' });
  }
  if (next.equals(old.databaseKey())) throw new MaintenanceRefused('新密钥与当前密钥相同');
  const target = appDatabasePath(dataDir);
  reencryptDatabase(target, target, old.databaseKey(), next);
  if (old.origin !== 'env') {
    fs.renameSync(nextKeyFilePath(dataDir), keyFilePath(dataDir));
    fsyncDir(dataDir);
  }
  const result: RekeyResult = { origin: old.origin, backupsReencrypted: 0, backupsSkipped: [] };
  for (const b of listBackups(dataDir)) {
    try {
      reencryptDatabase(b.file, b.file, old.databaseKey(), next);
      result.backupsReencrypted++;
    } catch {
      result.backupsSkipped.push(b.file);
    }
  }
  // The new key opens the database (verified again the way the app opens it).
  openAppDatabase(dataDir, keySourceFromMaster(next, old.origin)).close();
  return result;
}
