/**
 * Where the app database lives inside a data directory, and the one way to open it: encrypted, with the
 * data directory's key (COUNTER_DB_KEY or <dataDir>/db.key, or the Electron shell's safeStorage key).
 * There is no plain path: a plain counter.db from an older version is re-encrypted in place at the first
 * open (./reencrypt.ts: copy, rekey, verify, rename — a crash loses nothing). The schema is the caller's:
 * the app's list joins the features' migrations, so it lives above them (../app-schema.ts, whose
 * openAppDatabase the CLI, browser mode, the Electron shell and the tests all use).
 */
import fs from 'node:fs';
import path from 'node:path';
import { removeStaleTempFiles } from './atomic-write';
import { newestBackup, BACKUP_DIR } from './backup';
import { openDatabase, opensWithKey, type Db, type VersionedMigration } from './database';
import { dataDirKeySource, isPlainSqliteFile, KEY_ENV, keyFilePath, type KeySource } from './key-source';
import { APP_DATABASE_FILE } from './data-dir';
import { securePrivateDataDir } from './private-dir';
import { reencryptDatabase, removeReencryptLeftovers } from './reencrypt';

/** Sub-folders of the data directory that hold personal data; kept 0700 with 0600 files. */
export const PRIVATE_SUBDIRS = [BACKUP_DIR, 'receipts'] as const;

export function appDatabasePath(dataDir: string): string {
  return path.join(dataDir, APP_DATABASE_FILE);
}

export interface OpenAppDatabaseOptions {
  /**
   * The older Electron shell passed its hex key as a passphrase; give it here to re-encrypt such a
   * database to the raw key (same bytes) at the first open.
   */
  legacyPassphrase?: string;
}

/** The data directory made user-only, leftovers of interrupted writes removed. Called before anything is written. */
export function prepareDataDir(dataDir: string): void {
  securePrivateDataDir(dataDir, PRIVATE_SUBDIRS);
  removeStaleTempFiles(dataDir);
  removeReencryptLeftovers(appDatabasePath(dataDir));
}

export function openDataDirDatabase(dataDir: string, migrations: readonly VersionedMigration[], keys?: KeySource, opts: OpenAppDatabaseOptions = {}): Db {
  prepareDataDir(dataDir);
  const source = keys ?? dataDirKeySource(dataDir);
  const key = source.databaseKey();
  const file = appDatabasePath(dataDir);
  if (isPlainSqliteFile(file)) reencryptDatabase(file, file, null, key);
  else if (opts.legacyPassphrase && fileHasData(file) && !opensWithKey(file, key) && opensWithKey(file, { passphrase: opts.legacyPassphrase })) {
    reencryptDatabase(file, file, { passphrase: opts.legacyPassphrase }, key);
  }
  return openDatabase(file, {
    migrations,
    key,
    wrongKeyHint: wrongKeyHint(dataDir, source),
    corruptHint: () => corruptHint(dataDir),
  });
}

function fileHasData(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

function wrongKeyHint(dataDir: string, keys: KeySource): string {
  switch (keys.origin) {
    case 'env':
      return `当前密钥来自环境变量 ${KEY_ENV}，请确认它与加密该数据库时的密钥一致。`;
    case 'key-file':
      return `当前密钥来自密钥文件 ${keyFilePath(dataDir)}，该文件可能被替换；请放回原来的密钥文件或设置环境变量 ${KEY_ENV}。`;
    case 'safe-storage':
      return '当前密钥由系统钥匙串保管，可能钥匙串已更换；如有原密钥，可通过环境变量 ' + KEY_ENV + ' 提供。';
  }
}

/** The newest backup and the command to restore it, for the "database damaged" message. */
export function corruptHint(dataDir: string): string {
  const b = newestBackup(dataDir);
  const data = ` --data "${dataDir}"`;
  if (!b) return `没有找到备份 (${path.join(dataDir, BACKUP_DIR)})。请联系技术支持；不要删除该文件。`;
  return `最新的备份是 ${b.file} (${b.stamp})。退出工作站后运行: counter restore${data} 恢复该备份 (当前文件会保留在旁边)。`;
}
