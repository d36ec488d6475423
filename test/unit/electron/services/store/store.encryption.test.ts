/** The app database at rest: always encrypted, plain files migrated, a wrong key told apart from damage. Real files throughout. */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import { appDatabasePath } from '../../../../../electron/services/store/app-database';
import { takeBackup } from '../../../../../electron/services/store/backup';
import { keyCheckFile, openDatabase, opensWithKey, StoreError } from '../../../../../electron/services/store/database';
import { dataDirKeySource, keySourceFromMaster } from '../../../../../electron/services/store/key-source';
import { appMigrations } from '../../../../../electron/services/app-schema';
import { reencryptTempFile } from '../../../../../electron/services/store/reencrypt';
import { useTempDirs } from '../../../../helpers/temp-dirs';

const tempDir = useTempDirs('enc-');

const ID = '110105194912310021';
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function addPeople(db: Database.Database, n: number): void {
  const ins = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < n; i++) ins.run(`person.${i}`, `${ID} 张三 糖尿病 13800000000 #${i}`, 'now');
  })();
}

/** A plain (unencrypted) app database with n people, as an older version left it. */
function plainAppDatabase(n: number): { dir: string; file: string } {
  const dir = tempDir();
  const file = appDatabasePath(dir);
  const plain = openDatabase(file, { migrations: appMigrations });
  addPeople(plain, n);
  plain.close();
  return { dir, file };
}

function openError(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(StoreError);
    return e as StoreError;
  }
  throw new Error('expected the open to fail');
}

/** Flip bytes at an offset of a file. */
function damage(file: string, offset: number, length = 16): void {
  const fd = fs.openSync(file, 'r+');
  const buf = Buffer.alloc(length);
  fs.readSync(fd, buf, 0, length, offset);
  for (let i = 0; i < length; i++) buf[i] ^= 0xff;
  fs.writeSync(fd, buf, 0, length, offset);
  fs.closeSync(fd);
}

describe('the app database is encrypted in every mode', () => {
  it('openAppDatabase with the data directory key writes no name, ID number or diagnosis in clear (db and WAL)', () => {
    const dir = tempDir();
    const db = openAppDatabase(dir, dataDirKeySource(dir, {}));
    addPeople(db, 50);
    const files = ['counter.db', 'counter.db-wal'].map((f) => fs.readFileSync(path.join(dir, f)));
    db.close();
    for (const bytes of [...files, fs.readFileSync(path.join(dir, 'counter.db'))]) {
      expect(bytes.includes(Buffer.from(ID))).toBe(false);
      expect(bytes.includes(Buffer.from('糖尿病'))).toBe(false);
    }
    expect(fs.readFileSync(path.join(dir, 'counter.db')).subarray(0, 16).equals(PLAIN_HEADER)).toBe(false);
    // Not readable as a plain SQLite file, readable with the key.
    const raw = new Database(path.join(dir, 'counter.db'));
    expect(() => raw.prepare('SELECT * FROM settings').all()).toThrow(/not a database/);
    raw.close();
    const again = openAppDatabase(dir, dataDirKeySource(dir, {}));
    expect(again.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'person.%'").get()).toEqual({ n: 50 });
    again.close();
  });

  it('migrates an existing plain database with rows to encrypted at open, keeping every row', () => {
    const { dir, file } = plainAppDatabase(300);
    expect(fs.readFileSync(file).includes(Buffer.from(ID))).toBe(true);

    const db = openAppDatabase(dir, dataDirKeySource(dir, {}));
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'person.%'").get()).toEqual({ n: 300 });
    expect(db.prepare("SELECT value FROM settings WHERE key = 'person.299'").get()).toEqual({ value: `${ID} 张三 糖尿病 13800000000 #299` });
    db.close();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 16).equals(PLAIN_HEADER)).toBe(false);
    expect(bytes.includes(Buffer.from(ID))).toBe(false);
    expect(fs.existsSync(reencryptTempFile(file))).toBe(false);
    expect(fs.existsSync(keyCheckFile(file))).toBe(true);
  });

  it('a migration interrupted before its rename lost nothing: the plain file is intact and the next open finishes it', () => {
    const { dir, file } = plainAppDatabase(20);
    // What a crash mid-way leaves: a half-written temp copy beside the untouched original.
    fs.writeFileSync(reencryptTempFile(file), Buffer.alloc(5000, 0x17));
    const db = openAppDatabase(dir, dataDirKeySource(dir, {}));
    expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'person.%'").get()).toEqual({ n: 20 });
    db.close();
    expect(fs.existsSync(reencryptTempFile(file))).toBe(false);
  });

  it('re-encrypts a database of an older Electron version (hex key used as a passphrase) to the raw key', () => {
    const dir = tempDir();
    const hex = 'd4'.repeat(32);
    const old = new Database(appDatabasePath(dir));
    old.pragma(`key = '${hex}'`);
    old.exec("CREATE TABLE legacy (x); INSERT INTO legacy VALUES ('kept')");
    old.close();
    const keys = keySourceFromMaster(Buffer.from(hex, 'hex'), 'safe-storage');
    const db = openAppDatabase(dir, keys, { legacyPassphrase: hex });
    expect(db.prepare('SELECT x FROM legacy').get()).toEqual({ x: 'kept' });
    db.close();
    expect(opensWithKey(appDatabasePath(dir), keys.databaseKey())).toBe(true);
  });
});

