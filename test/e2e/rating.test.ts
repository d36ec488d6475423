/**
 * 好差评 in real Chromium: the clerk opens the citizen screen (a second browser window on the same session),
 * accepts a 特门 case, the citizen screen shows the request by itself, the citizen taps 不满意 — which asks
 * why — and the clerk's receipt shows the rating; the supervisor finds it on 差评. The citizen screen carries
 * no personal data. Screens go to test-results/screenshots/rating-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';
import { fillSpecialDisease, readIdCard } from '../helpers/desk-flows';
import { SEEDED, switchOperator } from '../helpers/operators-seed';

let desk: DeskSession;
let page: Page;
let citizen: Page;
let caseNo: string;

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 768 });
  page = desk.page;
}, 90_000);
afterAll(() => desk?.close());

async function acceptSpecialDisease(): Promise<string> {
  await readIdCard(page);
  const name = await page.locator('.person dd.name').innerText();
  await fillSpecialDisease(page);
  await page.getByTestId('submit-case').click();
  await page.getByTestId('receipt').waitFor({ timeout: 15_000 });
  return name;
}

describe('好差评 on the citizen screen', () => {
  let name: string;

  it('the clerk opens the citizen screen: a welcome, no desk, no sign-in', async () => {
    await page.getByTestId('read-id').waitFor();
    // The button lives on the receipt; before any case the clerk can open the same URL the button opens.
    const popup = page.waitForEvent('popup');
    await page.evaluate(() => window.open(`${location.pathname}#/rate`, 'counter-citizen-screen', 'popup,width=1024,height=700'));
    citizen = await popup;
    await citizen.setViewportSize({ width: 1024, height: 600 });
    await citizen.getByTestId('citizen-idle').waitFor({ timeout: 15_000 });
    expect(await citizen.locator('.topbar, [data-testid="sign-in"], [data-testid="lock-screen"]').count()).toBe(0);
    await citizen.screenshot({ path: screenshotPath('rating-idle') });
  });

  it('after 受理 the request reaches the citizen screen by itself, with no personal data on it', async () => {
    name = await acceptSpecialDisease();
    caseNo = await page.getByTestId('receipt-case-no').innerText();
    await expect.poll(() => page.getByTestId('rating-status').innerText()).toContain('已请群众在评价屏上评价');
    // The person panel follows the queue: the case just accepted is listed without a 刷新.
    await expect.poll(() => page.getByTestId('special-diseases').innerText(), { timeout: 15_000 }).toContain('高血压 M03900');
    await citizen.getByTestId('citizen-rating').waitFor({ timeout: 10_000 });
    const text = await citizen.getByTestId('citizen-rating').innerText();
    expect(text).toContain(caseNo);
    expect(text).toContain('门诊慢特病备案');
    expect(text).toContain(SEEDED.clerk.name);
    const html = await citizen.content();
    expect(html).not.toContain(name);
    expect(html).not.toMatch(/\d{6}\*+\d{3}[\dX]/);
    await citizen.screenshot({ path: screenshotPath('rating-ask') });
  });

  it('不满意 asks why; submitting without a reason says so and records nothing', async () => {
    await citizen.getByTestId('rate-4').click();
    await citizen.getByRole('region', { name: '不满意的原因' }).waitFor();
    await citizen.getByTestId('rate-submit').click();
    await expect.poll(() => citizen.getByTestId('rate-error').innerText()).toBe('请选择或填写不满意的原因');
    await citizen.screenshot({ path: screenshotPath('rating-reason') });
    expect(await page.getByTestId('rating-status').innerText()).not.toContain('群众评价');
  });

  it('a tapped reason submits; the citizen is thanked and the clerk sees the rating on the receipt', async () => {
    await citizen.getByTestId('rate-reason-chip').filter({ hasText: '等候时间长' }).click();
    await citizen.getByTestId('rate-submit').click();
    await citizen.getByTestId('citizen-thanks').waitFor();
    expect(await citizen.getByTestId('citizen-thanks').innerText()).toContain('不满意');
    await expect.poll(() => page.getByTestId('rating-status').innerText()).toBe('群众评价：不满意（等候时间长）');
    await page.getByTestId('receipt').screenshot({ path: screenshotPath('rating-on-receipt') });
    // The thanks give way to the welcome screen by themselves.
    await citizen.getByTestId('citizen-idle').waitFor({ timeout: 10_000 });
  });

  it('the supervisor finds the complaint on 差评; a clerk has no such page', async () => {
    expect(await page.getByTestId('nav-complaints').count()).toBe(0);
    await switchOperator(page, SEEDED.supervisor);
    await page.getByTestId('nav-complaints').click();
    const row = page.getByTestId('complaint-row').first();
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(caseNo);
    expect(text).toContain('不满意');
    expect(text).toContain('等候时间长');
    expect(text).toContain(SEEDED.clerk.name);
    await page.screenshot({ path: screenshotPath('rating-complaints') });
    await page.getByTestId('complaints-from').fill('2030-01-02');
    await page.getByTestId('complaints-to').fill('2030-01-01');
    await expect.poll(() => page.getByTestId('complaints-error').innerText()).toBe('开始日期不能晚于结束日期');
  });
});
