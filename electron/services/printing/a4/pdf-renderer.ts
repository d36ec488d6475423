/**
 * One shared, bounded Chromium for A4 PDFs in browser mode and the CLI. A browser per PDF (as before)
 * started 211 Chromium processes and +6.8 GB for 30 parallel receipts; here one browser is launched on
 * demand and reused, at most `maxConcurrent` pages render at once, the rest wait in a bounded queue (a full
 * queue is refused with a clear message), and the browser is closed after idling and at app close.
 * Every render gets its own offline, JavaScript-off context, closed afterwards.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export class PdfRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfRenderError';
  }
}

export interface PdfRendererOptions {
  executablePath?: string;
  /** Pages rendering at once (default 2). */
  maxConcurrent?: number;
  /** Renders waiting for a page; more are refused (default 60). */
  maxQueued?: number;
  /** Close the browser after this long without work (default 30 s). */
  idleCloseMs?: number;
  /** How the browser is started; tests wrap it to watch launches and pages. */
  launch?: (executablePath: string, timeoutMs: number) => Promise<Browser>;
}

export interface PdfRendererStats {
  launches: number;
  inFlight: number;
  peakInFlight: number;
  queued: number;
  browserOpen: boolean;
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const launchChromium = (executablePath: string, timeoutMs: number): Promise<Browser> =>
  chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'], timeout: timeoutMs });

export class PdfRenderer {
  private readonly executablePath: string;
  private readonly maxConcurrent: number;
  private readonly maxQueued: number;
  private readonly idleCloseMs: number;
  private readonly launch: (executablePath: string, timeoutMs: number) => Promise<Browser>;
  private browser: Promise<Browser> | null = null;
  private readonly waiting: Array<() => void> = [];
  private readonly drained: Array<() => void> = [];
  private inFlight = 0;
  private peakInFlight = 0;
  private launches = 0;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(opts: PdfRendererOptions = {}) {
    this.executablePath = opts.executablePath ?? DEFAULT_CHROMIUM;
    this.maxConcurrent = opts.maxConcurrent ?? 2;
    this.maxQueued = opts.maxQueued ?? 60;
    this.idleCloseMs = opts.idleCloseMs ?? 30_000;
    this.launch = opts.launch ?? launchChromium;
  }

  async render(html: string, outFile: string, timeoutMs = 30_000): Promise<void> {
    if (!fs.existsSync(this.executablePath)) throw new PdfRenderError(`未找到 Chromium（${this.executablePath}），无法生成 PDF`);
    await this.acquire();
    try {
      const browser = await this.openBrowser(timeoutMs);
      const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
      try {
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
        await page.pdf({ path: outFile, format: 'A4', printBackground: true, preferCSSPageSize: true });
      } finally {
        await context.close().catch(() => undefined);
      }
    } catch (err) {
      throw err instanceof PdfRenderError ? err : new PdfRenderError(`生成 PDF 失败: ${(err as Error).message}`);
    } finally {
      this.release();
    }
  }

  stats(): PdfRendererStats {
    return { launches: this.launches, inFlight: this.inFlight, peakInFlight: this.peakInFlight, queued: this.waiting.length, browserOpen: this.browser !== null };
  }

  /** Let queued renders finish, then close the browser (a later render launches a new one). */
  async close(): Promise<void> {
    if (this.inFlight > 0 || this.waiting.length > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
    await this.closeBrowser();
  }

  private acquire(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.inFlight < this.maxConcurrent) {
      this.started();
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueued) {
      return Promise.reject(new PdfRenderError(`PDF 生成排队已满（${this.maxQueued} 份在等待），请稍后再试`));
    }
    return new Promise<void>((resolve) =>
      this.waiting.push(() => {
        this.started();
        resolve();
      }),
    );
  }

  private started(): void {
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
  }

  private release(): void {
    this.inFlight--;
    const next = this.waiting.shift();
    if (next) return next();
    if (this.inFlight > 0) return;
    for (const resolve of this.drained.splice(0)) resolve();
    this.idleTimer = setTimeout(() => void this.closeBrowser(), this.idleCloseMs);
    this.idleTimer.unref();
  }

  private openBrowser(timeoutMs: number): Promise<Browser> {
    if (!this.browser) {
      this.launches++;
      const launching = this.launch(this.executablePath, timeoutMs).then(
        (browser) => {
          // A crashed or killed browser is forgotten, so the next render starts a new one.
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = null;
          });
          return browser;
        },
        (err: Error) => {
          if (this.browser === launching) this.browser = null;
          throw new PdfRenderError(`无法启动 Chromium 生成 PDF: ${err.message}`);
        },
      );
      this.browser = launching;
    }
    return this.browser;
  }

  private async closeBrowser(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close().catch(() => undefined);
  }
}
