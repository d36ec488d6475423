/**
 * SQLite store: WAL, synchronous=FULL, ordered migrations on PRAGMA user_version.
 * better-sqlite3-multiple-ciphers is a drop-in better-sqlite3 that can encrypt at rest later.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/** One step of the schema; its position in the list (1-based) is the user_version it produces. */
export interface Migration {
  name: string;
  up(db: Db): void;
}

export class StoreError extends Error {
  constructor(message: string, readonly code: 'too-new' | 'corrupt' | 'open-failed' | 'migration-failed') {
    super(message);
    this.name = 'StoreError';
  }
}

export interface OpenOptions {
  migrations: readonly Migration[];
  /** Hex or passphrase key for encryption at rest (SQLCipher); undefined = plain file. */
  key?: string;
  readonly?: boolean;
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export function openDatabase(file: string, opts: OpenOptions): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (err) {
    throw new StoreError(`无法打开数据库 ${file}: ${(err as Error).message}`, 'open-failed');
  }
  try {
    if (opts.key) db.pragma(`key = '${opts.key.replace(/'/g, "''")}'`);
    checkIntegrity(db, file);
    applyPragmas(db);
    migrate(db, opts.migrations, file);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function checkIntegrity(db: Db, file: string): void {
  let result: string;
  try {
    result = String(db.pragma('quick_check', { simple: true }));
  } catch (err) {
    throw new StoreError(`数据库文件损坏或不是数据库 (${file}): ${(err as Error).message}`, 'corrupt');
  }
  if (result !== 'ok') throw new StoreError(`数据库完整性检查失败 (${file}): ${result}`, 'corrupt');
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function migrate(db: Db, migrations: readonly Migration[], file = ''): void {
  const current = schemaVersion(db);
  if (current > migrations.length) {
    throw new StoreError(
      `数据库版本 ${current} 比本程序支持的版本 ${migrations.length} 新 (${file})，请升级程序后再打开`,
      'too-new',
    );
  }
  for (let v = current; v < migrations.length; v++) {
    const m = migrations[v];
    const step = db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${v + 1}`);
    });
    try {
      step();
    } catch (err) {
      throw new StoreError(`数据库迁移 ${v + 1} (${m.name}) 失败: ${(err as Error).message}`, 'migration-failed');
    }
  }
}
