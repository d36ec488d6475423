import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../../electron/services/store/database';
import { GroupCommit } from '../../../../../electron/services/outbox/group-commit';
import { tempDb } from '../../../../helpers/outbox-unit-kit';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const t = tempDb();
  cleanup = t.cleanup;
  t.db.exec('CREATE TABLE gc_probe (n INTEGER NOT NULL)');
  return t.db;
}

/** A buffered write that records whether it ran inside a transaction. */
function write(db: Db, n: number, seen: boolean[]): () => void {
  return () => {
    seen.push(db.inTransaction);
    db.prepare('INSERT INTO gc_probe (n) VALUES (?)').run(n);
  };
}

const rows = (db: Db) => (db.prepare('SELECT n FROM gc_probe ORDER BY rowid').all() as Array<{ n: number }>).map((r) => r.n);

describe('GroupCommit', () => {
  it('holds writes until flushed, then writes them all in one transaction, in order', () => {
    const db = setup();
    const seen: boolean[] = [];
    const gc = new GroupCommit(db, { cap: 10, delayMs: 60_000 });
    gc.add(write(db, 1, seen));
    gc.add(write(db, 2, seen));
    expect(gc.size).toBe(2);
    expect(rows(db)).toEqual([]);
    gc.flush();
    expect(rows(db)).toEqual([1, 2]);
    expect(seen).toEqual([true, true]);
    expect(gc.size).toBe(0);
    gc.flush(); // nothing buffered: nothing happens
    expect(rows(db)).toEqual([1, 2]);
  });

  it('flushes at once when the cap is reached', () => {
    const db = setup();
    const gc = new GroupCommit(db, { cap: 3, delayMs: 60_000 });
    gc.add(write(db, 1, []));
    gc.add(write(db, 2, []));
    expect(rows(db)).toEqual([]);
    gc.add(write(db, 3, []));
    expect(rows(db)).toEqual([1, 2, 3]);
    expect(gc.size).toBe(0);
  });

  it('flushes on its own after the delay when the cap is not reached', async () => {
    const db = setup();
    const gc = new GroupCommit(db, { cap: 10, delayMs: 1 });
    gc.add(write(db, 1, []));
    await new Promise<void>((resolve) => {
      const poll = () => (gc.size === 0 ? resolve() : setTimeout(poll, 1));
      poll();
    });
    expect(rows(db)).toEqual([1]);
  });

  it('take() hands the writes over (for the caller’s transaction) and putBack() returns them ahead of newer ones', () => {
    const db = setup();
    const gc = new GroupCommit(db, { cap: 10, delayMs: 60_000 });
    gc.add(write(db, 1, []));
    const taken = gc.take();
    expect(taken).toHaveLength(1);
    expect(gc.size).toBe(0);
    gc.add(write(db, 2, []));
    gc.putBack(taken);
    gc.flush();
    expect(rows(db)).toEqual([1, 2]);
  });

  it('a failed flush writes nothing and keeps every write for the next flush', () => {
    const db = setup();
    const gc = new GroupCommit(db, { cap: 10, delayMs: 60_000 });
    let fail = true;
    gc.add(write(db, 1, []));
    gc.add(() => {
      if (fail) throw new Error('disk full');
      db.prepare('INSERT INTO gc_probe (n) VALUES (2)').run();
    });
    expect(() => gc.flush()).toThrow('disk full');
    expect(rows(db)).toEqual([]); // rolled back: the first write is not half-done
    expect(gc.size).toBe(2);
    fail = false;
    gc.flush();
    expect(rows(db)).toEqual([1, 2]);
  });
});
