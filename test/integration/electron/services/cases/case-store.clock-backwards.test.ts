/**
 * A clock that steps backwards (NTP correction, a wrong BIOS date fixed by hand, a VM restored) must never
 * make the workstation issue a 办件编号, 告知单编号 or msgid twice, nor one lower than before: both are
 * numbered from high-water marks kept in the app database, so this holds across a restart on the same file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseNoDate, nextCaseNo } from '../../../../../electron/services/cases/case-store';
import { nextNoticeNo } from '../../../../../electron/services/cases/case-details';
import { MsgidSequencer } from '../../../../../electron/services/platform/envelope';
import { settingsMsgidStore } from '../../../../../electron/services/platform/sign-in-store';
import { openDatabase, type Db } from '../../../../../electron/services/store/database';
import { appMigrations } from '../../../../../electron/services/app-schema';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-clock-'));
  file = path.join(dir, 'counter.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A fake wall clock the test moves by hand. */
function fakeClock(iso: string) {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), set: (next: string) => (t = new Date(next).getTime()) };
}

/** The app on the same database file, started again. */
const start = (): Db => openDatabase(file, { migrations: appMigrations });

const sortedStrictly = (xs: string[]) => xs.every((x, i) => i === 0 || xs[i - 1] < x);

describe('a clock that jumps backwards', () => {
  it('never reuses or lowers a 办件编号, within a run and after a restart on the same database', () => {
    const clock = fakeClock('2026-12-02T09:00:00+08:00');
    let db = start();
    const issued = [nextCaseNo(db, '990100', '001', clock.now()), nextCaseNo(db, '990100', '001', clock.now())];
    clock.set('2026-12-01T16:00:00+08:00'); // back to yesterday
    issued.push(nextCaseNo(db, '990100', '001', clock.now()));
    db.close();

    db = start(); // restart, the clock still a day behind
    issued.push(nextCaseNo(db, '990100', '001', clock.now()));
    clock.set('2026-11-20T08:00:00+08:00');
    issued.push(nextCaseNo(db, '990100', '001', clock.now()));
    clock.set('2026-12-03T08:00:00+08:00'); // the clock is right again: a new day numbers from 1
    issued.push(nextCaseNo(db, '990100', '001', clock.now()));
    db.close();

    expect(new Set(issued).size).toBe(issued.length);
    expect(sortedStrictly(issued)).toBe(true);
    expect(issued.slice(0, 5)).toEqual([1, 2, 3, 4, 5].map((n) => `99010000120261202${String(n).padStart(6, '0')}`));
    expect(issued[5]).toBe('99010000120261203000001');
    expect(caseNoDate(new Date('2026-12-01T16:00:00+08:00'))).toBe('20261201'); // the stamp would have said yesterday
  });

  it('a window or region of its own keeps its own sequence; 告知单编号 follow the same high-water rule', () => {
    const db = start();
    try {
      expect(nextCaseNo(db, '990100', '002', new Date('2026-12-02T01:00:00Z'))).toBe('99010000220261202000001');
      expect(nextCaseNo(db, '990100', '001', new Date('2026-11-02T01:00:00Z'))).toBe('99010000120261102000001');
      expect(nextNoticeNo(db, '990100', '001', '20261202')).toBe('N99010000120261202000001');
      expect(nextNoticeNo(db, '990100', '001', '20261130')).toBe('N99010000120261202000002');
    } finally {
      db.close();
    }
  });

  it('never reuses or lowers a msgid after a restart on the same database with the clock an hour behind', () => {
    const clock = fakeClock('2026-12-02T10:00:00+08:00');
    const prefix = 'H99010100001';
    let db = start();
    const first = settingsMsgidStore(db, clock.now).reserve(new MsgidSequencer(prefix, clock.now), clock.now(), 5);
    db.close();

    clock.set('2026-12-02T09:00:00+08:00');
    db = start(); // a new process: a fresh sequencer that knows nothing of the ids above
    const second = settingsMsgidStore(db, clock.now).reserve(new MsgidSequencer(prefix, clock.now), clock.now(), 5);
    const third = settingsMsgidStore(db, clock.now).reserve(new MsgidSequencer(prefix, clock.now), clock.now(), 3);
    db.close();

    const all = [...first, ...second, ...third];
    expect(new Set(all).size).toBe(all.length);
    expect(sortedStrictly(all)).toBe(true);
  });
});
