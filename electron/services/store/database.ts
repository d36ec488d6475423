/**
 * SQLite store: WAL, synchronous=FULL, versioned migrations on PRAGMA user_version (checked at open),
 * encryption at rest.
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

/** One step of a schema: what it does. The list that places it in a schema gives it its version. */
export interface Migration {
  name: string;
  up(db: Db): void;
}

/**
 * A step at its place in a schema. PRAGMA user_version records the highest version applied; versions run
 * 1, 2, 3 … without gaps, so version N is the N-th step (what databases written before versions were
 * explicit recorded too).
 */
export interface VersionedMigration extends Migration {
  version: number;
}

export type StoreErrorCode = 'too-new' | 'invalid-migrations' | 'corrupt' | 'open-failed' | 'migration-failed' | 'wrong-key' | 'disk-full';

export class StoreError extends Error {
  constructor(message: string, readonly code: StoreErrorCode) {
    super(message);
    this.name = 'StoreError';
  }
}

export const CIPHER = 'chacha20';

export interface OpenOptions {
  migrations: readonly VersionedMigration[];
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
  // A broken list is refused before the file is touched.
  checkMigrations(opts.migrations);
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

/** Versions must be 1, 2, 3 … in order: a duplicate, a step out of order or a gap is a mistake in the code. */
export function checkMigrations(migrations: readonly VersionedMigration[]): void {
  const seen = new Set<number>();
  migrations.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1) {
      throw new StoreError(`迁移 "${m.name}" 的版本号 ${m.version} 无效：须为从 1 开始的整数`, 'invalid-migrations');
    }
    if (seen.has(m.version)) throw new StoreError(`迁移版本号 ${m.version} 重复 ("${m.name}")`, 'invalid-migrations');
    seen.add(m.version);
    if (i > 0 && m.version < migrations[i - 1].version) {
      throw new StoreError(`迁移版本号须按升序排列："${m.name}" (${m.version}) 排在版本 ${migrations[i - 1].version} 之后`, 'invalid-migrations');
    }
  });
  const gap = migrations.findIndex((m, i) => m.version !== i + 1);
  if (gap >= 0) {
    throw new StoreError(`缺少迁移版本 ${gap + 1}："${migrations[gap].name}" 的版本号是 ${migrations[gap].version}`, 'invalid-migrations');
  }
}

export function migrate(db: Db, migrations: readonly VersionedMigration[], file = ''): void {
  checkMigrations(migrations);
  const current = schemaVersion(db);
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  if (current > latest) {
    throw new StoreError(
      `数据库由更新版本的程序写入 (数据库版本 ${current}，本程序只支持到版本 ${latest}，${file})，请升级程序后再打开；数据库未被改动`,
      'too-new',
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    const step = db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    });
    try {
      step();
    } catch (err) {
      if (isDiskFull(err)) throw err;
      throw new StoreError(`数据库迁移 ${m.version} (${m.name}) 失败: ${(err as Error).message}`, 'migration-failed');
    }
  }
}
