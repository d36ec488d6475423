/**
 * The 上报队列 in browser mode: a case accepted while the (simulated) platform is down waits in the queue with
 * the reason shown, and is delivered once the platform is back. Screenshots go to test-results/screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';
import { fillSpecialDisease } from '../helpers/desk-flows';

let desk: DeskSession;
let page: Page;

beforeAll(async () => {
  desk = await openDesk({ width: 1440, height: 900 });
  page = desk.page;
}, 90_000);

afterAll(() => desk?.close());

const count = (state: string) => page.getByTestId(`count-${state}`).locator('.count').innerText().then(Number);

describe('upload queue through an outage', () => {
  it('starts empty and online', async () => {
    await page.getByRole('button', { name: '上报队列' }).click();
    await page.getByRole('heading', { name: '上报队列' }).waitFor();
    expect(await count('pending')).toBe(0);
    await page.getByText('队列为空').waitFor();
  });

  it('keeps a case accepted while the platform is down, with the reason', async () => {
    await page.getByTestId('sim-platform-offline').click();
    await page.getByRole('button', { name: '受理台' }).click();
    await page.getByTestId('sim-place').click();
    await page.getByTestId('read-id').click();
    // The person was never looked up before, so with the platform down the desk says so clearly.
    await page.getByTestId('insured-error').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('insured-error').innerText()).toMatch(/无法离线查询/);
    await page.screenshot({ path: screenshotPath('queue-offline-lookup'), fullPage: true });

    // Platform back for the lookup, then down again before the case is filed.
    await page.getByRole('button', { name: '上报队列' }).click();
    await page.getByTestId('sim-platform-none').click();
    await page.getByRole('button', { name: '受理台' }).click();
    await page.getByTestId('insured-error').getByRole('button', { name: '重试' }).click();
    await page.getByTestId('psn-no').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: '上报队列' }).click();
    await page.getByTestId('sim-platform-offline').click();
    await page.getByRole('button', { name: '受理台' }).click();

    await fillSpecialDisease(page, { filter: 'tnb', code: 'M01600', doctorCode: 'D002', doctorName: '李医生', tel: '13800000003' });
    await page.getByTestId('submit-case').click();
    await page.getByTestId('receipt').waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: '上报队列' }).click();
    await expect.poll(async () => (await count('retry')) + (await count('unknown')) + (await count('pending')), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('queue-online').innerText(), { timeout: 30_000 }).toMatch(/离线/);
    const row = page.getByTestId('queue-table').locator('tbody tr').first();
    expect(await row.innerText()).toMatch(/门诊慢特病|特门/);
    // The fault choice survives leaving the page, and each attempt is listed with its msgid.
    expect(await page.getByTestId('sim-platform-offline').getAttribute('class')).toContain('active');
    await page.getByTestId('attempts-toggle').first().click();
    await page.getByTestId('attempts').waitFor();
    expect(await page.getByTestId('attempts').innerText()).toMatch(/发送/);
    await page.screenshot({ path: screenshotPath('queue-offline'), fullPage: true });
  }, 120_000);

  it('delivers it once the platform is back (retry now), exactly once', async () => {
    await page.getByTestId('sim-platform-none').click();
    await page.getByTestId('retry-all').click();
    await expect.poll(() => count('done'), { timeout: 45_000 }).toBe(1);
    expect(await count('retry')).toBe(0);
    expect(await count('unknown')).toBe(0);
    await expect.poll(() => page.getByTestId('queue-online').innerText(), { timeout: 30_000 }).toMatch(/在线/);
    await page.getByRole('button', { name: '已上报' }).click();
    await page.getByTestId('queue-table').getByText('已上报').first().waitFor();
    await page.screenshot({ path: screenshotPath('queue-delivered'), fullPage: true });
  }, 120_000);
});
