/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
import { chromium, type Browser, type Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { startWebHost, type WebHost } from './web-host';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium)`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, `${name}.png`);
}

/** Browser mode started for real plus one Chromium page opened with its launch URL: the fixture every e2e test opens. */
export interface DeskSession {
  host: WebHost;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openDesk(viewport = { width: 1440, height: 900 }): Promise<DeskSession> {
  const host = await startWebHost();
  const browser = await launchChromium().catch(async (err) => {
    await host.stop();
    throw err;
  });
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  await page.goto(host.url);
  return {
    host,
    browser,
    page,
    async close() {
      await browser.close();
      await host.stop();
    },
  };
}
