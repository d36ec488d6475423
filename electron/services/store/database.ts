/**
 * SQLite store: WAL, synchronous=FULL, ordered migrations on PRAGMA user_version, encryption at rest.
 *
 * Cipher: ChaCha20-Poly1305 (sqleet, SQLite3MultipleCiphers' default), chosen on purpose: every page carries
 * a Poly1305 tag, so an edited or damaged page is refused rather than read; it is fast in software on counter
 * PCs without AES-NI; and it is what the Electron shell already used, so its databases keep opening. The key
 * is a raw 256-bit key (`x'…'`), not a passphrase: it is random already, so no KDF runs at every open.
 * SQLite3MultipleCiphers cannot rekey a database in WAL mode ("Rekeying is not supported in WAL journal
 * mode"), so re-encryption works on a copy (./reencrypt.ts), never on the live file.
 *
 * A wrong key and a damaged file both fail as SQLITE_NOTADB; they are told apart by a key check value
 * kept beside the database (<file>.keycheck: HMAC of the key, reveals nothing of it) and by whether page 1
 * decrypts. A wrong key is `wrong-key` ("密钥不正确"), a damaged file `corrupt`.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DISK_FULL, isDiskFull, writeFileAtomic } from './atomic-write';

export type Db = Database.Database;

/** One step of the schema; its position in the list (1-based) is the user_version it produces. */
export interface Migration {
  name: string;
  up(db: Db): void;
}

export type StoreErrorCode = 'too-new' | 'corrupt' | 'open-failed' | 'migration-failed' | 'wrong-key' | 'disk-full';

export class StoreError extends Error {
  constructor(message: string, readonly code: StoreErrorCode) {
    super(message);
    this.name = 'StoreError';
  }
}

export const CIPHER = 'chacha20';

export interface OpenOptions {
  migrations: readonly Migration[];
  /** 32-byte raw key for encryption at rest; undefined = plain file (only simulators and in-memory stores). */
  key?: DbKey;
  readonly?: boolean;
  /** Appended to a wrong-key message: where the key came from and what to do. */
  wrongKeyHint?: string;
  /** Appended to a corrupt-file message: e.g. the newest backup and the restore command. */
  corruptHint?: () => string;
}

export function applyPragmas(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * A database key: 32 raw bytes, or (only to read databases of older Electron versions, which passed their
 * hex key as a passphrase) { passphrase }.
 */
export type DbKey = Buffer | { passphrase: string };

/** Set the cipher and key on a fresh connection, before its first read. */
export function applyKey(db: Db, key: DbKey): void {
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`key = ${keyLiteral(key)}`);
}

/** The PRAGMA key/rekey argument for a key. */
export function keyLiteral(key: DbKey): string {
  if (Buffer.isBuffer(key)) {
    if (key.length !== 32) throw new StoreError('数据库密钥长度应为 32 字节', 'wrong-key');
    return `"x'${key.toString('hex')}'"`;
  }
  return `'${key.passphrase.replace(/'/g, "''")}'`;
}

/** An existing database file opened with key (none: plain), no pragmas, no migration. */
export function openExisting(file: string, key: DbKey | null | undefined): Db {
  const db = new Database(file, { fileMustExist: true });
  if (key) applyKey(db, key);
  return db;
}

/** Does file open and read with key? (No migration, nothing written.) */
export function opensWithKey(file: string, key: DbKey | undefined): boolean {
  let db: Db | undefined;
  try {
    db = openExisting(file, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

export function keyCheckFile(file: string): string {
  return `${file}.keycheck`;
}

/** Non-secret fingerprint of a key: HMAC-SHA256(key, label), first 16 bytes. */
export function keyCheckValue(key: DbKey): string {
  const k = Buffer.isBuffer(key) ? key : Buffer.from(`passphrase:${key.passphrase}`, 'utf8');
  return crypto.createHmac('sha256', k).update('counter-db-key-check').digest('hex').slice(0, 32);
}

export function writeKeyCheck(file: string, key: DbKey): void {
  writeFileAtomic(keyCheckFile(file), `${keyCheckValue(key)}\n`, { what: '写入密钥校验值' });
}

function readKeyCheck(file: string): string | undefined {
  try {
    return fs.readFileSync(keyCheckFile(file), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export function openDatabase(file: string, opts: OpenOptions): Db {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // Created user-only: SQLite gives -wal and -shm the main file's mode.
    if (!opts.readonly) fs.closeSync(fs.openSync(file, 'a', 0o600));
  }
  let db: Db;
  try {
    db = new Database(file, { readonly: opts.readonly === true, fileMustExist: opts.readonly === true });
  } catch (err) {
    throw new StoreError(`无法打开数据库 ${file}: ${(err as Error).message}`, 'open-failed');
  }
  try {
    if (opts.key) applyKey(db, opts.key);
    checkIntegrity(db, file, opts);
    if (!opts.readonly) {
      applyPragmas(db);
      migrate(db, opts.migrations, file);
      if (opts.key && readKeyCheck(file) !== keyCheckValue(opts.key)) writeKeyCheck(file, opts.key);
    }
    return db;
  } catch (err) {
    db.close();
    if (!(err instanceof StoreError) && isDiskFull(err)) {
      throw new StoreError(`${DISK_FULL}，无法打开数据库 ${file}。请清理磁盘后重试；数据库未被改动。`, 'disk-full');
    }
    throw err;
  }
}

function checkIntegrity(db: Db, file: string, opts: OpenOptions): void {
  // Page 1 decrypts (and is a b-tree page) only with the right key — unless page 1 itself is damaged.
  let page1 = true;
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    page1 = false;
  }
  let result: string;
  try {
    result = String(db.pragma('quick_check', { simple: true }));
  } catch (err) {
    throw classifyFailure(file, opts, page1, (err as Error).message);
  }
  if (result !== 'ok') throw corrupt(file, opts, `完整性检查失败: ${result.split('\n').slice(0, 3).join('; ')}`);
}

function classifyFailure(file: string, opts: OpenOptions, page1: boolean, detail: string): StoreError {
  if (!opts.key) return new StoreError(`数据库文件损坏或不是数据库 (${file}): ${detail}`, 'corrupt');
  const stored = readKeyCheck(file);
  const keyMatches = stored !== undefined ? stored === keyCheckValue(opts.key) : page1;
  if (!keyMatches) {
    return new StoreError(`数据库密钥不正确，无法解密 ${file}。${opts.wrongKeyHint ?? ''}`.trim(), 'wrong-key');
  }
  return corrupt(file, opts, detail);
}

function corrupt(file: string, opts: OpenOptions, detail: string): StoreError {
  const hint = opts.corruptHint?.() ?? '';
  return new StoreError(`数据库文件已损坏，已拒绝打开 (${file}): ${detail}。${hint}`.trim(), 'corrupt');
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
      if (isDiskFull(err)) throw err;
      throw new StoreError(`数据库迁移 ${v + 1} (${m.name}) 失败: ${(err as Error).message}`, 'migration-failed');
    }
  }
}
