import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readChain } from '../../../../../electron/services/audit/audit-chain';
import { AuditLog } from '../../../../../electron/services/audit/audit-log';
import { keepAccumulation, lastAccumulation } from '../../../../../electron/services/platform/accumulation-cache';
import { PersonCache } from '../../../../../electron/services/platform/person-cache';
import { emptyTotals } from '../../../../../electron/services/platform/transactions/accumulation';
import { startRetention } from '../../../../../electron/services/privacy/retention';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import type { Person } from '../../../../../electron/services/platform/transactions/person';

const NOW = new Date('2026-06-30T02:00:00.000Z');
const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-'));
  dirs.push(dataDir);
  const db = openAppDatabase(dataDir);
  let now = NOW;
  const clock = () => now;
  const audit = new AuditLog(db, clock, Buffer.alloc(32, 1));
  const person = (psnNo: string) => ({ psn_no: psnNo, psn_name: '某人', certno: '110101198503120017' }) as unknown as Person;
  new PersonCache(db, () => new Date(NOW.getTime() - 40 * DAY)).put({ certType: '02', certNo: '110101198503120017' }, person('OLD'));
  new PersonCache(db, () => new Date(NOW.getTime() - 2 * DAY)).put({ certType: '02', certNo: '310104195811230026' }, person('NEW'));
  const file = (rel: string, ageDays: number) => {
    const f = path.join(dataDir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, 'x');
    const t = new Date(NOW.getTime() - ageDays * DAY);
    fs.utimesSync(f, t, t);
    return f;
  };
  return { dataDir, db, audit, clock, file, setNow: (d: Date) => (now = d) };
}

describe('retention of the person cache and saved files', () => {
  it('purges at start what is older than the retention period, keeps the rest, audits the counts, and schedules an unref’d timer', () => {
    const s = setup();
    const oldPdf = s.file('receipts/99010000120260101000001.pdf', 31);
    const newPdf = s.file('receipts/99010000120260620000002.pdf', 29);
    const oldScan = s.file('attachments/2026/scan.jpg', 90);
    const config = s.file('config.json', 400);
    const spy = vi.spyOn(globalThis, 'setInterval');
    const job = startRetention({ db: s.db, dataDir: s.dataDir, clock: s.clock, retentionDays: 30, audit: s.audit });
    // The daily timer never keeps a CLI or test process alive.
    expect((spy.mock.results[0].value as NodeJS.Timeout).hasRef()).toBe(false);
    spy.mockRestore();
    job.stop();
    expect(s.db.prepare('SELECT psn_no FROM platform_person_cache').all()).toEqual([{ psn_no: 'NEW' }]);
    expect([oldPdf, newPdf, oldScan, config].map((f) => fs.existsSync(f))).toEqual([false, true, false, true]);
    const row = readChain(s.db).at(-1)!;
    expect(row).toMatchObject({ action: 'privacy.purge', actor: 'system', transport: 'internal' });
    expect(JSON.parse(row.detail!)).toEqual({ retentionDays: 30, personCache: 1, files: 2, attachmentRows: 0 });
    s.db.close();
  });

  it('runs again daily and not after stop()', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const s = setup();
    const job = startRetention({ db: s.db, dataDir: s.dataDir, clock: s.clock, retentionDays: 30, audit: s.audit });
    const purges = () => readChain(s.db).filter((r) => r.action === 'privacy.purge').length;
    expect(purges()).toBe(1);
    s.setNow(new Date(NOW.getTime() + 29 * DAY));
    vi.advanceTimersByTime(DAY);
    expect(purges()).toBe(2);
    expect(s.db.prepare('SELECT psn_no FROM platform_person_cache').all()).toEqual([]);
    job.stop();
    vi.advanceTimersByTime(3 * DAY);
    expect(purges()).toBe(2);
    s.db.close();
  });
});

describe('retention of the platform year-to-date answers (5206)', () => {
  it('purges an old 5206 answer with the person cache and keeps a recent one', () => {
    const s = setup();
    const answer = (psnNo: string) => ({ psnNo, year: 2026, totals: emptyTotals(), settlements: [] });
    keepAccumulation(s.db, answer('OLD'), new Date(NOW.getTime() - 31 * DAY));
    keepAccumulation(s.db, answer('NEW'), new Date(NOW.getTime() - 1 * DAY));
    const job = startRetention({ db: s.db, dataDir: s.dataDir, clock: s.clock, retentionDays: 30, audit: s.audit });
    job.stop();
    expect(lastAccumulation(s.db, 'OLD', 2026)).toBeNull();
    expect(lastAccumulation(s.db, 'NEW', 2026)?.accumulation.psnNo).toBe('NEW');
    expect(JSON.parse(readChain(s.db).at(-1)!.detail!)).toMatchObject({ personCache: 2 });
    s.db.close();
  });
});
