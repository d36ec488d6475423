/** The persisted print queue on a real SQLite file: order, printed once, attempts, giving up, reopening. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PRINT_ATTEMPTS, PrintJobStore, printJobsMigration } from '../../../../../electron/services/printing/print-job-store';
import { openDatabase, type Db } from '../../../../../electron/services/store/database';

const dirs: string[] = [];
const dbs: Db[] = [];
function open(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-jobs-'))): { db: Db; dir: string } {
  if (!dirs.includes(dir)) dirs.push(dir);
  const db = openDatabase(path.join(dir, 'app.db'), { migrations: [{ version: 1, ...printJobsMigration }] });
  dbs.push(db);
  return { db, dir };
}
afterEach(() => {
  while (dbs.length) dbs.pop()!.close();
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

const at = new Date('2026-03-02T01:00:00Z');
const bytes = (...b: number[]) => Uint8Array.from(b);

describe('PrintJobStore', () => {
  it('keeps jobs in order with their bytes, and hands out the oldest pending one', () => {
    const { db } = open();
    const store = new PrintJobStore(db, () => at);
    const a = store.add({ what: '回执 A', bytes: bytes(0x1b, 0x40, 0x00, 0xff) });
    store.add({ what: '回执 B', bytes: bytes(1) });
    expect(store.countPending()).toBe(2);
    expect(store.nextPending()).toMatchObject({ id: a, what: '回执 A', state: 'pending', attempts: 0, createdAt: at.toISOString() });
    expect([...store.nextPending()!.bytes]).toEqual([0x1b, 0x40, 0x00, 0xff]);
  });

  it('a printed job is printed once: marking it again or failing it afterwards changes nothing', () => {
    const { db } = open();
    const store = new PrintJobStore(db, () => at);
    const a = store.add({ what: 'A', bytes: bytes(1) });
    const b = store.add({ what: 'B', bytes: bytes(2) });
    store.markPrinted(a);
    store.markPrinted(a);
    expect(store.recordFailure(a, 'late')).toBe('printed');
    expect(store.get(a)).toMatchObject({ state: 'printed', attempts: 1, lastError: null, printedAt: at.toISOString() });
    expect(store.nextPending()?.id).toBe(b);
    expect(store.unprinted().map((j) => j.what)).toEqual(['B']);
  });

  it(`counts failed writes and gives up after ${MAX_PRINT_ATTEMPTS}; given-up jobs are listed after waiting ones`, () => {
    const { db } = open();
    const store = new PrintJobStore(db);
    const a = store.add({ what: 'A', bytes: bytes(1) });
    const b = store.add({ what: 'B', bytes: bytes(2) });
    for (let i = 1; i < MAX_PRINT_ATTEMPTS; i++) expect(store.recordFailure(a, `写入失败 ${i}`)).toBe('pending');
    expect(store.recordFailure(a, '写入失败 last')).toBe('failed');
    expect(store.get(a)).toMatchObject({ state: 'failed', attempts: MAX_PRINT_ATTEMPTS, lastError: '写入失败 last' });
    expect(store.nextPending()?.id).toBe(b);
    expect(store.countPending()).toBe(1);
    expect(store.unprinted().map((j) => [j.what, j.state])).toEqual([
      ['B', 'pending'],
      ['A', 'failed'],
    ]);
    expect(store.recordFailure(999, 'x')).toBe('failed'); // unknown id: nothing to retry
  });

  it('survives closing and reopening the database file', () => {
    const first = open();
    new PrintJobStore(first.db).add({ what: '跨重启', bytes: bytes(7, 8) });
    first.db.close();
    dbs.splice(dbs.indexOf(first.db), 1);
    const again = open(first.dir);
    const job = new PrintJobStore(again.db).nextPending();
    expect(job).toMatchObject({ what: '跨重启', state: 'pending' });
    expect([...job!.bytes]).toEqual([7, 8]);
  });

  it('the table refuses an unknown state', () => {
    const { db } = open();
    expect(() => db.prepare("INSERT INTO print_jobs (created_at, what, bytes, state) VALUES ('t', 'x', x'00', 'lost')").run()).toThrow(/CHECK/);
  });
});
