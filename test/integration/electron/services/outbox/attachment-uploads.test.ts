/**
 * Materials with 9101 before the filing, on a real encrypted counter.db and the platform simulator over HTTP on
 * 127.0.0.1: the case's attachments go up first and their file_qury_no is kept and cited in the filing; the
 * filing waits while an upload cannot go (offline, 500, a lost reply) and nothing is stored twice on the
 * platform; a filing citing an unknown file is refused by the simulator; a purged file stops the case for the clerk.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentKeyOf } from '../../../../../electron/services/attachments/attachment-cipher';
import { AttachmentStore } from '../../../../../electron/services/attachments/attachment-store';
import { getCase } from '../../../../../electron/services/cases/case-store';
import { businessKeyOf } from '../../../../../electron/services/outbox/case-payloads';
import { getOutboxItemByCase, listAttempts } from '../../../../../electron/services/outbox/outbox-store';
import { startPlatformSimulator, type PlatformSimulator } from '../../../../../electron/services/platform/simulator';
import { registerSpecialDisease } from '../../../../../electron/services/platform/transactions/special-disease';
import { SpecialDiseasePayload } from '../../../../../electron/services/outbox/case-payloads';
import { openStandaloneOutbox } from '../../../../../electron/services/standalone-outbox';
import { dataDirKeySource } from '../../../../../electron/services/store/key-source';
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

const JPEG = (tag: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`扫描件 ${tag} `.repeat(200))]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

async function setup(opts: { startSim?: boolean } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'att-int-'));
  const simFile = path.join(dir, 'sim.db');
  const port = await freePort();
  let sim: PlatformSimulator | null = opts.startSim === false ? null : await startPlatformSimulator({ port, dbFile: simFile });
  const sa = openStandaloneOutbox({
    dataDir: dir,
    platformUrl: `http://127.0.0.1:${port}/fsi/api/callService`,
    tuning: { backoff: { baseMs: 10, capMs: 50 }, probe: { baseMs: 20, capMs: 100 }, pollMs: 50 },
  });
  const store = new AttachmentStore(sa.db, dir, attachmentKeyOf(sa.db, dataDirKeySource(dir)));
  cleanups.push(async () => {
    sa.close();
    await sim?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  /** A case accepted with its attachments, as the desk does: draft rows moved to the case in the same transaction. */
  const acceptWith = (files: Array<{ materialId: string; bytes: Buffer; name: string }>, i = 0) => {
    const f = specialDiseaseFixtures(i + 1)[i];
    const draftId = `draft-${i}`;
    for (const x of files) store.add({ ref: { draftId }, materialId: x.materialId, filename: x.name, source: 'file', bytes: x.bytes, by: 'clerk01' });
    return sa.db.transaction(() => {
      const c = sa.outbox.accept({ ...f, businessKey: businessKeyOf(f.kind, f.psnNo, f.payload)!, clerk: 'clerk01', region: '990100', site: '001' });
      store.linkDraft(draftId, c.id);
      return c;
    })();
  };
  const filedRecord = () => {
    const db = new Database(simFile, { readonly: true });
    try {
      return (db.prepare(`SELECT json FROM records WHERE kind = 'special-disease'`).all() as Array<{ json: string }>).map((r) => JSON.parse(r.json) as Record<string, unknown>);
    } finally {
      db.close();
    }
  };
  const simFiles = () => {
    const db = new Database(simFile, { readonly: true });
    try {
      return db.prepare('SELECT file_qury_no, filename, size, sha256 FROM files ORDER BY file_qury_no').all() as Array<{ file_qury_no: string; filename: string; size: number; sha256: string }>;
    } finally {
      db.close();
    }
  };
  return {
    dir,
    sa,
    store,
    acceptWith,
    filedRecord,
    simFiles,
    get sim() {
      return sim!;
    },
    async startSim() {
      sim = await startPlatformSimulator({ port, dbFile: simFile });
    },
  };
}

/** The item's attempts in the order they finished (the filing's own is claimed first, so on a tie it is the later one). */
const steps = (t: Awaited<ReturnType<typeof setup>>, caseId: number) =>
  listAttempts(t.sa.db, getOutboxItemByCase(t.sa.db, caseId)!.id)
    .sort((a, b) => (a.finishedAt ?? '').localeCompare(b.finishedAt ?? '') || b.id - a.id)
    .map((a) => `${a.infno}:${a.outcome}`);

