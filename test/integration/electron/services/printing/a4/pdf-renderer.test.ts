/**
 * The shared A4 PDF renderer, with Debian's real Chromium: one browser for many PDFs, never more than two
 * pages at once, a bounded queue, closed when idle or at close, relaunched when needed (also after a crash).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { chromiumA4Output, PdfRenderer, renderAcceptanceReceiptHtml, renderPdf, sharedPdfRenderer } from '../../../../../../electron/services/printing/a4';
import { sampleA4Receipt } from '../../../../../helpers/a4-fixtures';

const OUT = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-renderer-'));
afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

const html = (n: number) => renderAcceptanceReceiptHtml(sampleA4Receipt(n));

/** A renderer whose browsers are watched from outside: launches and pages (contexts) open at once. */
function watchedRenderer(opts: { maxConcurrent?: number; maxQueued?: number; idleCloseMs?: number } = {}) {
  const seen = { launches: 0, openContexts: 0, peakContexts: 0, browsers: [] as Browser[] };
  const renderer = new PdfRenderer({
    ...opts,
    launch: async (executablePath, timeout) => {
      seen.launches++;
      const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'], timeout });
      seen.browsers.push(browser);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (o) => {
        const ctx = await newContext(o);
        seen.openContexts++;
        seen.peakContexts = Math.max(seen.peakContexts, seen.openContexts);
        ctx.once('close', () => seen.openContexts--);
        return ctx;
      };
      return browser;
    },
  });
  return { renderer, seen };
}

const isPdf = (file: string) => fs.readFileSync(file).subarray(0, 5).toString('latin1') === '%PDF-';

describe('shared PDF renderer', () => {
  it('renders 30 parallel receipts with one browser and never more than 2 pages at once', async () => {
    const { renderer, seen } = watchedRenderer();
    const files = Array.from({ length: 30 }, (_, i) => path.join(OUT, `r${i}.pdf`));
    await Promise.all(files.map((f, i) => renderer.render(html(i), f)));
    expect(files.every(isPdf)).toBe(true);
    expect(seen.launches).toBe(1);
    expect(seen.peakContexts).toBe(2);
    expect(seen.openContexts).toBe(0);
    expect(renderer.stats()).toMatchObject({ launches: 1, peakInFlight: 2, inFlight: 0, queued: 0, browserOpen: true });
    await renderer.close();
    expect(renderer.stats().browserOpen).toBe(false);
    expect(seen.browsers[0].isConnected()).toBe(false);
  }, 120_000);

  it('refuses renders beyond the queue with a clear Chinese message, and finishes the rest', async () => {
    const { renderer } = watchedRenderer({ maxConcurrent: 1, maxQueued: 2 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) => renderer.render(html(i), path.join(OUT, `q${i}.pdf`))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(3);
    for (const r of refused) expect((r.reason as Error).message).toBe('PDF 生成排队已满（2 份在等待），请稍后再试');
    await renderer.close();
  }, 60_000);

  it('closes the browser after idling and launches a new one for the next render', async () => {
    const { renderer, seen } = watchedRenderer({ idleCloseMs: 10 });
    await renderer.render(html(1), path.join(OUT, 'idle1.pdf'));
    await expect.poll(() => renderer.stats().browserOpen, { timeout: 10_000 }).toBe(false);
    await expect.poll(() => seen.browsers[0].isConnected(), { timeout: 10_000 }).toBe(false);
    await renderer.render(html(2), path.join(OUT, 'idle2.pdf'));
    expect(seen.launches).toBe(2);
    expect(isPdf(path.join(OUT, 'idle2.pdf'))).toBe(true);
    await renderer.close();
  }, 60_000);

  it('relaunches after the browser died under it', async () => {
    const { renderer, seen } = watchedRenderer();
    await renderer.render(html(1), path.join(OUT, 'crash1.pdf'));
    await seen.browsers[0].close();
    await renderer.render(html(2), path.join(OUT, 'crash2.pdf'));
    expect(seen.launches).toBe(2);
    expect(isPdf(path.join(OUT, 'crash2.pdf'))).toBe(true);
    await renderer.close();
  }, 60_000);

  it('close() waits for queued renders before closing the browser', async () => {
    const { renderer } = watchedRenderer();
    const pending = [1, 2, 3, 4].map((i) => renderer.render(html(i), path.join(OUT, `drain${i}.pdf`)));
    await renderer.close();
    await Promise.all(pending);
    expect([1, 2, 3, 4].every((i) => isPdf(path.join(OUT, `drain${i}.pdf`)))).toBe(true);
    expect(renderer.stats().browserOpen).toBe(false);
  }, 60_000);

  it('fails with a Chinese message when Chromium cannot be started', async () => {
    const renderer = new PdfRenderer({ launch: () => Promise.reject(new Error('boom')) });
    await expect(renderer.render('<p>x</p>', path.join(OUT, 'never.pdf'))).rejects.toThrow('无法启动 Chromium 生成 PDF: boom');
    expect(renderer.stats()).toMatchObject({ inFlight: 0, browserOpen: false });
  });

  it('renderPdf and the browser-mode A4 output go through the one shared renderer; close() at app close shuts it', async () => {
    const files = [0, 1, 2, 3, 4, 5].map((i) => path.join(OUT, `shared${i}.pdf`));
    await Promise.all(files.map((f, i) => (i % 2 ? renderPdf(html(i), f) : chromiumA4Output.savePdf(html(i), f))));
    expect(files.every(isPdf)).toBe(true);
    expect(sharedPdfRenderer().stats()).toMatchObject({ launches: 1, peakInFlight: 2, browserOpen: true });
    await chromiumA4Output.close!();
    expect(sharedPdfRenderer().stats().browserOpen).toBe(false);
  }, 60_000);
});
