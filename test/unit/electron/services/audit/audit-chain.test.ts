import Database from 'better-sqlite3-multiple-ciphers';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain, readChain } from '../../../../../electron/services/audit/audit-chain';
import { AuditLog } from '../../../../../electron/services/audit/audit-log';
import { applyKey } from '../../../../../electron/services/store/database';
import { dataDirKeySource } from '../../../../../electron/services/store/key-source';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import { appDatabasePath } from '../../../../../electron/services/store/app-database';
import { openDatabase } from '../../../../../electron/services/store/database';
import { appMigrations } from '../../../../../electron/services/app-schema';

const KEY = Buffer.alloc(32, 7);
const ROOT = path.resolve(__dirname, '../../../../..');
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-chain-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

let tick = 0;
const clock = () => new Date(Date.UTC(2026, 11, 2, 8, 0, tick++));

function withRows(n: number) {
  const dir = tempDir();
  const db = openAppDatabase(dir);
  const audit = new AuditLog(db, clock, KEY);
  for (let i = 0; i < n; i++) audit.record('op001', 'cases.history', { psnNo: `P${i}`, count: i }, { callerId: 'c1', transport: 'ipc' });
  return { dir, db, audit };
}

/** An attacker's raw connection: drops the append-only triggers first. */
function tamper(dir: string, sql: string[]) {
  // The attacker holds the key too (same OS user): the chain, not the encryption, must catch the edit.
  const raw = new Database(appDatabasePath(dir));
  applyKey(raw, dataDirKeySource(dir).databaseKey());
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete; DROP TRIGGER IF EXISTS audit_log_legacy_no_update; DROP TRIGGER IF EXISTS audit_log_legacy_no_delete; DROP TRIGGER IF EXISTS audit_log_legacy_no_insert;');
  for (const s of sql) raw.exec(s);
  raw.close();
}

