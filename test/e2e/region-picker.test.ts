/**
 * The 就医地 region picker in browser mode at 1366×768 against the real host: pinyin initials open a list,
 * arrows and Enter choose, Esc closes; editing the text drops the choice (the form never files a code the
 * field does not show); a 异地转诊 备案 is filed and its 受理回执 names the 就医地 beside the code.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';

let desk: DeskSession;
let page: Page;

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 768 });
  page = desk.page;
}, 90_000);

afterAll(() => desk?.close());

const picker = () => page.getByTestId('rr-admdvs');
const options = () => page.getByTestId('rr-admdvs-options');

/** Arrow down until the highlighted option is `code` (at most the list's length). */
async function highlight(code: string): Promise<void> {
  const count = await options().getByRole('option').count();
  for (let i = 0; i < count; i++) {
    if ((await options().locator('[aria-selected="true"]').innerText()).includes(code)) return;
    await picker().press('ArrowDown');
  }
  throw new Error(`option ${code} not in the list`);
}

describe('就医地 region picker', () => {
  it('opens the 异地就医备案 form for a person read from the card', async () => {
    await page.getByTestId('sim-place').click();
    await page.getByTestId('read-id').click();
    await page.getByTestId('psn-no').waitFor({ timeout: 15_000 });
    await page.getByRole('tab', { name: '异地就医备案' }).click();
    await page.getByRole('form', { name: '异地就医备案' }).waitFor();
    await page.getByTestId('reg-type').selectOption('referral');
  });

  it('lists regions for pinyin initials, with full names and codes', async () => {
    await picker().fill('nsq');
    await options().getByRole('option', { name: /广东省深圳市南山区\s*440305/ }).waitFor();
    expect(await picker().getAttribute('aria-expanded')).toBe('true');
    const texts = await options().getByRole('option').allInnerTexts();
    expect(texts.every((t) => /\d{6}/.test(t))).toBe(true);
    await highlight('440305');
    fs.mkdirSync('/work/shots', { recursive: true });
    await page.screenshot({ path: '/work/shots/region-picker.png' });
    await page.screenshot({ path: screenshotPath('region-picker-open') });
  });

  it('Esc closes the list without choosing; Enter chooses the highlighted region', async () => {
    await picker().press('Escape');
    await expect.poll(() => options().count()).toBe(0);
    await expect.poll(() => page.getByTestId('rr-admdvs-chosen').count()).toBe(0);
    await picker().press('ArrowDown');
    await options().waitFor();
    await highlight('440305');
    await picker().press('Enter');
    await page.getByTestId('rr-admdvs-chosen').waitFor();
    expect(await page.getByTestId('rr-admdvs-chosen').innerText()).toBe('已选：广东省深圳市南山区（440305）');
    expect(await picker().inputValue()).toBe('南山区 440305');
    expect(await page.getByTestId('receipt').count()).toBe(0); // Enter chose; it did not submit the form
  });

  it('drops the choice as soon as the text no longer shows it, and refuses to file', async () => {
    await picker().press('End');
    await picker().press('Backspace');
    await expect.poll(() => page.getByTestId('rr-admdvs-chosen').count()).toBe(0);
    await picker().fill('zzz');
    await options().getByText('没有匹配的区划').waitFor();
    await picker().press('Escape');
    await page.getByTestId('rr-tel').fill('13800000002');
    await page.getByTestId('rr-addr').fill('深圳市南山区某小区 1 号楼');
    await page.getByTestId('materials-all').click();
    await page.getByTestId('submit-case').click();
    await page.getByText('请从列表中选择就医地（可输入名称、区划代码或拼音首字母）').waitFor();
    expect(await page.getByTestId('receipt').count()).toBe(0);
  });

  it('files the 异地转诊 with the region chosen by initials; the receipt names it beside the code', async () => {
    await picker().fill('nsq');
    await options().waitFor();
    await highlight('440305');
    await picker().press('Enter');
    await page.getByTestId('rr-admdvs-chosen').waitFor();
    await page.getByTestId('submit-case').click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor({ timeout: 15_000 });
    expect(await receipt.innerText()).toContain('广东省深圳市南山区 440305');
    await page.screenshot({ path: screenshotPath('region-picker-receipt'), fullPage: true });
  });
});
