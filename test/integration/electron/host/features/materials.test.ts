/**
 * Materials through the composition root on a real counter.db: pieces assembled into a sealed attachment of a
 * draft; the host decides the type and size again (a desk that skipped its own check is still refused, in
 * Chinese); an attached material counts as received at 受理 (a main item missing from the ticks does not
 * produce a 告知单), the draft moves to the case and can no longer be removed; the scanner folder lists only
 * scans, and no name escapes it; every stored or removed attachment leaves an audit row without its content.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import { allDelivered, sampleSpecialDiseaseInput } from '../../../../helpers/case-fixtures';

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-materials-'));
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-scans-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ materials: { scannerFolder: scanDir } }));
  fs.writeFileSync(path.join(scanDir, 'scan-1.pdf'), '%PDF-1.4\n%%EOF\n');
  fs.writeFileSync(path.join(scanDir, 'notes.txt'), 'x');
  fs.mkdirSync(path.join(scanDir, 'sub.pdf'));
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(scanDir, { recursive: true, force: true });
});

const refusal = (p: Promise<unknown>) => p.then(() => null, (e: Error & { code?: string }) => ({ code: e.code, message: e.message }));
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(700 * 1024)]);

async function send(draftId: string, materialId: string, bytes: Buffer, filename = 'a.jpg') {
  const uploadId = crypto.randomUUID();
  for (let seq = 0, off = 0; off < bytes.length; seq++, off += 512 * 1024) {
    await call(app.handlers, 'materials.attachChunk', { uploadId, seq, filename, data: bytes.subarray(off, off + 512 * 1024).toString('base64') });
  }
  return call(app.handlers, 'materials.attachFinish', { uploadId, draftId, materialId, filename, size: bytes.length, source: 'file' });
}

describe('materials through the host', () => {
  const draftId = crypto.randomUUID();

  it('assembles pieces into a sealed attachment with its SHA-256', async () => {
    const a = await send(draftId, 'sd-medical-record', JPEG, '病历.jpeg');
    expect(a).toMatchObject({ materialId: 'sd-medical-record', mime: 'image/jpeg', size: JPEG.length, filename: '病历.jpg', removable: true, present: true, fileQuryNo: null });
    expect(a.sha256).toBe(crypto.createHash('sha256').update(JPEG).digest('hex'));
    expect(await call(app.handlers, 'materials.list', { draftId })).toHaveLength(1);
  });

  it('refuses what the desk should have refused: a wrong type, a piece too big, pieces out of order, a short total', async () => {
    expect(await refusal(send(draftId, 'sd-photo', Buffer.from('GIF89a not allowed'), 'x.gif'))).toMatchObject({ code: 'attachment-refused', message: expect.stringContaining('不是 JPEG、PNG 或 PDF 格式') });
    const big = Buffer.alloc(512 * 1024 + 3).toString('base64');
    expect(await refusal(call(app.handlers, 'materials.attachChunk', { uploadId: crypto.randomUUID(), seq: 0, filename: 'a', data: big }))).toMatchObject({ message: expect.stringContaining('附件分片过大') });
    const uploadId = crypto.randomUUID();
    await call(app.handlers, 'materials.attachChunk', { uploadId, seq: 0, filename: 'a.jpg', data: JPEG.subarray(0, 10).toString('base64') });
    expect(await refusal(call(app.handlers, 'materials.attachChunk', { uploadId, seq: 2, filename: 'a.jpg', data: 'AAAA' }))).toMatchObject({ message: expect.stringContaining('分片顺序错误') });
    const u2 = crypto.randomUUID();
    await call(app.handlers, 'materials.attachChunk', { uploadId: u2, seq: 0, filename: 'a.jpg', data: JPEG.subarray(0, 10).toString('base64') });
    expect(await refusal(call(app.handlers, 'materials.attachFinish', { uploadId: u2, draftId, materialId: 'sd-photo', filename: 'a.jpg', size: 11, source: 'file' }))).toMatchObject({ message: expect.stringContaining('不完整') });
    expect(await call(app.handlers, 'materials.list', { draftId })).toHaveLength(1);
  });

  it('refuses an oversize file while it arrives', async () => {
    const uploadId = crypto.randomUUID();
    const piece = Buffer.alloc(512 * 1024, 1).toString('base64');
    let err: unknown = null;
    for (let seq = 0; seq < 21 && !err; seq++) {
      err = await refusal(call(app.handlers, 'materials.attachChunk', { uploadId, seq, filename: '大.pdf', data: piece }));
    }
    expect(err).toMatchObject({ code: 'attachment-refused', message: expect.stringContaining('超过 10 MB 上限') });
  });

  it('lists only scans from the scanner folder and never reads outside it', async () => {
    expect((await call(app.handlers, 'materials.scannerFiles', {})).map((f) => f.name)).toEqual(['scan-1.pdf']);
    const scan = await call(app.handlers, 'materials.attachScanned', { draftId, materialId: 'sd-exam-report', name: 'scan-1.pdf' });
    expect(scan).toMatchObject({ mime: 'application/pdf', source: 'scanner', sourceName: '扫描仪', thumbnail: null });
    expect(await refusal(call(app.handlers, 'materials.attachScanned', { draftId, materialId: 'sd-exam-report', name: '../config.json' }))).toMatchObject({ message: '只能选择扫描文件夹中的文件' });
    expect(await refusal(call(app.handlers, 'materials.attachScanned', { draftId, materialId: 'sd-exam-report', name: 'notes.txt' }))).toMatchObject({ message: expect.stringContaining('不是 JPEG、PNG 或 PDF') });
  });

  it('at 受理 the attached items count as received, the draft moves to the case and is uploaded with 9101', async () => {
    const input = await sampleSpecialDiseaseInput(app);
    // The clerk ticked neither 病历资料 nor 检查报告 (both main items): the attachments stand for them.
    const ticks = input.materials.filter((m) => m !== 'sd-medical-record' && m !== 'sd-exam-report');
    const out = await call(app.handlers, 'cases.accept', { ...input, materials: ticks, draftId });
    expect(out.outcome).toBe('accepted');
    if (out.outcome !== 'accepted') return;
    expect(out.receipt.materials).toEqual(expect.arrayContaining(['病历资料', '检查报告']));
    expect(await call(app.handlers, 'materials.list', { draftId })).toEqual([]);
    const onCase = await call(app.handlers, 'materials.list', { caseNo: out.receipt.caseNo });
    expect(onCase.map((a) => a.materialId)).toEqual(['sd-medical-record', 'sd-exam-report']);
    expect(onCase.every((a) => !a.removable)).toBe(true);
    expect(await refusal(call(app.handlers, 'materials.remove', { id: onCase[0].id }))).toMatchObject({ code: 'attachment-locked' });
    await allDelivered(app);
    const uploaded = await call(app.handlers, 'materials.list', { caseNo: out.receipt.caseNo });
    expect(uploaded.every((a) => /^F\d+/.test(a.fileQuryNo ?? ''))).toBe(true);
  });

  it('without the draft the same ticks give a 一次性告知单', async () => {
    const input = await sampleSpecialDiseaseInput(app, { diseaseCode: 'M03900' });
    const out = await call(app.handlers, 'cases.accept', { ...input, materials: input.materials.filter((m) => m !== 'sd-medical-record') });
    expect(out.outcome).toBe('refused');
  });

  it('removes a draft attachment, and audits stores and removals without content', async () => {
    const other = crypto.randomUUID();
    const a = await send(other, 'sd-photo', JPEG);
    expect(await call(app.handlers, 'materials.remove', { id: a.id })).toEqual({ ok: true });
    expect(await call(app.handlers, 'materials.list', { draftId: other })).toEqual([]);
    expect(await refusal(call(app.handlers, 'materials.remove', { id: a.id }))).toMatchObject({ code: 'not-found' });
    const rows = app.db.prepare(`SELECT action, detail FROM audit_log WHERE action LIKE 'materials.%' ORDER BY seq`).all() as Array<{ action: string; detail: string }>;
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['materials.attachFinish', 'materials.attachScanned', 'materials.remove']));
    expect(rows.every((r) => !r.detail.includes('病历') && r.detail.length < 600)).toBe(true);
  });
});