describe('a wrong key is not a damaged file', () => {
  it('another key → wrong-key, "密钥不正确", never "损坏"', () => {
    const dir = tempDir();
    openAppDatabase(dir, dataDirKeySource(dir, {})).close();
    const err = openError(() => openAppDatabase(dir, keySourceFromMaster(Buffer.alloc(32, 9), 'env')));
    expect(err.code).toBe('wrong-key');
    expect(err.message).toMatch(/密钥不正确/);
    expect(err.message).toMatch(/COUNTER_DB_KEY/);
    expect(err.message).not.toMatch(/损坏/);
  });

  it('another key is still wrong-key when the key check value file is gone (page 1 does not decrypt)', () => {
    const dir = tempDir();
    openAppDatabase(dir, dataDirKeySource(dir, {})).close();
    fs.rmSync(keyCheckFile(appDatabasePath(dir)));
    const err = openError(() => openAppDatabase(dir, keySourceFromMaster(Buffer.alloc(32, 9), 'env')));
    expect(err.code).toBe('wrong-key');
    expect(err.message).not.toMatch(/损坏/);
  });

  it('flipped bytes in a data page → corrupt, refused, naming the newest backup and `counter restore`', () => {
    const dir = tempDir();
    const keys = dataDirKeySource(dir, {});
    const db = openAppDatabase(dir, keys);
    addPeople(db, 2000);
    const backup = takeBackup(db, dir, keys.databaseKey(), new Date(2026, 2, 5, 9, 30, 0));
    db.close();
    const file = appDatabasePath(dir);
    const size = fs.statSync(file).size;
    damage(file, Math.floor(size / 4096 / 2) * 4096 + 200);
    const err = openError(() => openAppDatabase(dir, keys));
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/已损坏，已拒绝打开/);
    expect(err.message).toContain(backup.file);
    expect(err.message).toMatch(/counter restore --data/);
    expect(err.message).not.toMatch(/密钥不正确/);
  });

  it('flipped bytes in page 1 with the right key → corrupt (the key check value says the key is right)', () => {
    const dir = tempDir();
    const keys = dataDirKeySource(dir, {});
    const db = openAppDatabase(dir, keys);
    addPeople(db, 10);
    db.close();
    damage(appDatabasePath(dir), 100);
    const err = openError(() => openAppDatabase(dir, keys));
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/没有找到备份/);
    // The same damaged file with another key is still a wrong key.
    expect(openError(() => openAppDatabase(dir, keySourceFromMaster(Buffer.alloc(32, 1), 'env'))).code).toBe('wrong-key');
  });
});
