import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, StoreError, type Migration } from '../../../../../electron/services/store/database';
import { appMigrations } from '../../../../../electron/services/store/migrations';

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
    const steps: Migration[] = [
      { name: 'a', up: (db) => (db.exec('CREATE TABLE a (x)'), log.push('a')) },
      { name: 'b', up: (db) => (db.exec('CREATE TABLE b (x)'), log.push('b')) },
    ];
    openDatabase(file, { migrations: steps.slice(0, 1) }).close();
    const db = openDatabase(file, { migrations: steps });
    expect(log).toEqual(['a', 'b']);
    expect(schemaVersion(db)).toBe(2);
    db.close();
  });

  it('rolls back a failing migration and leaves the version unchanged', () => {
    const file = tempFile();
    const steps: Migration[] = [
      { name: 'ok', up: (db) => db.exec('CREATE TABLE ok (x)') },
      { name: 'broken', up: (db) => (db.exec('CREATE TABLE half (x)'), db.exec('NOT SQL')) },
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
