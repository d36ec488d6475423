import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import { takeBackup } from '../../../../../electron/services/store/backup';
import { dataDirKeySource } from '../../../../../electron/services/store/key-source';
import { userOnlyAclCommand, windowsUser } from '../../../../../electron/services/store/private-dir';
import { ReceiptFolder } from '../../../../../electron/services/printing/receipt-folder';
import { loadConfig } from '../../../../../electron/host/config';
import { useTempDirs } from '../../../../helpers/temp-dirs';

const tempDir = useTempDirs('priv-');
const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe.skipIf(process.platform === 'win32')('data directory permissions (POSIX)', () => {
  it('creates the data directory 0700 and every file in it 0600: db, -wal, -shm, key, key check, config, backups', () => {
    const dir = path.join(tempDir(), 'data');
    loadConfig(dir);
    const keys = dataDirKeySource(dir, {});
    const db = openAppDatabase(dir, keys);
    db.prepare("INSERT INTO settings VALUES ('a', 'b', 'c')").run();
    takeBackup(db, dir, keys.databaseKey(), new Date());
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'backups'))).toBe(0o700);
    const files = [...fs.readdirSync(dir).map((n) => path.join(dir, n)), ...fs.readdirSync(path.join(dir, 'backups')).map((n) => path.join(dir, 'backups', n))];
    const plainFiles = files.filter((f) => fs.statSync(f).isFile());
    expect(plainFiles.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['counter.db', 'counter.db-wal', 'counter.db-shm', 'db.key', 'config.json', 'counter.db.keycheck']));
    for (const f of plainFiles) expect([path.basename(f), mode(f)]).toEqual([path.basename(f), 0o600]);
    db.close();
  });

  it('tightens a 0755 data directory and 0644 files an older version left, at open', () => {
    const dir = tempDir();
    openAppDatabase(dir, dataDirKeySource(dir, {})).close();
    loadConfig(dir);
    fs.mkdirSync(path.join(dir, 'receipts'));
    fs.writeFileSync(path.join(dir, 'receipts', 'old.pdf'), 'pdf');
    fs.chmodSync(dir, 0o755);
    for (const f of ['counter.db', 'config.json', 'db.key', 'receipts/old.pdf']) fs.chmodSync(path.join(dir, f), 0o644);
    fs.chmodSync(path.join(dir, 'receipts'), 0o755);
    openAppDatabase(dir, dataDirKeySource(dir, {})).close();
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'receipts'))).toBe(0o700);
    for (const f of ['counter.db', 'config.json', 'db.key', 'receipts/old.pdf']) expect([f, mode(path.join(dir, f))]).toEqual([f, 0o600]);
  });
});

describe('Windows user-only ACL', () => {
  it('builds the icacls command: inheritance removed, full control for the user only, inherited by files and folders', () => {
    expect(userOnlyAclCommand('C:\\Users\\clerk\\AppData\\Roaming\\counter-workstation', 'COUNTER-PC\\clerk')).toEqual({
      file: 'icacls',
      args: ['C:\\Users\\clerk\\AppData\\Roaming\\counter-workstation', '/inheritance:r', '/grant:r', 'COUNTER-PC\\clerk:(OI)(CI)F', '/T', '/Q'],
    });
  });

  it('names the user as DOMAIN\\name, and refuses an empty or injected user name', () => {
    expect(windowsUser({ USERDOMAIN: 'HALL', USERNAME: 'clerk' })).toBe('HALL\\clerk');
    expect(windowsUser({ USERNAME: 'clerk' })).toBe('clerk');
    expect(() => userOnlyAclCommand('C:\\d', '')).toThrow(/不能为该用户名设置权限/);
    expect(() => userOnlyAclCommand('C:\\d', 'a" /grant Everyone:F "')).toThrow(/不能为该用户名设置权限/);
  });
});

describe('receipt PDFs', () => {
  it('are written only into a 0700 folder as 0600 files, and anything older than a day is purged', () => {
    const dir = tempDir();
    let now = new Date('2026-03-05T10:00:00Z');
    const folder = new ReceiptFolder(dir, () => now);
    const file = folder.prepare('99010000120260305001');
    fs.writeFileSync(file, '%PDF', { mode: 0o644 }); // what a PDF renderer does
    folder.seal(file);
    if (process.platform !== 'win32') {
      expect(mode(folder.dir)).toBe(0o700);
      expect(mode(file)).toBe(0o600);
    }
    const old = path.join(folder.dir, 'yesterday.pdf');
    fs.writeFileSync(old, '%PDF');
    fs.utimesSync(old, new Date('2026-03-04T09:00:00Z'), new Date('2026-03-04T09:00:00Z'));
    fs.utimesSync(file, now, now);
    expect(folder.purge()).toBe(1);
    expect(fs.readdirSync(folder.dir)).toEqual([path.basename(file)]);
    now = new Date('2026-03-06T10:00:01Z');
    folder.prepare('next'); // purges before each new PDF
    expect(fs.readdirSync(folder.dir)).toEqual([]);
  });
});
