/**
 * The uploader in-process against the real platform simulator over HTTP on 127.0.0.1: a long offline
 * stretch then recovery, a lost reply, a garbled reply, and a cancellation behind its registration.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getCase } from '../../../../../electron/services/cases/case-store';
import { businessKeyOf } from '../../../../../electron/services/outbox/case-payloads';
import { getOutboxItemByCase, listAttempts } from '../../../../../electron/services/outbox/outbox-store';
import { openStandaloneOutbox, type Standalone } from '../../../../../electron/services/standalone-outbox';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../../electron/services/platform/simulator';
import { specialDiseaseFixtures } from '../../../../helpers/outbox-fixtures';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function setup(opts: { port?: number; startSim?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-int-'));
  const simFile = path.join(dir, 'sim.db');
  const port = opts.port ?? (await freePort());
  let sim: PlatformSimulator | null = opts.startSim === false ? null : await startPlatformSimulator({ port, dbFile: simFile });
  const url = `http://127.0.0.1:${port}/fsi/api/callService`;
  const sa: Standalone = openStandaloneOutbox({
    dataDir: dir,
    platformUrl: url,
    tuning: { backoff: { baseMs: 20, capMs: 200 }, probe: { baseMs: 50, capMs: 300 }, pollMs: 50 },
  });
  cleanups.push(async () => {
    sa.close();
    await sim?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const accept = (n: number, window = 0) =>
    specialDiseaseFixtures(n, window).map((f) =>
      sa.outbox.accept({ ...f, businessKey: businessKeyOf(f.kind, f.psnNo, f.payload)!, clerk: 'clerk01', region: '990100', site: '001' }),
    );
  return {
    sa,
    accept,
    get sim() {
      return sim!;
    },
    async startSim() {
      sim = await startPlatformSimulator({ port, dbFile: simFile });
    },
    async stopSim() {
      await sim?.close();
      sim = null;
    },
  };
}

describe('outbox against the platform simulator', () => {
  it('waits out a long offline stretch gently, then delivers everything exactly once', async () => {
    const t = await setup({ startSim: false });
    const first = t.accept(30);
    const events: string[] = [];
    t.sa.outbox.uploader.on('offline', () => events.push('offline'));
    t.sa.outbox.uploader.on('online', () => events.push('online'));
    // Platform unreachable: a few passes, while the counter keeps accepting cases.
    for (let i = 0; i < 5; i++) {
      await t.sa.outbox.uploader.syncOnce();
      await new Promise((r) => setTimeout(r, 100));
    }
    const more = t.accept(30, 1);
    expect(t.sa.outbox.uploader.online).toBe(false);
    expect(events).toEqual(['offline']);
    const offlineSends = t.sa.db.prepare(`SELECT COUNT(*) AS n FROM outbox_attempts`).get() as { n: number };
    // One probe at a time, not one try per case.
    expect(offlineSends.n).toBeLessThan(10);
    expect(t.sa.outbox.counts()).toMatchObject({ done: 0, total: 60 });
    const waiting = t.sa.outbox.list();
    expect(waiting.every((e) => e.waitReason === '网络中断，恢复后自动上报')).toBe(true);

    await t.startSim();
    const summary = await t.sa.outbox.uploader.drain();
    expect(summary).toMatchObject({ online: true, open: 0 });
    expect(events).toEqual(['offline', 'online']);
    expect(t.sa.outbox.counts()).toMatchObject({ done: 60, total: 60 });
    expect(t.sim.state().records['special-disease']).toBe(60);
    for (const c of [...first, ...more]) expect(getCase(t.sa.db, c.id)!.result?.trt_dcla_detl_sn).toMatch(/^MT/);
  });

  it('a reply lost after the work was done leads to a query, not a second filing', async () => {
    const t = await setup();
    const [c] = t.accept(1);
    t.sim.faults.set({ dropAfter: 1, infnos: ['2503'] });
    await t.sa.outbox.uploader.syncOnce();
    // The tests' backoff is a few ms, so on a slow machine the same pass may already have asked the platform;
    // the attempt history below is what proves the order (send, lost reply, query — never a second send).
    expect(['unknown', 'done']).toContain(getOutboxItemByCase(t.sa.db, c.id)!.state);
    await t.sa.outbox.uploader.drain();
    const item = getOutboxItemByCase(t.sa.db, c.id)!;
    expect(item.state).toBe('done');
    expect(listAttempts(t.sa.db, item.id).map((a) => `${a.action}:${a.outcome}`)).toEqual(['send:unknown', 'query:found']);
    const st = t.sim.state();
    expect(st.work['2503']).toBe(1);
    expect(st.calls['2503']).toBe(1);
    expect(st.records['special-disease']).toBe(1);
  });

  it('a garbled reply (work done) and a 500 (work not done) both end with one record each', async () => {
    const t = await setup();
    const [a, b] = t.accept(2);
    t.sim.faults.set({ malformed: 1, http500: 1, infnos: ['2503'] });
    await t.sa.outbox.uploader.drain();
    expect(t.sa.outbox.counts()).toMatchObject({ done: 2 });
    expect(t.sim.state().work['2503']).toBe(2);
    expect(t.sim.state().records['special-disease']).toBe(2);
    expect(getCase(t.sa.db, a.id)!.result).not.toEqual(getCase(t.sa.db, b.id)!.result);
  });

  it('a platform refusal waits for the clerk with the platform message; its cancellation is never sent', async () => {
    const t = await setup();
    const f = specialDiseaseFixtures(1)[0];
    const bad = { ...f.payload, opsp_dise_code: 'M99999' };
    const c = t.sa.outbox.accept({
      kind: 'special-disease',
      psnNo: f.psnNo,
      insuplcAdmdvs: f.insuplcAdmdvs,
      payload: bad,
      businessKey: businessKeyOf('special-disease', f.psnNo, bad)!,
      clerk: 'clerk01',
      region: '990100',
      site: '001',
    });
    const cancel = t.sa.outbox.accept({
      kind: 'special-disease-cancel',
      psnNo: f.psnNo,
      payload: { memo: '申请人撤回' },
      businessKey: c.businessKey,
      clerk: 'clerk01',
      region: '990100',
      site: '001',
    });
    await t.sa.outbox.uploader.drain();
    const item = getOutboxItemByCase(t.sa.db, c.id)!;
    expect(item.state).toBe('needs-clerk');
    expect(item.platformMessage).toContain('M99999');
    const entries = t.sa.outbox.list();
    expect(entries.find((e) => e.caseId === cancel.id)!.waitReason).toBe(`原办件 ${c.caseNo} 被平台退回，本撤销暂不上报`);
    expect(t.sim.state().calls['2504']).toBeUndefined();
  });

  it('files a registration and then its cancellation, in that order', async () => {
    const t = await setup();
    const [reg] = t.accept(1);
    const cancel = t.sa.outbox.accept({
      kind: 'special-disease-cancel',
      psnNo: reg.psnNo,
      insuplcAdmdvs: reg.insuplcAdmdvs,
      payload: { memo: '申请人撤回' },
      businessKey: reg.businessKey,
      clerk: 'clerk01',
      region: '990100',
      site: '001',
    });
    t.sim.faults.set({ http500: 2, infnos: ['2503'] });
    await t.sa.outbox.uploader.drain();
    expect(getCase(t.sa.db, reg.id)!.state).toBe('cancelled');
    expect(getCase(t.sa.db, cancel.id)!.state).toBe('filed');
    expect(t.sim.state().records['special-disease'] ?? 0).toBe(0); // no valid record left
    expect(t.sim.state().work['2504']).toBe(1);
  });
});
