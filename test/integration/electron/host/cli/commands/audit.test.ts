/** `counter audit verify / export` and the CLI's own audit rows, run as real child processes on real database files. */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChain } from '../../../../../../electron/services/audit/audit-chain';
import { AuditLog } from '../../../../../../electron/services/audit/audit-log';
import { auditKeyOf } from '../../../../../../electron/services/audit/audit-key';
import { applyKey } from '../../../../../../electron/services/store/database';
import { dataDirKeySource } from '../../../../../../electron/services/store/key-source';
import { openAppDatabase } from '../../../../../../electron/services/app-schema';
import { appDatabasePath } from '../../../../../../electron/services/store/app-database';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../../../electron/services/platform/simulator';
import { specialDiseaseFixtures } from '../../../../../helpers/outbox-fixtures';
import { counter } from '../../../../../helpers/run-tsx';

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-cli-'));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A data dir with 8 chained rows, one per hour on 2026-03-01 and 2026-03-02 (CST). */
function seeded(): string {
  const dir = path.join(root, `d${n++}`);
  const db = openAppDatabase(dir);
  let hour = 0;
  const audit = new AuditLog(db, () => new Date(Date.UTC(2026, 1, 28, 20 + hour++ * 6)), auditKeyOf(db));
  for (let i = 0; i < 7; i++) audit.record('op001', 'cases.history', { psnNo: `P${i}`, count: 1 }, { callerId: 'c1', transport: 'ipc' });
  db.close();
  return dir;
}

/** An attacker with a raw connection: drops the triggers, then edits. */
function tamper(dir: string, ...sql: string[]): void {
  // The attacker holds the key too (same OS user): the chain, not the encryption, must catch the edit.
  const raw = new Database(appDatabasePath(dir));
  applyKey(raw, dataDirKeySource(dir).databaseKey());
  raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  for (const s of sql) raw.exec(s);
  raw.close();
}

