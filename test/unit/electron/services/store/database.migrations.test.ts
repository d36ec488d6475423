import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, StoreError, type VersionedMigration } from '../../../../../electron/services/store/database';
import { appMigrations } from '../../../../../electron/services/app-schema';
import { simulatorMigrations } from '../../../../../electron/services/platform/simulator/store';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-'));
  dirs.push(dir);
  return path.join(dir, 'test.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('SQLite store', () => {
  it('migrates the app schema up from an empty file and sets WAL + synchronous=FULL', () => {
    const file = tempFile();
    const db = openDatabase(file, { migrations: appMigrations });
    expect(schemaVersion(db)).toBe(appMigrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
    // Reopening runs nothing new and keeps the version.
    const again = openDatabase(file, { migrations: appMigrations });
    expect(schemaVersion(again)).toBe(appMigrations.length);
    again.close();
  });

  it('applies only the missing steps, in order', () => {
    const file = tempFile();
    const log: string[] = [];
    const steps: VersionedMigration[] = [
      { version: 1, name: 'a', up: (db) => (db.exec('CREATE TABLE a (x)'), log.push('a')) },
      { version: 2, name: 'b', up: (db) => (db.exec('CREATE TABLE b (x)'), log.push('b')) },
    ];
    openDatabase(file, { migrations: steps.slice(0, 1) }).close();
    const db = openDatabase(file, { migrations: steps });
    expect(log).toEqual(['a', 'b']);
    expect(schemaVersion(db)).toBe(2);
    db.close();
  });

  it('rolls back a failing migration and leaves the version unchanged', () => {
    const file = tempFile();
    const steps: VersionedMigration[] = [
      { version: 1, name: 'ok', up: (db) => db.exec('CREATE TABLE ok (x)') },
      { version: 2, name: 'broken', up: (db) => (db.exec('CREATE TABLE half (x)'), db.exec('NOT SQL')) },
    ];
    expect(() => openDatabase(file, { migrations: steps })).toThrow(/迁移 2 \(broken\) 失败/);
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    raw.close();
  });

  it('refuses a database newer than the code', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.pragma(`user_version = ${appMigrations.length + 5}`);
    raw.close();
    let err: unknown;
    try {
      openDatabase(file, { migrations: appMigrations });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('too-new');
    expect((err as Error).message).toMatch(/请升级程序/);
  });

  it('encrypts at rest with a key: unreadable without it, readable with it', () => {
    const file = tempFile();
    const db = openDatabase(file, { migrations: appMigrations, key: Buffer.alloc(32, 7) });
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('secret', '110105194912310021', 'now')").run();
    db.close();
    expect(fs.readFileSync(file).includes(Buffer.from('110105194912310021'))).toBe(false);
    expect(() => openDatabase(file, { migrations: appMigrations })).toThrow(/数据库文件损坏或不是数据库/);
    const again = openDatabase(file, { migrations: appMigrations, key: Buffer.alloc(32, 7) });
    expect(again.prepare("SELECT value FROM settings WHERE key = 'secret'").get()).toEqual({ value: '110105194912310021' });
    again.close();
  });

  it('reports a file that is not a database clearly', () => {
    const file = tempFile();
    fs.writeFileSync(file, Buffer.alloc(8192, 0x41));
    expect(() => openDatabase(file, { migrations: appMigrations })).toThrow(/数据库文件损坏或不是数据库/);
  });
});

describe('migration versions', () => {
  const step = (version: number, name = `v${version}`): VersionedMigration => ({ version, name, up: (db) => db.exec(`CREATE TABLE t${version} (x)`) });
  const refusal = (migrations: VersionedMigration[]): StoreError => {
    const file = tempFile();
    try {
      openDatabase(file, { migrations }).close();
    } catch (err) {
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('invalid-migrations');
      // Refused before anything is written: the file is still an empty, unversioned database.
      const raw = new Database(file);
      expect(raw.pragma('user_version', { simple: true })).toBe(0);
      raw.close();
      return err as StoreError;
    }
    throw new Error('expected the list to be refused');
  };

  it('gives every app and simulator step an explicit version 1, 2, 3 … in order', () => {
    expect(appMigrations.map((m) => m.version)).toEqual(appMigrations.map((_, i) => i + 1));
    expect(simulatorMigrations.map((m) => m.version)).toEqual([1, 2]);
  });

  it('refuses a list with a duplicate version', () => {
    expect(refusal([step(1), step(2, 'first'), step(2, 'second')]).message).toMatch(/迁移版本号 2 重复 \("second"\)/);
  });

  it('refuses a list out of order', () => {
    expect(refusal([step(2), step(1)]).message).toMatch(/须按升序排列/);
  });

  it('refuses a list with a gap or a version that is not a positive integer', () => {
    expect(refusal([step(1), step(3)]).message).toMatch(/缺少迁移版本 2/);
    expect(refusal([step(0)]).message).toMatch(/版本号 0 无效/);
    expect(refusal([step(1.5)]).message).toMatch(/版本号 1.5 无效/);
  });

  it('refuses a database written by a newer version, saying so in Chinese, and leaves it unchanged', () => {
    const file = tempFile();
    openDatabase(file, { migrations: [step(1), step(2), step(3)] }).close();
    let err: unknown;
    try {
      openDatabase(file, { migrations: [step(1), step(2)] });
    } catch (e) {
      err = e;
    }
    expect((err as StoreError).code).toBe('too-new');
    expect((err as Error).message).toMatch(/数据库由更新版本的程序写入 \(数据库版本 3，本程序只支持到版本 2/);
    expect((err as Error).message).toMatch(/请升级程序后再打开/);
    const raw = new Database(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    raw.close();
  });

  it('opens a database recorded by the old position-numbered code and applies only the newer steps', () => {
    // The old code recorded user_version = how many list entries had run, with no versions in the code:
    // replay the first steps the old way (plain up() + user_version = position), then open with the current list.
    const file = tempFile();
    const old = new Database(file);
    const upTo = appMigrations.findIndex((m) => m.name === 'hash-chained append-only audit');
    expect(upTo).toBeGreaterThan(0);
    appMigrations.slice(0, upTo).forEach((m, i) => {
      m.up(old);
      old.pragma(`user_version = ${i + 1}`);
    });
    old.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('kept', 'yes', 'then')").run();
    old.close();
    const db = openDatabase(file, { migrations: appMigrations });
    expect(schemaVersion(db)).toBe(appMigrations.length);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'kept'").get()).toEqual({ value: 'yes' });
    // The newer steps ran: the audit chain and the operators table exist now.
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'operators'").get()).toEqual({ name: 'operators' });
    db.close();
  });
});
