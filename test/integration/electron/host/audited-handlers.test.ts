/** The audit policy applied to the real app: who looked at whom, from which session, without personal data in the rows. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../electron/host/app';
import { createCaller } from '../../../../electron/host/caller';
import { defaultDeviceFactories } from '../../../../electron/host/default-devices';
import { call } from '../../../../electron/host/dispatch';
import { readChain, verifyAuditChain } from '../../../../electron/services/audit/audit-chain';
import { storedAuditKey } from '../../../../electron/services/audit/audit-key';
import { acceptSampleSpecialDiseaseAs } from '../../../helpers/case-fixtures';

const LI = { certNo: '990102198507220023', name: '李' };
let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-trail-'));
const clerk = createCaller('websocket', { code: 'clerk07', name: '王小二', role: 'clerk' });

beforeAll(async () => {
  app = await createApp({
    dataDir,
    mode: 'browser',
    devices: defaultDeviceFactories(),
    a4: { savePdf: async (_html, file) => fs.writeFileSync(file, '%PDF-1.4 test') },
  });
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Rows the app writes on its own (chain start, retention purge) are not calls.
const rowsAfter = (seq: number) => readChain(app.db).filter((r) => r.seq > seq && r.transport !== 'internal');
const lastSeq = () => readChain(app.db).at(-1)?.seq ?? 0;
const details = (seq: number) => rowsAfter(seq).map((r) => ({ action: r.action, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));

describe('audit trail of the contract calls', () => {
  let caseNo: string;
  let psnNo: string;

  it('a lookup, an acceptance and the views of the case each leave one row with the caller’s operator, session and transport', async () => {
    const start = lastSeq();
    ({ caseNo, psnNo } = await acceptSampleSpecialDiseaseAs(app, clerk));
    const looked = await call(app.handlers, 'person.lookup', { certType: '02', certNo: LI.certNo }, clerk);
    await call(app.handlers, 'cases.history', { psnNo }, clerk);
    await call(app.handlers, 'cases.recent', {}, clerk);
    await call(app.handlers, 'cases.receipt', { caseNo }, clerk);
    await call(app.handlers, 'cases.receiptPdf', { caseNo }, clerk);
    const queue = await call(app.handlers, 'queue.list', {}, clerk);
    await call(app.handlers, 'queue.attempts', { itemId: queue[0].itemId }, clerk);

    const rows = rowsAfter(start);
    expect(rows.map((r) => r.action)).toEqual([
      'person.lookup', 'cases.accept', 'person.lookup', 'cases.history', 'cases.recent', 'cases.receipt', 'cases.receiptPdf', 'queue.list', 'queue.attempts',
    ]);
    for (const r of rows) expect(r).toMatchObject({ actor: 'clerk07', caller: clerk.id, transport: 'websocket' });
    expect(details(start)).toEqual([
      { action: 'person.lookup', detail: { certType: '02', certNo: '990102********0023', psnNo, source: 'platform' } },
      { action: 'cases.accept', detail: { caseNo, kind: 'special-disease', psnNo } },
      { action: 'person.lookup', detail: { certType: '02', certNo: '990102********0023', psnNo, source: 'platform' } },
      { action: 'cases.history', detail: { psnNo, count: 1 } },
      { action: 'cases.recent', detail: { limit: null, count: 1, psnNos: [psnNo] } },
      { action: 'cases.receipt', detail: { caseNo } },
      { action: 'cases.receiptPdf', detail: { caseNo } },
      { action: 'queue.list', detail: { states: null, count: queue.length, psnNos: [psnNo] } },
      { action: 'queue.attempts', detail: { itemId: queue[0].itemId, count: expect.any(Number) } },
    ]);
    // No full ID number, no name, no diagnosis in any row.
    for (const r of rows) expect(r.detail).not.toMatch(new RegExp(`${LI.certNo}|${LI.name}|M01600|糖尿病`));
    expect(looked.person.certno).toBe('990102********0023');
  });

  it('a failed lookup and an impossible A4 print are recorded as failures with their error code', async () => {
    const start = lastSeq();
    await call(app.handlers, 'simulator.platform.fault', { fault: 'offline' });
    await expect(call(app.handlers, 'person.lookup', { certType: '02', certNo: '310104195811230026' }, clerk)).rejects.toThrow();
    await call(app.handlers, 'simulator.platform.fault', { fault: 'none' });
    await expect(call(app.handlers, 'cases.printA4', { caseNo }, clerk)).rejects.toThrow(/浏览器模式/);
    expect(details(start)).toEqual([
      { action: 'person.lookup', detail: { certType: '02', certNo: '310104********0026', failed: 'offline' } },
      { action: 'cases.printA4', detail: { caseNo, failed: 'no-a4-printer' } },
    ]);
  });

  it('a cancellation, a reprint and a device configuration (with its full new value) are recorded; the simulators are not', async () => {
    const start = lastSeq();
    const cancelled = await call(app.handlers, 'cases.cancel', { caseNo, memo: '申请人撤回' }, clerk);
    await call(app.handlers, 'printer.reprint', { caseNo }, clerk);
    await call(app.handlers, 'simulator.printer.set', { paperOut: false }, clerk);
    const admin = createCaller('ipc', { code: 'admin01', name: '管理员', role: 'admin' });
    await call(app.handlers, 'devices.configure', { deviceId: 'scanner', config: { mode: 'off' } }, admin);
    expect(details(start)).toEqual([
      { action: 'cases.cancel', detail: { caseNo: cancelled.caseNo, cancels: caseNo } },
      { action: 'printer.reprint', detail: { caseNo, status: expect.any(String) } },
      { action: 'devices.configure', detail: { deviceId: 'scanner', config: { mode: 'off' } } },
    ]);
    expect(rowsAfter(start).at(-1)).toMatchObject({ actor: 'admin01', transport: 'ipc', caller: admin.id });
  });

  it('a refused call from a connection with nobody signed in is recorded as anonymous, with the method it tried', async () => {
    const start = lastSeq();
    await expect(call(app.handlers, 'cases.recent', { limit: 1 }, createCaller('websocket'))).rejects.toMatchObject({ code: 'auth-required' });
    expect(rowsAfter(start)).toMatchObject([
      { action: 'access.refused', actor: 'anonymous', transport: 'websocket', detail: JSON.stringify({ code: 'auth-required', method: 'cases.recent' }) },
    ]);
  });

  it('the whole trail verifies with the data directory’s audit key', () => {
    expect(verifyAuditChain(app.db, storedAuditKey(app.db)!).problems).toEqual([]);
  });
});