// Each test runs the real CLI several times (a tsx start each): seconds apiece on a loaded machine.
describe('counter audit verify', { timeout: 90_000 }, () => {
  it('exits 0 with a one-line summary when the chain is intact', async () => {
    const dir = seeded();
    const r = await counter(['audit', 'verify', '--data', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^审计链完整: 共 8 条 \(seq 1–8，末条哈希 [0-9a-f]{16}…\)\n$/);
  });

  it('names an edited row', async () => {
    const dir = seeded();
    tamper(dir, `UPDATE audit_log SET actor = 'op999' WHERE seq = 5`);
    const r = await counter(['audit', 'verify', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('seq 5: 内容被修改 (哈希不符)\n错误: 审计链校验失败: 1 处问题\n');
  });

  it('names a deleted row', async () => {
    const dir = seeded();
    tamper(dir, 'DELETE FROM audit_log WHERE seq = 4');
    const r = await counter(['audit', 'verify', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('seq 4 缺失: 该条记录已被删除');
  });

  it('names reordered rows', async () => {
    const dir = seeded();
    tamper(dir, 'UPDATE audit_log SET seq = 100 WHERE seq = 6', 'UPDATE audit_log SET seq = 6 WHERE seq = 7', 'UPDATE audit_log SET seq = 7 WHERE seq = 100');
    const r = await counter(['audit', 'verify', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('seq 6: 记录顺序被调换 (该条原为 seq 7)');
    expect(r.stderr).toContain('seq 7: 记录顺序被调换 (该条原为 seq 6)');
  });

  it('refuses a data directory without a database in Chinese', async () => {
    const r = await counter(['audit', 'verify', '--data', path.join(root, 'nothing-here')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误: 数据目录 .* 中没有工作站数据库/);
    expect(fs.existsSync(path.join(root, 'nothing-here'))).toBe(false);
  });
});

// Each test runs the real CLI several times (a tsx start each): seconds apiece on a loaded machine.
describe('counter audit export', { timeout: 90_000 }, () => {
  it('exports the rows of the days asked for as JSON Lines whose chain verifies, and audits the export', async () => {
    const dir = seeded();
    const out = path.join(dir, 'excerpt.jsonl');
    const r = await counter(['audit', 'export', '--from', '2026-03-02', '--to', '2026-03-02', '--out', out, '--data', dir, '--operator', 'insp01']);
    expect(r.code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // Rows are 6 h apart from 2026-03-01 04:00 CST (seq 1 and 2); 2026-03-02 CST holds seq 6 (04:00), 7 (10:00), 8 (16:00).
    expect(lines[0]).toMatchObject({ type: 'audit-excerpt', from: '2026-03-02', to: '2026-03-02', fromUtc: '2026-03-01T16:00:00.000Z', rows: 3, firstSeq: 6, lastSeq: 8 });
    expect(lines.slice(1).map((l) => l.seq)).toEqual([6, 7, 8]);
    expect(lines[2].prev_hash).toBe(lines[1].hash);
    expect(Object.keys(lines[1])).toEqual(['seq', 'at', 'actor', 'caller', 'transport', 'action', 'detail', 'prev_hash', 'hash']);

    const ok = await counter(['audit', 'verify', '--excerpt', out, '--data', dir]);
    expect(ok.stdout).toMatch(/^审计摘录完整: 共 3 条 \(seq 6–8/);
    expect(ok.code).toBe(0);

    const db = openAppDatabase(dir);
    const last = readChain(db).at(-1)!;
    db.close();
    expect(last).toMatchObject({ action: 'audit.export', actor: 'insp01', transport: 'cli' });
    expect(JSON.parse(last.detail!)).toMatchObject({ from: '2026-03-02', to: '2026-03-02', rows: 3, firstSeq: 6, lastSeq: 8, format: 'jsonl', osUser: expect.any(String) });

    // An edited excerpt is caught, naming the row.
    const text = fs.readFileSync(out, 'utf8').replace('"actor":"op001","caller":"c1","transport":"ipc","action":"cases.history","detail":"{\\"count\\":1,\\"psnNo\\":\\"P5\\"}"', '"actor":"op001","caller":"c1","transport":"ipc","action":"cases.history","detail":"{\\"count\\":1,\\"psnNo\\":\\"P9\\"}"');
    fs.writeFileSync(out, text);
    const bad = await counter(['audit', 'verify', '--excerpt', out, '--data', dir]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('seq 7: 内容被修改');
  });

  it('exports CSV as UTF-8 with BOM whose chain also verifies', async () => {
    const dir = seeded();
    const out = path.join(dir, 'excerpt.csv');
    const r = await counter(['audit', 'export', '--from', '2026-03-01', '--to', '2026-03-03', '--format', 'csv', '--out', out, '--data', dir]);
    expect(r.code).toBe(0);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,caller,transport,action,detail,prev_hash,hash');
    expect(lines).toHaveLength(1 + 8);
    expect(lines[2]).toContain('"{""count"":1,""psnNo"":""P0""}"');
    const ok = await counter(['audit', 'verify', '--excerpt', out, '--data', dir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('共 8 条');
  });

  it('refuses an impossible date, an end before the start and an unknown format in Chinese', async () => {
    const dir = seeded();
    const a = await counter(['audit', 'export', '--from', '2026-02-30', '--to', '2026-03-01', '--data', dir]);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe('错误: --from 应为有效日期 (YYYY-MM-DD): 2026-02-30\n');
    const b = await counter(['audit', 'export', '--from', '2026-03-02', '--to', '2026-03-01', '--data', dir]);
    expect(b.stderr).toBe('错误: --to 不能早于 --from\n');
    const c = await counter(['audit', 'export', '--from', '2026-03-01', '--to', '2026-03-01', '--format', 'xml', '--data', dir]);
    expect(c.stderr).toBe('错误: --format 只能是 jsonl 或 csv: xml\n');
    expect([b.code, c.code]).toEqual([1, 1]);
  });
});

// Each test runs the real CLI several times (a tsx start each): seconds apiece on a loaded machine.
describe('the CLI writes audit rows', { timeout: 90_000 }, () => {
  let sim: PlatformSimulator;
  beforeAll(async () => {
    sim = await startPlatformSimulator({ port: 0, dbFile: path.join(root, 'sim.db') });
  });
  afterAll(async () => {
    await sim?.close();
  });

  it('import, queue --list, sync and lookup each leave a row (transport cli, actor from --operator or the OS user)', async () => {
    const dir = path.join(root, 'cli-rows');
    const file = path.join(root, 'import.json');
    const records = specialDiseaseFixtures(2);
    fs.writeFileSync(file, JSON.stringify(records));
    expect((await counter(['import', file, '--data', dir, '--operator', 'clerk07'])).code).toBe(0);
    expect((await counter(['queue', '--list', '--data', dir])).code).toBe(0);
    expect((await counter(['queue', '--data', dir])).code).toBe(0);
    expect((await counter(['sync', '--once', '--platform', sim.url, '--data', dir])).code).toBe(0);
    const look = await counter(['lookup', '--cert-type', '02', '--cert-no', '990102198507220023', '--platform', sim.url, '--data', dir]);
    expect(look.code).toBe(0);

    const db = openAppDatabase(dir);
    const rows = readChain(db).filter((r) => r.transport === 'cli');
    db.close();
    expect(rows.map((r) => r.action)).toEqual(['cases.import', 'queue.list', 'queue.sync', 'person.lookup']);
    expect(rows[0].actor).toBe('clerk07');
    expect(rows[1].actor).toBe(`os:${os.userInfo().username}`);
    const imported = JSON.parse(rows[0].detail!) as { accepted: number; cases: Array<{ psnNo: string }> };
    expect(imported).toMatchObject({ accepted: 2, file: 'import.json' });
    expect(imported.cases.map((c) => c.psnNo)).toEqual(records.map((r) => r.psnNo));
    expect(JSON.parse(rows[3].detail!)).toMatchObject({ certType: '02', certNo: '990102********0023', source: 'platform' });
    for (const r of rows) expect(r.detail).not.toContain('990102198507220023');
    const verified = await counter(['audit', 'verify', '--data', dir]);
    expect(verified.code).toBe(0);
  });

  it('a refused import is audited too', async () => {
    const dir = path.join(root, 'cli-refused');
    const file = path.join(root, 'bad.jsonl');
    fs.writeFileSync(file, '{not json\n');
    expect((await counter(['import', file, '--data', dir])).code).toBe(1);
    const db = openAppDatabase(dir);
    const rows = readChain(db).filter((r) => r.transport === 'cli');
    db.close();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].detail!)).toMatchObject({ file: 'bad.jsonl', refused: 1, accepted: 0 });
  });
});
