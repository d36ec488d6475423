/**
 * Browser mode's way in, in real Chromium: the launch link opens the desk once and leaves the address bar
 * clean; a reload of that tab stays in; a spent link or a bare address shows a Chinese explanation with how
 * to get a new link (no blank page); a fresh link from the launch file opens another tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';

let desk: DeskSession;

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 860 });
}, 90_000);

afterAll(() => desk?.close());

const connectedPills = (page: DeskSession['page']) => page.locator('.pill.connected').count();

describe('browser-mode launch link', () => {
  it('opens the desk and removes the secret from the address bar', async () => {
    const { page } = desk;
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    await expect.poll(() => connectedPills(page), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(page.url()).toBe(desk.host.pageUrl);
    expect(page.url()).not.toContain('launch');
  });

  it('stays in after a reload of the same tab', async () => {
    const { page } = desk;
    await page.reload();
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    await expect.poll(() => connectedPills(page), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('launch-refused').count()).toBe(0);
  });

  it('refuses a spent link with a Chinese message that says where a new one is', async () => {
    const page = await desk.browser.newPage({ locale: 'zh-CN' });
    await page.goto(desk.host.url);
    const refused = page.getByTestId('launch-refused');
    await refused.waitFor({ timeout: 15_000 });
    const text = await refused.innerText();
    expect(text).toContain('无法连接工作站');
    expect(text).toContain('已被使用');
    expect(text).toContain('browser-launch.url');
    await page.screenshot({ path: screenshotPath('launch-refused') });
    await page.close();
  });

  it('refuses the bare address (no link) the same way', async () => {
    const page = await desk.browser.newPage({ locale: 'zh-CN' });
    await page.goto(desk.host.pageUrl);
    await page.getByTestId('launch-refused').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('launch-refused').innerText()).toContain('打开链接');
    await page.close();
  });

  it('opens another tab with the fresh link from the launch file: a new session, so it asks who is signing in', async () => {
    const fresh = desk.host.launchUrl();
    expect(fresh).not.toBe(desk.host.url);
    const page = await desk.browser.newPage({ locale: 'zh-CN' });
    await page.goto(fresh);
    await page.getByTestId('sign-in').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('launch-refused').count()).toBe(0);
    await page.close();
  });
});
