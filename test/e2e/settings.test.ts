/**
 * 设置 in real Chromium as the administrator: a wrong 窗口号 is refused beside its field and nothing is saved;
 * a right one is saved and marked 重启后生效; a refusal from the host (an unknown hospital) shows under its
 * section. Screens at 1366×768 go to test-results/screenshots/settings-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';

let desk: DeskSession;
let page: Page;

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 768 }, { as: 'admin' });
  page = desk.page;
}, 90_000);
afterAll(() => desk?.close());

describe('设置', () => {
  it('opens with the saved values', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-site').waitFor();
    expect(await page.getByTestId('set-window').inputValue()).toBe('001');
    expect(await page.getByTestId('set-retention').inputValue()).toBe('30');
    expect(await page.getByTestId('settings-site-save').isDisabled()).toBe(true);
  });

  it('a wrong 窗口号 is refused beside the field; nothing is saved', async () => {
    await page.getByTestId('set-window').fill('12');
    await page.getByTestId('settings-site-save').click();
    await expect.poll(() => page.getByTestId('settings-site').locator('.field-error').allInnerTexts()).toEqual(['窗口号应为 3 位数字（办件编号的第 7–9 位）']);
    await page.screenshot({ path: screenshotPath('settings-invalid') });
    expect(await page.getByTestId('settings-site-status').count()).toBe(0);
  });

  it('the host refuses a hospital not in the catalogue, under its section', async () => {
    await page.getByTestId('set-window').fill('007');
    await page.getByTestId('set-hospital').fill('H00000000000');
    await page.getByTestId('settings-site-save').click();
    await expect.poll(() => page.getByTestId('settings-site-status').innerText()).toBe('医院编码 H00000000000 不在医疗机构目录中');
  });

  it('a right value is saved and waits for the restart', async () => {
    await page.getByTestId('set-hospital').fill('');
    await page.getByTestId('settings-site-save').click();
    await expect.poll(() => page.getByTestId('settings-site-status').innerText()).toBe('已保存，重启工作站后生效');
    await page.getByTestId('settings-site-pending').waitFor();
    await page.getByTestId('settings-restart').waitFor();
    await page.screenshot({ path: screenshotPath('settings-saved') });
  });

  it('a number out of range is refused beside its field', async () => {
    await page.getByTestId('set-retention').fill('0');
    await page.getByTestId('settings-privacy-save').click();
    await expect.poll(() => page.getByTestId('settings-privacy').locator('.field-error').allInnerTexts()).toEqual(['个人数据保留天数应在 1–3650 天之间']);
  });
});
