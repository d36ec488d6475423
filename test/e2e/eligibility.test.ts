/**
 * Eligibility at the counter in Chromium (browser mode, embedded platform simulator): 陈七 (暂停参保) reads
 * his 社保卡 and asks for a 异地就医备案 with every material ticked — the desk refuses beside the 受理 button
 * with the reason in Chinese, and neither a 受理回执 nor a 一次性告知单 appears.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';

let desk: DeskSession;
let page: Page;

/** Also kept where the team looks at screens (when that folder exists). */
async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: false });
  if (fs.existsSync('/work/shots')) await page.screenshot({ path: `/work/shots/${name}.png`, fullPage: false });
}

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 768 });
  page = desk.page;
}, 90_000);

afterAll(() => desk?.close());

describe('eligibility before the receipt', () => {
  it('陈七 (暂停参保) 异地备案: the refusal is shown at the 受理 button, no receipt, no notice', async () => {
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    const sample = page.getByTestId('sim-sscard-sample');
    await sample.waitFor();
    const value = await sample.locator('option', { hasText: '陈七' }).first().getAttribute('value');
    await sample.selectOption(value!);
    await page.getByTestId('sim-sscard-insert').click();
    await page.getByTestId('read-sscard').click();
    await page.getByTestId('psn-no').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('person').innerText()).toContain('陈七');

    await page.getByRole('tab', { name: '异地就医备案' }).click();
    await page.getByRole('form', { name: '异地就医备案' }).waitFor();
    await page.getByTestId('reg-type').selectOption('referral');
    await page.getByTestId('rr-admdvs').fill('110100');
    await page.getByTestId('rr-admdvs-options').getByRole('option', { name: /北京市\s*110100/ }).waitFor();
    await page.getByTestId('rr-admdvs').press('Enter');
    await page.getByTestId('rr-tel').fill('13800000005');
    await page.getByTestId('rr-addr').fill('北京市朝阳区某小区 5 号楼');
    await page.getByTestId('materials-all').click();
    await page.getByTestId('submit-case').click();

    const refusal = page.getByTestId('submit-error');
    await refusal.waitFor({ timeout: 15_000 });
    expect(await refusal.innerText()).toBe('未受理：该人员参保状态为暂停参保，非正常参保不能办理（请参保人先到参保地恢复正常参保）');
    // Beside the button the clerk just pressed (the page's end, above the simulator dock): visible, not covered.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const uncovered = await refusal.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.top >= 0 && r.bottom <= window.innerHeight && !!hit && el.contains(hit);
    });
    expect(uncovered, 'the refusal is on screen beside the button').toBe(true);
    expect(await page.getByTestId('receipt').count()).toBe(0);
    expect(await page.getByTestId('notice').count()).toBe(0);
    await shoot('rules-chenqi-refused');
  });
});
