/**
 * Materials in browser mode against the real host (embedded platform simulator): attach a file (a JPEG drawn by
 * Chromium itself), a 高拍仪 frame through Chromium's fake camera, a scan picked from the scanner's folder;
 * thumbnails shown, attached items ticked; a wrong type and an oversize file refused in Chinese; one removed;
 * 受理 carries them to the case, the receipt shows them, and the uploader sends them with 9101 (file_qury_no
 * kept) before the filing reaches 已上报. Screenshots at 1366×768.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../electron/services/app-schema';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';
import { fillSpecialDisease, readIdCard } from '../helpers/desk-flows';

let desk: DeskSession;
let page: Page;
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scans-'));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

beforeAll(async () => {
  fs.writeFileSync(path.join(scanDir, 'scan-0001.pdf'), PDF);
  fs.writeFileSync(path.join(scanDir, '说明.txt'), 'not a scan');
  desk = await openDesk(
    { width: 1366, height: 768 },
    { launchArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'], config: { materials: { scannerFolder: scanDir } } },
  );
  page = desk.page;
}, 90_000);

afterAll(async () => {
  await desk?.close();
  fs.rmSync(scanDir, { recursive: true, force: true });
});

/** A real JPEG (a document-like picture) drawn by the page's own canvas. */
async function jpegFromPage(): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 800;
    c.height = 600;
    const g = c.getContext('2d')!;
    g.fillStyle = '#fdfcf7';
    g.fillRect(0, 0, 800, 600);
    g.fillStyle = '#1f3b63';
    g.font = '48px sans-serif';
    g.fillText('病历资料 第1页', 60, 120);
    for (let y = 180; y < 560; y += 40) g.fillRect(60, y, 680, 6);
    return c.toDataURL('image/jpeg', 0.85).split(',')[1];
  });
  return Buffer.from(b64, 'base64');
}

const capture = (id: string) => page.getByTestId(`capture-${id}`);
/** The case accepted with the attachments (its 办件编号, from the receipt). */
let caseNo = '';