describe('hash-chained audit log', () => {
  it('starts the chain with an anchor row and links every row to the one before with a keyed hash', () => {
    const { db } = withRows(3);
    const rows = readChain(db);
    expect(rows.map((r) => [r.seq, r.action])).toEqual([
      [1, 'audit.chain-start'],
      [2, 'cases.history'],
      [3, 'cases.history'],
      [4, 'cases.history'],
    ]);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(rows[1]).toMatchObject({ actor: 'op001', caller: 'c1', transport: 'ipc', detail: '{"count":0,"psnNo":"P0"}' });
    expect(rows[1].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(verifyAuditChain(db, KEY).problems).toEqual([]);
    db.close();
  });

  it('refuses UPDATE and DELETE through the triggers', () => {
    const { db } = withRows(1);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 2").run()).toThrow(/只能追加/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/只能追加/);
    expect(() => db.prepare("INSERT INTO audit_log_legacy (at, actor, action) VALUES ('2026-01-01', 'x', 'forged')").run()).toThrow(/只能追加/);
    db.close();
  });

  it('names an edited row', () => {
    const { dir, db } = withRows(5);
    db.close();
    tamper(dir, [`UPDATE audit_log SET detail = '{"count":2,"psnNo":"SOMEONE-ELSE"}' WHERE seq = 4`]);
    const again = openAppDatabase(dir);
    expect(verifyAuditChain(again, KEY).problems).toEqual([{ seq: 4, kind: 'edited', message: 'seq 4: 内容被修改 (哈希不符)' }]);
    again.close();
  });

  it('names a deleted row, also the very first one', () => {
    const { dir, db } = withRows(5);
    db.close();
    tamper(dir, ['DELETE FROM audit_log WHERE seq = 3', 'DELETE FROM audit_log WHERE seq = 1']);
    const again = openAppDatabase(dir);
    expect(verifyAuditChain(again, KEY).problems.map((p) => [p.seq, p.kind])).toEqual([
      [1, 'deleted'],
      [3, 'deleted'],
    ]);
    again.close();
  });

  it('names rows whose order was swapped', () => {
    const { dir, db } = withRows(5);
    db.close();
    tamper(dir, ['UPDATE audit_log SET seq = 100 WHERE seq = 3', 'UPDATE audit_log SET seq = 3 WHERE seq = 4', 'UPDATE audit_log SET seq = 4 WHERE seq = 100']);
    const again = openAppDatabase(dir);
    expect(verifyAuditChain(again, KEY).problems).toEqual([
      { seq: 3, kind: 'reordered', message: 'seq 3: 记录顺序被调换 (该条原为 seq 4)' },
      { seq: 4, kind: 'reordered', message: 'seq 4: 记录顺序被调换 (该条原为 seq 3)' },
    ]);
    again.close();
  });

  it('finds a rewritten row whose hash was recomputed without the key', () => {
    const { dir, db } = withRows(3);
    const other = new AuditLog(db, clock, Buffer.alloc(32, 9));
    expect(other.record('op001', 'x').seq).toBe(5);
    expect(verifyAuditChain(db, KEY).problems).toEqual([{ seq: 5, kind: 'edited', message: 'seq 5: 内容被修改 (哈希不符)' }]);
    db.close();
    void dir;
  });

  it('two connections writing in turn never fork the chain (seq and prev_hash are read in the write transaction)', () => {
    const dir = tempDir();
    const a = openAppDatabase(dir);
    const b = openAppDatabase(dir);
    const la = new AuditLog(a, clock, KEY);
    const lb = new AuditLog(b, clock, KEY);
    for (let i = 0; i < 5; i++) {
      la.record('app', 'a', { i });
      lb.record('cli', 'b', { i });
    }
    const rows = readChain(a);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(verifyAuditChain(a, KEY).problems).toEqual([]);
    a.close();
    b.close();
  });

  it('several processes appending at once leave one unbroken chain', async () => {
    const dir = tempDir();
    openAppDatabase(dir).close();
    const run = (who: string) =>
      new Promise<number | null>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/audit-writer-worker.ts', dir, KEY.toString('hex'), who, '60'], { cwd: ROOT, stdio: 'inherit' });
        child.on('error', reject);
        child.on('exit', resolve);
      });
    expect(await Promise.all([run('w1'), run('w2'), run('w3')])).toEqual([0, 0, 0]);
    const db = openAppDatabase(dir);
    const rows = readChain(db);
    expect(rows).toHaveLength(181);
    expect(rows.filter((r) => r.action === 'audit.chain-start')).toHaveLength(1);
    expect(verifyAuditChain(db, KEY)).toMatchObject({ rows: 181, lastSeq: 181, problems: [] });
    db.close();
  });

  it('keeps the rows of the old unchained table read-only and anchors them in the first chained row', () => {
    const dir = tempDir();
    const file = appDatabasePath(dir);
    const before = appMigrations.findIndex((m) => m.name === 'hash-chained append-only audit');
    const old = openDatabase(file, { migrations: appMigrations.slice(0, before) });
    old.prepare("INSERT INTO audit_log (at, actor, action, detail) VALUES ('2026-01-05T01:00:00.000Z', 'op001', 'person.lookup', '{\"psnNo\":\"P1\"}')").run();
    old.close();
    const db = openAppDatabase(dir);
    expect(db.prepare('SELECT actor, action FROM audit_log_legacy').all()).toEqual([{ actor: 'op001', action: 'person.lookup' }]);
    new AuditLog(db, clock, KEY).record('op001', 'cases.recent', { count: 0 });
    expect(JSON.parse(readChain(db)[0].detail!)).toMatchObject({ legacyRows: 1, legacySha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(verifyAuditChain(db, KEY).problems).toEqual([]);
    db.close();
    tamper(dir, ["UPDATE audit_log_legacy SET actor = 'op999'"]);
    const again = openAppDatabase(dir);
    expect(verifyAuditChain(again, KEY).problems.map((p) => p.kind)).toEqual(['legacy-changed']);
    again.close();
  });
});
