/**
 * After an unknown outcome or a duplicate refusal the uploader looks the business up on the platform. A record
 * counts as ours only when it carries our 办件编号; the same invoice / registration filed by another office (a
 * second workstation on the same simulator, window 002) goes to the clerk with a clear message, never "done".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getCase } from '../../../../../electron/services/cases/case-store';
import type { AcceptCaseInput } from '../../../../../electron/services/outbox/accept';
import { businessKeyOf } from '../../../../../electron/services/outbox/case-payloads';
import { getOutboxItemByCase, listAttempts } from '../../../../../electron/services/outbox/outbox-store';
import { openStandaloneOutbox, type Standalone } from '../../../../../electron/services/standalone-outbox';
import { localDate } from '../../../../../electron/services/platform/envelope';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../../electron/services/platform/simulator';
import { specialDiseaseFixtures } from '../../../../helpers/outbox-fixtures';

const ZHANG_SAN = { psnNo: '99010000000000000001', insuplcAdmdvs: '990100' };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function twoOffices(): Promise<{ sim: PlatformSimulator; ours: Standalone; theirs: Standalone }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-exact-'));
  const sim = await startPlatformSimulator({ port: 0, dbFile: path.join(dir, 'sim.db') });
  const open = (name: string) =>
    openStandaloneOutbox({
      dataDir: path.join(dir, name),
      platformUrl: sim.url,
      // Long backoffs: an unknown outcome stays unknown until the test says retryNow().
      tuning: { backoff: { baseMs: 60_000, capMs: 60_000 }, probe: { baseMs: 60_000, capMs: 60_000 }, pollMs: 20 },
    });
  const ours = open('ours');
  const theirs = open('theirs');
  cleanups.push(async () => {
    ours.close();
    theirs.close();
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { sim, ours, theirs };
}

function claim(invoiceNo: string, site: string): AcceptCaseInput {
  const payload = {
    insutype: '310',
    reason: '03',
    hospitalCode: 'H11010500001',
    hospitalName: '北京示例医院',
    begndate: '2026-01-05',
    enddate: '2026-01-09',
    totalFen: 123_456,
    fundPayFen: 80_000,
    invoices: [{ code: '11010126', no: invoiceNo, amountFen: 123_456 }],
  };
  return { kind: 'reimbursement', ...ZHANG_SAN, payload, businessKey: businessKeyOf('reimbursement', ZHANG_SAN.psnNo, payload)!, clerk: 'clerk01', region: '990100', site };
}

function remote(site: string): AcceptCaseInput {
  // Starts today: a start months ago would be a 补办 beyond its window.
  const payload = { insutype: '310', regType: 'otherTemporary', targetAdmdvs: '110105', begndate: localDate(new Date()), tel: '13800000000', addr: '北京市朝阳区示例路1号', promise: false };
  return { kind: 'remote-registration', ...ZHANG_SAN, payload, businessKey: businessKeyOf('remote-registration', ZHANG_SAN.psnNo, payload)!, clerk: 'clerk01', region: '990100', site };
}

function specialDisease(site: string): AcceptCaseInput {
  const f = specialDiseaseFixtures(1)[0];
  return { ...f, businessKey: businessKeyOf(f.kind, f.psnNo, f.payload)!, clerk: 'clerk01', region: '990100', site };
}

describe('query-before-resend matches on our 办件编号', () => {
  it('零星报销: an invoice reimbursed at another office → needs the clerk, "该票据已在其他经办点报销"', async () => {
    const { ours, theirs } = await twoOffices();
    theirs.outbox.accept(claim('00000001', '002'));
    expect(await theirs.outbox.uploader.drain()).toMatchObject({ done: 1 });
    const c = ours.outbox.accept(claim('00000001', '001'));
    const s = await ours.outbox.uploader.drain();
    expect(s).toMatchObject({ done: 0, needsClerk: 1 });
    const item = getOutboxItemByCase(ours.db, c.id)!;
    expect(item.platformMessage).toMatch(/^该票据已在其他经办点报销 \(票据 11010126\/00000001，报销流水号 LX\d+，办件编号 990100002\d{14}\)；平台答复: .*已报销/);
    expect(getCase(ours.db, c.id)!.state).toBe('needs-clerk');
    expect(listAttempts(ours.db, item.id).map((a) => [a.action, a.outcome])).toEqual([
      ['send', 'refused'],
      ['query', 'not-ours'],
    ]);
  });

  it('零星报销: a lost reply is resolved by the query as ours (our 办件编号) and filed once', async () => {
    const { sim, ours } = await twoOffices();
    const c = ours.outbox.accept(claim('00000002', '001'));
    sim.faults.set({ dropAfter: 1, infnos: ['2801'] });
    expect(await ours.outbox.uploader.syncOnce()).toMatchObject({ unknown: 1 });
    sim.faults.reset();
    ours.outbox.retryNow();
    const d = await ours.outbox.uploader.drain();
    expect(d, JSON.stringify(d)).toMatchObject({ done: 1 });
    const item = getOutboxItemByCase(ours.db, c.id)!;
    expect(listAttempts(ours.db, item.id).map((a) => [a.action, a.outcome])).toEqual([
      ['send', 'unknown'],
      ['query', 'found'],
    ]);
    expect(getCase(ours.db, c.id)!.result).toMatchObject({ claimSn: expect.stringMatching(/^LX/) });
    expect(sim.state().work['2801']).toBe(1);
  });

  it('零星报销: outcome unknown, and meanwhile another office filed the invoice → clerk, not done, not resent', async () => {
    const { sim, ours, theirs } = await twoOffices();
    const c = ours.outbox.accept(claim('00000003', '001'));
    sim.faults.set({ dropBefore: 1, infnos: ['2801'] }); // never reached the platform, but we cannot know
    expect(await ours.outbox.uploader.syncOnce()).toMatchObject({ unknown: 1 });
    sim.faults.reset();
    ours.outbox.retryNow();
    const t = theirs.outbox.accept(claim('00000003', '002'));
    const ts = await theirs.outbox.uploader.drain();
    expect(ts, JSON.stringify(listAttempts(theirs.db, getOutboxItemByCase(theirs.db, t.id)!.id))).toMatchObject({ done: 1 });
    expect(await ours.outbox.uploader.drain()).toMatchObject({ needsClerk: 1, done: 0 });
    expect(getOutboxItemByCase(ours.db, c.id)!.platformMessage).toMatch(/^该票据已在其他经办点报销/);
    expect(sim.state().work['2801']).toBe(1); // only theirs
  });

  it('特门: a registration already made by another office → clerk with the record named; ours is not marked filed', async () => {
    const { ours, theirs } = await twoOffices();
    theirs.outbox.accept(specialDisease('002'));
    expect(await theirs.outbox.uploader.drain()).toMatchObject({ done: 1 });
    const c = ours.outbox.accept(specialDisease('001'));
    expect(await ours.outbox.uploader.drain()).toMatchObject({ needsClerk: 1 });
    expect(getOutboxItemByCase(ours.db, c.id)!.platformMessage).toMatch(/^平台已有该人员的.+备案 \(MT\d+，办件编号 990100002\d+\)，不是本办件提交的/);
    expect(getCase(ours.db, c.id)!.result).toBeNull();
  });

  it('异地备案: an unknown outcome whose record turns out to be ours is filed; another office\'s is not', async () => {
    const { sim, ours, theirs } = await twoOffices();
    const mine = ours.outbox.accept(remote('001'));
    sim.faults.set({ malformed: 1, infnos: ['2701'] });
    expect(await ours.outbox.uploader.syncOnce()).toMatchObject({ unknown: 1 });
    sim.faults.reset();
    ours.outbox.retryNow();
    expect(await ours.outbox.uploader.drain()).toMatchObject({ done: 1 });
    expect(getCase(ours.db, mine.id)!.state).toBe('filed');

    // The other office's copy has its send lost, then finds OUR record on the platform: not theirs.
    const dup = theirs.outbox.accept(remote('002'));
    sim.faults.set({ dropBefore: 1, infnos: ['2701'] });
    expect(await theirs.outbox.uploader.syncOnce()).toMatchObject({ unknown: 1 });
    sim.faults.reset();
    theirs.outbox.retryNow();
    expect(await theirs.outbox.uploader.drain()).toMatchObject({ needsClerk: 1, done: 0 });
    expect(getOutboxItemByCase(theirs.db, dup.id)!.platformMessage).toMatch(/^平台已有该人员同类型的异地就医备案 \(YD\d+，办件编号 990100001\d+\)/);
    expect(getCase(theirs.db, dup.id)!.state).toBe('needs-clerk');
    expect(sim.state().work['2701']).toBe(1);
  });
});
