import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';

let desk: DeskSession;
let page: Page;

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 860 });
  page = desk.page;
}, 90_000);

afterAll(() => desk?.close());

describe('reception slice in browser mode', () => {
  it('shows the desk with the simulated ID reader connected', async () => {
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    await page.getByTestId('sim-place').waitFor();
    await expect.poll(() => page.locator('.pill.connected').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('reads the simulated card after 放置身份证 and fills the person panel with a masked ID', async () => {
    await page.getByTestId('sim-place').click();
    await page.getByText('已放置身份证').waitFor();
    await page.getByTestId('read-id').click();
    const person = page.getByTestId('person');
    await person.waitFor({ timeout: 15_000 });
    const masked = await page.getByTestId('id-masked').innerText();
    expect(masked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const text = await person.innerText();
    for (const label of ['姓名', '性别', '民族', '出生日期', '住址', '有效期限']) expect(text).toContain(label);
    await page.screenshot({ path: screenshotPath('reception-person'), fullPage: true });
  });

  it('F2 reads too, and a missing card gives a clear Chinese message without breaking the desk', async () => {
    await page.getByTestId('sim-remove').click();
    await page.getByText('已取走身份证').waitFor();
    await page.keyboard.press('F2');
    const error = page.getByTestId('read-error');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.innerText()).toMatch(/身份证/);
    // The previous citizen is not left on screen after a failed read.
    expect(await page.getByTestId('person').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('reception-no-card'), fullPage: true });
    // The desk keeps working: place the card again and read it.
    await page.getByTestId('sim-place').click();
    await page.keyboard.press('F2');
    await page.getByTestId('person').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('read-error').count()).toBe(0);
  });

  it('shows the devices page', async () => {
    await page.getByRole('button', { name: '设备' }).click();
    await page.getByRole('heading', { name: '设备' }).waitFor();
    await page.screenshot({ path: screenshotPath('devices'), fullPage: true });
  });
});
