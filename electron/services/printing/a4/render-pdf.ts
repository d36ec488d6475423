/**
 * Browser mode has no Electron print dialog: A4 HTML is saved as PDF through Debian's Chromium driven by
 * playwright-core. The page never loads anything from the network (templates are self-contained).
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export interface RenderPdfOptions {
  executablePath?: string;
  timeoutMs?: number;
}

export class PdfRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfRenderError';
  }
}

export async function renderPdf(html: string, outFile: string, options: RenderPdfOptions = {}): Promise<void> {
  const executablePath = options.executablePath ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new PdfRenderError(`未找到 Chromium（${executablePath}），无法生成 PDF`);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    timeout: options.timeoutMs ?? 30_000,
  });
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load', timeout: options.timeoutMs ?? 30_000 });
    await page.pdf({ path: outFile, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } catch (err) {
    throw new PdfRenderError(`生成 PDF 失败: ${(err as Error).message}`);
  } finally {
    await browser.close();
  }
}