describe('materials capture in browser mode', () => {
  it('reads the card and opens the 特门 form with its materials', async () => {
    await readIdCard(page, 20_000);
    await page.getByRole('form', { name: '门诊慢特病备案' }).waitFor();
    await capture('sd-medical-record').waitFor();
  });

  it('attaches a file: thumbnail shown, the material ticked', async () => {
    await capture('sd-medical-record').getByTestId('attach-input').setInputFiles({ name: '病历.jpg', mimeType: 'image/jpeg', buffer: await jpegFromPage() });
    const thumb = capture('sd-medical-record').getByTestId('attachment-thumb');
    await thumb.waitFor({ timeout: 15_000 });
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await page.getByTestId('material-sd-medical-record').isChecked()).toBe(true);
    expect(await page.getByTestId('material-sd-medical-record').isDisabled()).toBe(true);
  });

  it('takes a 高拍仪 frame through the (fake) camera', async () => {
    await capture('sd-exam-report').getByTestId('attach-camera').click();
    const video = page.getByTestId('camera-video');
    await video.waitFor({ timeout: 15_000 });
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    // A painted frame before the screenshot (the element has a size as soon as metadata arrives).
    await video.evaluate((v: HTMLVideoElement) => new Promise<void>((r) => v.requestVideoFrameCallback(() => r())));
    await page.screenshot({ path: screenshotPath('materials-camera') });
    await page.getByTestId('camera-capture').click();
    await page.getByTestId('camera-dialog').waitFor({ state: 'detached' });
    const att = capture('sd-exam-report').getByTestId('attachment');
    await att.waitFor({ timeout: 15_000 });
    expect(await att.innerText()).toContain('高拍仪');
    await capture('sd-exam-report').getByTestId('attachment-thumb').waitFor();
    expect(await page.getByTestId('material-sd-exam-report').isChecked()).toBe(true);
  });

  it("picks a scan from the scanner's folder (only scans listed)", async () => {
    await capture('sd-application').getByTestId('attach-scanner').click();
    await page.getByTestId('scanner-dialog').waitFor();
    const files = page.getByTestId('scan-file');
    await expect.poll(() => files.allInnerTexts()).toEqual(['scan-0001.pdf']);
    await files.first().click();
    const att = capture('sd-application').getByTestId('attachment');
    await att.waitFor({ timeout: 15_000 });
    expect(await att.innerText()).toContain('scan-0001.pdf');
    expect(await att.innerText()).not.toContain('已上传');
  });

  it('takes a file dropped on the material', async () => {
    const png = await page.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 400;
      c.height = 250;
      const g = c.getContext('2d')!;
      g.fillStyle = '#e8eef7';
      g.fillRect(0, 0, 400, 250);
      g.fillStyle = '#333';
      g.fillRect(30, 40, 120, 160);
      return c.toDataURL('image/png').split(',')[1];
    });
    const dt = await page.evaluateHandle((b64) => {
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const t = new DataTransfer();
      t.items.add(new File([bytes], '身份证复印件.png', { type: 'image/png' }));
      return t;
    }, png);
    await capture('id-copy').dispatchEvent('drop', { dataTransfer: dt });
    await capture('id-copy').getByTestId('attachment-thumb').waitFor({ timeout: 15_000 });
    expect(await capture('id-copy').getByTestId('attachment').innerText()).toContain('身份证复印件.png');
    expect(await page.getByTestId('material-id-copy').isChecked()).toBe(true);
  });

  it('refuses a wrong type and an oversize file in Chinese, attaching nothing', async () => {
    const photo = capture('sd-photo');
    await photo.getByTestId('attach-input').setInputFiles({ name: '照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('PK\u0003\u0004 this is a zip renamed') });
    await expect.poll(() => photo.getByTestId('attach-error').innerText()).toContain('不是 JPEG、PNG 或 PDF 格式');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    await photo.getByTestId('attach-input').setInputFiles({ name: '大图.jpg', mimeType: 'image/jpeg', buffer: big });
    await expect.poll(() => photo.getByTestId('attach-error').innerText()).toContain('超过 10 MB 上限');
    expect(await photo.getByTestId('attachment').count()).toBe(0);
    expect(await page.getByTestId('material-sd-photo').isChecked()).toBe(false);
    await photo.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('materials-refused') });
  });

  it('removes an attachment before 受理, which unticks its material', async () => {
    await capture('sd-photo').getByTestId('attach-input').setInputFiles({ name: '照片.jpg', mimeType: 'image/jpeg', buffer: await jpegFromPage() });
    await capture('sd-photo').getByTestId('attachment').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('material-sd-photo').isChecked()).toBe(true);
    await capture('sd-photo').getByTestId('attachment-remove').click();
    await expect.poll(() => capture('sd-photo').getByTestId('attachment').count()).toBe(0);
    expect(await page.getByTestId('material-sd-photo').isChecked()).toBe(false);
  });

  it('accepts the case with its attachments; the receipt shows them; 9101 goes before the filing', async () => {
    await fillSpecialDisease(page, { allMaterials: false });
    await page.getByTestId('material-id-document').check();
    await page.getByTestId('material-sd-photo').check();
    await capture('sd-medical-record').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('materials-form') });
    await page.getByTestId('submit-case').click();
    await page.getByTestId('receipt').waitFor({ timeout: 20_000 });
    caseNo = await page.getByTestId('receipt-case-no').innerText();
    const shown = page.getByTestId('case-attachments');
    await shown.waitFor({ timeout: 15_000 });
    expect(await shown.getByTestId('attachment').count()).toBe(4);
    const receiptText = await page.getByTestId('receipt').innerText();
    expect(receiptText).toContain('病历资料');
    await shown.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('materials-receipt') });

    await page.getByRole('tab', { name: '办件记录' }).click();
    await expect.poll(() => page.getByTestId('history-state').first().innerText(), { timeout: 40_000 }).toBe('已上报');
    const db = openAppDatabase(desk.host.dataDir);
    try {
      const rows = db.prepare('SELECT material_id AS m, file_qury_no AS f, case_id AS c FROM attachments ORDER BY id').all() as Array<{ m: string; f: string | null; c: number | null }>;
      expect(rows.map((r) => r.m)).toEqual(['sd-medical-record', 'sd-exam-report', 'sd-application', 'id-copy']);
      expect(rows.every((r) => r.c !== null && /^F\d+/.test(r.f ?? ''))).toBe(true);
      const attempts = db.prepare(`SELECT infno, outcome FROM outbox_attempts ORDER BY finished_at, id DESC`).all() as Array<{ infno: string; outcome: string }>;
      expect(attempts.map((a) => a.infno)).toEqual(['9101', '9101', '9101', '9101', '2503']);
    } finally {
      db.close();
    }
  });

  it('the 办件 detail of that case shows its attachments as thumbnails, uploaded', async () => {
    expect(caseNo).toMatch(/^\d{23}$/);
    await page.getByTestId('nav-cases').click();
    await page.getByTestId(`case-row-${caseNo}`).click();
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    expect(await detail.locator('.mono.small').first().innerText()).toBe(caseNo);
    const shown = detail.getByTestId('case-attachments');
    await shown.waitFor({ timeout: 15_000 });
    expect(await shown.getByTestId('attachment').count()).toBe(4);
    // The pictures are drawn (not broken images), and the PDF scan is a tile.
    const thumbs = shown.getByTestId('attachment-thumb');
    expect(await thumbs.count()).toBe(3);
    for (const t of await thumbs.all()) await expect.poll(() => t.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const text = await shown.innerText();
    expect(text).toContain('病历.jpg');
    expect(text).toContain('scan-0001.pdf');
    expect(text.match(/已上传/g)).toHaveLength(4);
    await shown.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('materials-case-detail') });
  });
});
