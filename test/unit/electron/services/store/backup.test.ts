import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import { listBackups, startDailyBackups, takeBackup } from '../../../../../electron/services/store/backup';
import { opensWithKey } from '../../../../../electron/services/store/database';
import { dataDirKeySource } from '../../../../../electron/services/store/key-source';
import { useTempDirs } from '../../../../helpers/temp-dirs';

const tempDir = useTempDirs('backup-');
const ID = '110105194912310021';

function appDb() {
  const dir = tempDir();
  const keys = dataDirKeySource(dir, {});
  const db = openAppDatabase(dir, keys);
  db.prepare("INSERT INTO settings VALUES ('person', ?, 'now')").run(`${ID} 张三`);
  return { dir, keys, db, key: keys.databaseKey() };
}

describe('online backups', () => {
  it('are encrypted like the source: no ID number in clear, open only with the key', () => {
    const { dir, db, key } = appDb();
    const b = takeBackup(db, dir, key, new Date(2026, 2, 5, 9, 30, 0));
    db.close();
    expect(path.basename(b.file)).toBe('counter-20260305-093000.db');
    expect(fs.readFileSync(b.file).includes(Buffer.from(ID))).toBe(false);
    expect(opensWithKey(b.file, undefined)).toBe(false);
    expect(opensWithKey(b.file, Buffer.alloc(32, 3))).toBe(false);
    const copy = new Database(b.file, { readonly: true });
    copy.pragma("cipher = 'chacha20'");
    copy.pragma(`key = "x'${key.toString('hex')}'"`);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'person'").get()).toEqual({ value: `${ID} 张三` });
    copy.close();
    expect(fs.readdirSync(path.dirname(b.file)).some((n) => n.endsWith('.partial'))).toBe(false);
  });

  it('cannot use db.backup(): SQLite3MultipleCiphers refuses to copy an encrypted database into an unkeyed file (why VACUUM INTO)', async () => {
    const { dir, db } = appDb();
    await expect(db.backup(path.join(dir, 'plain-copy.db'))).rejects.toThrow(/incompatible source and target/);
    db.close();
  });

  it('keeps only the newest N', () => {
    const { dir, db, key } = appDb();
    for (let day = 1; day <= 9; day++) takeBackup(db, dir, key, new Date(2026, 2, day, 8, 0, 0), 7);
    db.close();
    expect(listBackups(dir).map((b) => b.stamp)).toEqual(['20260309-080000', '20260308-080000', '20260307-080000', '20260306-080000', '20260305-080000', '20260304-080000', '20260303-080000']);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.db'))).toHaveLength(7);
  });

  it('take one at start when there is none from today, none more that day, and one the next day', () => {
    const { dir, db, key } = appDb();
    let now = new Date(2026, 2, 5, 8, 0, 0);
    const daily = startDailyBackups({ db, dataDir: dir, key, clock: () => now });
    try {
      expect(listBackups(dir)).toHaveLength(1);
      now = new Date(2026, 2, 5, 17, 0, 0);
      daily.check();
      expect(listBackups(dir)).toHaveLength(1);
      now = new Date(2026, 2, 6, 0, 30, 0);
      daily.check();
      expect(listBackups(dir).map((b) => b.stamp)).toEqual(['20260306-003000', '20260305-080000']);
      expect(daily.lastError()).toBeUndefined();
    } finally {
      daily.stop();
      db.close();
    }
  });

  it('a failing backup is reported and leaves the database usable (the desk keeps working)', () => {
    const { dir, db, key } = appDb();
    fs.writeFileSync(path.join(dir, 'backups'), 'not a folder'); // nowhere to write the backup
    const errors: Error[] = [];
    const daily = startDailyBackups({ db, dataDir: dir, key, clock: () => new Date(2026, 2, 5, 9, 30, 0), onError: (e) => errors.push(e) });
    daily.stop();
    expect(errors).toHaveLength(1);
    expect(daily.lastError()).toBe(errors[0]);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'person'").get()).toEqual({ value: `${ID} 张三` });
    db.close();
  });
});
