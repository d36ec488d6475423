/** Debian's Chromium driven by playwright-core (never a downloaded browser). */
import { chromium, type Browser, type Page } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { SEEDED, seedOperators, signIn, writeConfig, type SeededRole } from './operators-seed';
import { startWebHost, type WebHost } from './web-host';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Headless Chromium; `extraArgs` add launch flags (e.g. the fake camera: --use-fake-device-for-media-stream). */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath} (apt-get install chromium)`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
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

export interface OpenDeskOptions {
  /** Who is signed in when the page is handed over: a SEEDED operator (default clerk), nobody yet
   *  ('sign-in': the 登录 screen), or a data directory without operators ('first-run': the set-up screen). */
  as?: SeededRole | 'sign-in' | 'first-run';
  /** config.json written into the fresh data directory before the host starts. */
  config?: Record<string, unknown>;
  /** Runs before the page opens the desk (e.g. page.clock.install, init scripts). */
  beforeGoto?(page: Page): Promise<void>;
  /** Extra Chromium launch flags. */
  launchArgs?: readonly string[];
}

export async function openDesk(viewport = { width: 1440, height: 900 }, opts: OpenDeskOptions = {}): Promise<DeskSession> {
  const as = opts.as ?? 'clerk';
  const host = await startWebHost([], undefined, async (dir) => (as === 'first-run' ? writeConfig(dir, opts.config) : seedOperators(dir, opts.config)));
  const browser = await launchChromium(opts.launchArgs).catch(async (err) => {
    await host.stop();
    throw err;
  });
  const page = await browser.newPage({ viewport, locale: 'zh-CN' });
  await opts.beforeGoto?.(page);
  await page.goto(host.url);
  if (as !== 'first-run' && as !== 'sign-in') await signIn(page, SEEDED[as]);
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
