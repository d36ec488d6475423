/**
 * 设置 in real Chromium as the administrator: a wrong 窗口号 is refused beside its field and nothing is saved;
 * a right one is saved and marked 重启后生效; a refusal from the host (an unknown hospital) shows under its
 * section; a hospital desk is refused until the site names its hospital; the 表单模板 section lists the templates
 * in use and refuses a folder whose template does not load with the loader's message (file and field), then
 * saves a good one. Screens at 1366×768 go to test-results/screenshots/settings-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formsDir } from '../../electron/services/paper/form-template';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';

let desk: DeskSession;
let page: Page;

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 768 }, { as: 'admin' });
  page = desk.page;
}, 90_000);
const formsCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-e2e-forms-'));
afterAll(async () => {
  await desk?.close();
  fs.rmSync(formsCopy, { recursive: true, force: true });
});

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

describe('设置: 工作站类型 and 表单模板', () => {
  it('a hospital desk is refused while the saved site has no hospital code', async () => {
    await page.getByTestId('set-desk-profile').selectOption('hospital');
    await page.getByTestId('settings-profile-save').click();
    await expect.poll(() => page.getByTestId('settings-profile-status').innerText()).toContain('须先在“站点”中填写本院定点医疗机构编码');
  });

  it('is saved once the site names its hospital', async () => {
    await page.getByTestId('set-hospital').fill('H99010100001');
    await page.getByTestId('settings-site-save').click();
    await expect.poll(() => page.getByTestId('settings-site-status').innerText()).toBe('已保存，重启工作站后生效');
    await page.getByTestId('set-desk-profile').selectOption('hospital');
    await page.getByTestId('settings-profile-save').click();
    await expect.poll(() => page.getByTestId('settings-profile-status').innerText()).toBe('已保存，重启工作站后生效');
    await page.getByTestId('settings-profile-pending').waitFor();
  });

  it('lists the templates in use with their titles', async () => {
    const section = page.getByTestId('settings-paper');
    await section.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('forms-running-dir').innerText()).toBe(formsDir());
    const items = await page.getByTestId('forms-running-list').locator('li').allInnerTexts();
    expect(items).toContain('门诊慢特病认定申请表 special-disease');
    expect(items).toHaveLength(fs.readdirSync(formsDir()).filter((n) => n.endsWith('.json')).length);
    await section.screenshot({ path: screenshotPath('settings-templates') });
  });

  it('a folder whose template does not load is refused with the file and field', async () => {
    const bad = path.join(formsCopy, 'bad');
    fs.cpSync(formsDir(), bad, { recursive: true });
    const file = path.join(bad, 'remote-registration.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), subtitle: '{{fooBar}}' }));
    await page.getByTestId('set-forms-dir').fill(bad);
    await page.getByTestId('settings-paper-save').click();
    const status = page.getByTestId('settings-paper-status');
    await expect.poll(() => status.innerText()).toContain(file);
    expect(await status.innerText()).toContain('subtitle');
    expect(await status.innerText()).toContain('未知字段 {{fooBar}}');
    await page.screenshot({ path: screenshotPath('settings-templates-refused'), fullPage: true });
  });

  it('a good folder is saved and its templates listed as the next start’s', async () => {
    const good = path.join(formsCopy, 'good');
    fs.cpSync(formsDir(), good, { recursive: true });
    await page.getByTestId('set-forms-dir').fill(good);
    await page.getByTestId('settings-paper-save').click();
    await expect.poll(() => page.getByTestId('settings-paper-status').innerText()).toBe('已保存，重启工作站后生效');
    await page.getByTestId('forms-saved-list').waitFor();
    expect(await page.getByTestId('forms-saved').innerText()).toContain(good);
    await page.screenshot({ path: screenshotPath('settings-templates-saved'), fullPage: true });
  });
});