describe('materials with 9101 before the filing', () => {
  it('uploads each attachment, keeps its file_qury_no and cites them in the filing', async () => {
    const t = await setup();
    const c = t.acceptWith([
      { materialId: 'sd-medical-record', bytes: JPEG('病历'), name: '病历.jpg' },
      { materialId: 'sd-exam-report', bytes: PDF, name: '检查报告.pdf' },
    ]);
    await t.sa.outbox.uploader.drain();
    expect(getCase(t.sa.db, c.id)!.state).toBe('filed');
    expect(steps(t, c.id)).toEqual(['9101:ok', '9101:ok', '2503:ok']);
    const atts = t.store.list({ caseId: c.id });
    expect(atts.every((a) => /^F\d+/.test(a.fileQuryNo ?? ''))).toBe(true);
    const files = t.simFiles();
    expect(files.map((f) => f.sha256).sort()).toEqual(atts.map((a) => a.sha256).sort());
    expect(files.map((f) => f.filename).sort()).toEqual(['检查报告.pdf', '病历.jpg'].sort());
    const [record] = t.filedRecord();
    expect(record.file_qury_no).toBe(atts.map((a) => a.fileQuryNo).join(','));
  });

  it('a case without attachments is filed as before, citing nothing', async () => {
    const t = await setup();
    const c = t.acceptWith([]);
    await t.sa.outbox.uploader.drain();
    expect(steps(t, c.id)).toEqual(['2503:ok']);
    expect(t.filedRecord()[0]).not.toHaveProperty('file_qury_no');
  });

  it('offline: neither upload nor filing; once the platform is back both go, once', async () => {
    const t = await setup({ startSim: false });
    const c = t.acceptWith([{ materialId: 'sd-medical-record', bytes: JPEG('离线'), name: 'a.jpg' }]);
    await t.sa.outbox.uploader.syncOnce();
    expect(getOutboxItemByCase(t.sa.db, c.id)!.state).toBe('retry');
    expect(getOutboxItemByCase(t.sa.db, c.id)!.lastError).toMatch(/附件“a.jpg”尚未上传 \(9101\)/);
    expect(steps(t, c.id)).toEqual(['9101:error', '2503:error']);
    await t.startSim();
    await t.sa.outbox.uploader.drain();
    expect(getCase(t.sa.db, c.id)!.state).toBe('filed');
    expect(t.sim.state().work['9101']).toBe(1);
    expect(t.sim.state().work['2503']).toBe(1);
    expect(t.simFiles()).toHaveLength(1);
  });

  it('a 500 and a lost reply on 9101: retried under the same msgid, the platform stores the file once', async () => {
    const t = await setup();
    const c = t.acceptWith([{ materialId: 'sd-medical-record', bytes: JPEG('故障'), name: 'a.jpg' }]);
    t.sim.faults.set({ http500: 1, dropAfter: 1, infnos: ['9101'] });
    await t.sa.outbox.uploader.drain();
    expect(getCase(t.sa.db, c.id)!.state).toBe('filed');
    const atts = t.store.list({ caseId: c.id });
    const attempts = listAttempts(t.sa.db, getOutboxItemByCase(t.sa.db, c.id)!.id);
    const uploads = attempts.filter((a) => a.infno === '9101');
    // A 500 may or may not have been worked on, a dropped reply was: both count as unknown, and both are safe to resend under the same msgid.
    expect(uploads.map((a) => a.outcome)).toEqual(['unknown', 'unknown', 'ok']);
    expect(new Set(uploads.map((a) => a.msgid))).toEqual(new Set([atts[0].uploadMsgid]));
    // The filing is sent once, after the upload succeeded.
    expect(attempts.filter((a) => a.infno === '2503' && a.outcome === 'ok')).toHaveLength(1);
    expect(t.sim.state().work['9101']).toBe(1);
    expect(t.simFiles()).toEqual([expect.objectContaining({ file_qury_no: atts[0].fileQuryNo })]);
    expect(t.sim.state().work['2503']).toBe(1);
  });

  it('a refused upload stops the case for the clerk with the platform message; no filing is sent', async () => {
    const t = await setup();
    const c = t.acceptWith([{ materialId: 'sd-medical-record', bytes: JPEG('退回'), name: 'a.jpg' }]);
    t.sim.faults.set({ businessError: 1, businessErrorMessage: '文件类型不被接受', infnos: ['9101'] });
    await t.sa.outbox.uploader.drain();
    expect(getCase(t.sa.db, c.id)!.state).toBe('needs-clerk');
    expect(getOutboxItemByCase(t.sa.db, c.id)!.lastError).toMatch(/附件“a.jpg”上传被平台退回：.*文件类型不被接受/);
    expect(t.sim.state().work['2503'] ?? 0).toBe(0);
  });

  it('an attachment purged from disk stops the case for the clerk before anything is sent', async () => {
    const t = await setup();
    const c = t.acceptWith([{ materialId: 'sd-medical-record', bytes: JPEG('已删'), name: 'a.jpg' }]);
    for (const f of fs.readdirSync(path.join(t.dir, 'attachments'))) fs.rmSync(path.join(t.dir, 'attachments', f));
    await t.sa.outbox.uploader.drain();
    expect(getCase(t.sa.db, c.id)!.state).toBe('needs-clerk');
    expect(getOutboxItemByCase(t.sa.db, c.id)!.lastError).toMatch(/已按保留期限删除/);
    expect(t.sim.state().calls['9101'] ?? 0).toBe(0);
    expect(t.sim.state().work['2503'] ?? 0).toBe(0);
  });

  it('the simulator refuses a filing that cites an unknown file_qury_no', async () => {
    const t = await setup();
    const f = specialDiseaseFixtures(1)[0];
    const p = SpecialDiseasePayload.parse(f.payload);
    await expect(
      registerSpecialDisease(t.sa.client, { ...p, psn_no: f.psnNo, insuplcAdmdvs: f.insuplcAdmdvs ?? undefined, fileQuryNos: ['F20260101000000ABCDEF'] }),
    ).rejects.toThrow(/附件 F20260101000000ABCDEF 不存在或已过期/);
    expect(t.filedRecord()).toEqual([]);
  });
});
