/**
 * Backups, restore and rekey for real: cases accepted through the app, `counter backup`, the database
 * damaged or deleted, `counter restore`, the cases back; `counter rekey` re-encrypts without printing a key.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../../../electron/host/default-devices';
import { call } from '../../../../../../electron/host/dispatch';
import { appDatabasePath } from '../../../../../../electron/services/store/app-database';
import { opensWithKey } from '../../../../../../electron/services/store/database';
import { acceptSampleSpecialDisease } from '../../../../../helpers/case-fixtures';
import { runCounter as counter } from '../../../../../helpers/run-counter';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
function dataDirFor(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

const start = (dataDir: string) => createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });

async function caseNos(app: App): Promise<string[]> {
  return (await call(app.handlers, 'cases.recent', {})).map((c) => c.caseNo).sort();
}

/** Starts the app on dataDir and expects exactly these cases in it. */
async function expectCases(dataDir: string, expected: string[]): Promise<void> {
  const app = await start(dataDir);
  try {
    expect(await caseNos(app)).toEqual(expected);
  } finally {
    await app.close();
  }
}

describe('counter backup / restore', () => {
  it('brings back the cases after the database is damaged, then after it is deleted', async () => {
    const dataDir = dataDirFor('restore-');
    const app = await start(dataDir);
    const accepted = [await acceptSampleSpecialDisease(app)];
    const before = await caseNos(app);
    expect(before).toEqual(accepted);

    // While the app holds the database, restore refuses and changes nothing.
    const busy = await counter(['restore', '--data', dataDir]);
    expect(busy.code).toBe(1);
    expect(busy.stderr).toMatch(/错误: 未恢复: 工作站正在运行/);
    await app.close();

    const b = await counter(['backup', '--data', dataDir]);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    const backupFile = /已备份: (.+)/.exec(b.stdout)![1];
    expect(fs.existsSync(backupFile)).toBe(true);

    // Damage the database: the app refuses it, naming the backup and the restore command.
    const db = appDatabasePath(dataDir);
    const size = fs.statSync(db).size;
    const fd = fs.openSync(db, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xee), 0, 4096, Math.floor(size / 8192) * 4096);
    fs.closeSync(fd);
    const refused = await counter(['queue', '--data', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/数据库文件已损坏，已拒绝打开/);
    expect(refused.stderr).toContain(backupFile);
    expect(refused.stderr).toContain(`counter restore --data "${dataDir}"`);

    const r = await counter(['restore', '--data', dataDir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`已从备份恢复: ${backupFile}`);
    const aside = /原数据库已保留为: (.+)/.exec(r.stdout)![1];
    expect(fs.existsSync(aside)).toBe(true);
    await expectCases(dataDir, before);

    // Deleted outright: restore from the named file.
    for (const f of fs.readdirSync(dataDir)) if (f.startsWith('counter.db')) fs.rmSync(path.join(dataDir, f), { recursive: true });
    const r2 = await counter(['restore', backupFile, '--data', dataDir]);
    expect(r2.code).toBe(0);
    expect(r2.stdout).not.toContain('原数据库已保留为');
    await expectCases(dataDir, before);
  }, 120_000);

  it('refuses a backup that does not open with the key, leaving the database as it was', async () => {
    const dataDir = dataDirFor('restore-key-');
    const other = dataDirFor('restore-other-');
    await (await start(other)).close();
    const foreign = /已备份: (.+)/.exec((await counter(['backup', '--data', other])).stdout)![1];
    const app = await start(dataDir);
    await app.close();
    const before = fs.readFileSync(appDatabasePath(dataDir));
    const r = await counter(['restore', foreign, '--data', dataDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/未恢复: 备份文件 .* 无法用当前密钥解密/);
    expect(fs.readFileSync(appDatabasePath(dataDir)).equals(before)).toBe(true);
  }, 60_000);
});

describe('counter rekey', () => {
  it('re-encrypts the database and its backups with a new key file, prints no key, and the old key no longer opens it', async () => {
    const dataDir = dataDirFor('rekey-');
    const app = await start(dataDir);
    const before = [await acceptSampleSpecialDisease(app)];
    await app.close();
    const oldKey = fs.readFileSync(path.join(dataDir, 'db.key'), 'utf8').trim();
    const r = await counter(['rekey', '--data', dataDir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const newKey = fs.readFileSync(path.join(dataDir, 'db.key'), 'utf8').trim();
    expect(newKey).toMatch(/^[0-9a-f]{64}$/);
    expect(newKey).not.toBe(oldKey);
    expect(r.stdout).not.toContain(oldKey);
    expect(r.stdout).not.toContain(newKey);
    expect(r.stdout).toMatch(/已重新加密备份 1 份/);
    expect(fs.existsSync(path.join(dataDir, 'db.key.next'))).toBe(false);
    expect(opensWithKey(appDatabasePath(dataDir), Buffer.from(oldKey, 'hex'))).toBe(false);
    expect(opensWithKey(appDatabasePath(dataDir), Buffer.from(newKey, 'hex'))).toBe(true);
    const backups = fs.readdirSync(path.join(dataDir, 'backups')).filter((n) => n.endsWith('.db'));
    for (const n of backups) expect(opensWithKey(path.join(dataDir, 'backups', n), Buffer.from(newKey, 'hex'))).toBe(true);
    await expectCases(dataDir, before);
  }, 60_000);

  it('with COUNTER_DB_KEY asks for COUNTER_DB_NEW_KEY, then re-encrypts to it', async () => {
    const dataDir = dataDirFor('rekey-env-');
    const oldKey = '1f'.repeat(32);
    const newKey = '2e'.repeat(32);
    const q = await counter(['queue', '--data', dataDir], { env: { COUNTER_DB_KEY: oldKey } });
    expect(q.code).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'db.key'))).toBe(false);
    const refused = await counter(['rekey', '--data', dataDir], { env: { COUNTER_DB_KEY: oldKey } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/COUNTER_DB_NEW_KEY/);
    const r = await counter(['rekey', '--data', dataDir], { env: { COUNTER_DB_KEY: oldKey, COUNTER_DB_NEW_KEY: newKey } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/请把环境变量 COUNTER_DB_KEY 改为 COUNTER_DB_NEW_KEY 的值/);
    expect(r.stdout).not.toContain(newKey);
    const wrong = await counter(['queue', '--data', dataDir], { env: { COUNTER_DB_KEY: oldKey } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/密钥不正确/);
    expect(wrong.stderr).not.toMatch(/损坏/);
    expect((await counter(['queue', '--data', dataDir], { env: { COUNTER_DB_KEY: newKey } })).code).toBe(0);
  }, 60_000);
});
