/**
 * Where the database key comes from outside Electron (browser mode, the CLI, tests) — and the keys derived
 * from it. One 256-bit master key per data directory:
 *   1. the environment variable COUNTER_DB_KEY: exactly 64 hex digits (32 random bytes), e.g. from
 *      `openssl rand -hex 32`, set by a protected service unit or secret store; or else
 *   2. the key file <dataDir>/db.key: the same 64 hex digits and a newline, created at first start with
 *      crypto.randomBytes(32), mode 0600, written atomically.
 * The Electron shell supplies the master key from safeStorage instead (electron/main/key-provider.ts).
 * Derived keys are separate (HKDF-SHA256 with a label), so the audit chain's key reveals nothing of the
 * database key and vice versa.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, writeFileAtomic, type AtomicFs } from './atomic-write';
import { APP_DATABASE_FILE } from './data-dir';
import { opensWithKey, StoreError } from './database';

export const KEY_ENV = 'COUNTER_DB_KEY';
export const KEY_FILE = 'db.key';
/** The Electron shell's safeStorage-wrapped key in its userData (see electron/main/key-provider.ts). */
export const ELECTRON_KEY_FILE = 'db-key.bin';
export const KEY_BYTES = 32;

export type KeyOrigin = 'env' | 'key-file' | 'safe-storage';

export interface KeySource {
  readonly origin: KeyOrigin;
  /** The 32-byte master key that encrypts the database (and its backups). */
  databaseKey(): Buffer;
  /** HKDF-SHA256(master, label 'counter-audit-chain'): the audit chain's keyed hashes. */
  auditKey(): Buffer;
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE);
}

/** The next key while `counter rekey` runs; becomes db.key once the database is re-encrypted. */
export function nextKeyFilePath(dataDir: string): string {
  return path.join(dataDir, `${KEY_FILE}.next`);
}

/**
 * Finish or undo a `counter rekey` that was interrupted: if the database already opens with the next
 * key, the swap happened and db.key.next becomes db.key; otherwise the old key still holds and the next
 * one is dropped. Either way exactly one key file opens the database afterwards.
 */
export function finishInterruptedRekey(dataDir: string): void {
  const next = nextKeyFilePath(dataDir);
  if (!fs.existsSync(next)) return;
  let nextKey: Buffer | undefined;
  try {
    nextKey = parseKeyText(fs.readFileSync(next, 'utf8'), next);
  } catch {
    nextKey = undefined;
  }
  if (nextKey && opensWithKey(path.join(dataDir, APP_DATABASE_FILE), nextKey)) {
    fs.renameSync(next, keyFilePath(dataDir));
    fsyncDir(dataDir);
  } else {
    fs.rmSync(next, { force: true });
  }
}

/** HKDF-SHA256 of the master key for one purpose; different labels give independent keys. */
export function deriveKey(master: Buffer, label: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), Buffer.from(label, 'utf8'), KEY_BYTES));
}

export function keySourceFromMaster(master: Buffer, origin: KeyOrigin): KeySource {
  if (master.length !== KEY_BYTES) throw new StoreError(`数据库密钥长度应为 ${KEY_BYTES} 字节`, 'wrong-key');
  const key = Buffer.from(master);
  const audit = deriveKey(key, 'counter-audit-chain');
  return { origin, databaseKey: () => Buffer.from(key), auditKey: () => Buffer.from(audit) };
}

/** 64 hex digits (surrounding whitespace ignored) → 32 bytes; anything else is refused, naming where it came from. */
export function parseKeyText(text: string, where: string): Buffer {
  const t = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(t)) {
    throw new StoreError(`${where} 格式不正确: 应为 64 位十六进制数字 (32 字节随机数，可用 openssl rand -hex 32 生成)`, 'wrong-key');
  }
  return Buffer.from(t, 'hex');
}

export function formatKeyText(key: Buffer): string {
  return `${key.toString('hex')}\n`;
}

export function generateMasterKey(): Buffer {
  return crypto.randomBytes(KEY_BYTES);
}

/**
 * The key for a data directory outside Electron: COUNTER_DB_KEY, else <dataDir>/db.key (created when the
 * directory has no encrypted database yet). A directory whose database is encrypted but whose key is
 * missing is refused — a fresh key would only make it unreadable.
 */
export function dataDirKeySource(dataDir: string, env: NodeJS.ProcessEnv = process.env, opts: { fs?: AtomicFs } = {}): KeySource {
  const fromEnv = env[KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return keySourceFromMaster(parseKeyText(fromEnv, `环境变量 ${KEY_ENV}`), 'env');
  finishInterruptedRekey(dataDir);
  const file = keyFilePath(dataDir);
  if (fs.existsSync(file)) return keySourceFromMaster(parseKeyText(fs.readFileSync(file, 'utf8'), `密钥文件 ${file}`), 'key-file');
  if (hasEncryptedDatabase(dataDir)) {
    const electron = fs.existsSync(path.join(dataDir, ELECTRON_KEY_FILE))
      ? '该目录属于桌面版工作站，密钥由系统钥匙串保管；命令行访问请把密钥放入环境变量 ' + KEY_ENV
      : `请把原来的密钥文件放回 ${file}，或设置环境变量 ${KEY_ENV}`;
    throw new StoreError(`数据库已加密，但找不到密钥 (${file})。${electron}`, 'wrong-key');
  }
  const key = generateMasterKey();
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // Two processes starting together on a fresh directory (the app and `counter sync`) must agree on one key.
  if (!writeFileAtomic(file, formatKeyText(key), { mode: 0o600, what: '写入数据库密钥文件', fs: opts.fs, createOnly: true })) {
    return keySourceFromMaster(parseKeyText(fs.readFileSync(file, 'utf8'), `密钥文件 ${file}`), 'key-file');
  }
  return keySourceFromMaster(key, 'key-file');
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The first 16 bytes of a plain SQLite file; an encrypted file starts with random salt instead. */
export function isPlainSqliteFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    return n === 16 && head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

function hasEncryptedDatabase(dataDir: string): boolean {
  const db = path.join(dataDir, APP_DATABASE_FILE);
  try {
    return fs.statSync(db).size > 0 && !isPlainSqliteFile(db);
  } catch {
    return false;
  }
}
