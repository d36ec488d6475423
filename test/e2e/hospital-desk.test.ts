/**
 * A hospital 医保办 desk (config profile 'hospital', site.hospitalCode H99010100001) in real Chromium at 1366×768:
 * 门诊慢特病 and 异地就医备案 are the first tabs; the 特门 form opens with the hospital's own code and name as 鉴定
 * 医疗机构 and its first doctor as 诊断医师 (another one chosen from the list); a 备案 starts as 异地转诊; a 特门 case
 * filled from these defaults is accepted. Screens go to test-results/screenshots/hospital-desk-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';

let desk: DeskSession;
let page: Page;

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 768 }, { config: { profile: 'hospital', site: { hospitalCode: 'H99010100001' } } });
  page = desk.page;
}, 90_000);
afterAll(() => desk?.close());

const value = (testId: string) => page.getByTestId(testId).inputValue();

describe('hospital 医保办 desk', () => {
  it('puts 门诊慢特病 and 异地就医备案 first and names the hospital', async () => {
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    const tabs = (await page.getByRole('tab').allInnerTexts()).map((t) => t.replace(/\s*Alt\+\d$/, '').trim());
    expect(tabs.slice(0, 2)).toEqual(['门诊慢特病', '异地就医备案']);
    expect(await page.getByRole('tab', { selected: true }).innerText()).toContain('门诊慢特病');
    expect(await page.getByTestId('desk-hospital').innerText()).toBe('医保办 · 示例市第一人民医院');
  });

  it('opens the 特门 form with its own hospital and first doctor filled in', async () => {
    await page.getByTestId('sim-place').click();
    await page.getByTestId('read-id').click();
    await page.getByRole('form', { name: '门诊慢特病备案' }).waitFor({ timeout: 15_000 });
    expect(await value('sd-hospital-code')).toBe('H99010100001');
    expect(await value('sd-hospital-name')).toBe('示例市第一人民医院');
    expect(await value('sd-doctor-choice')).toBe('D990101001');
    expect(await value('sd-doctor-code')).toBe('D990101001');
    expect(await value('sd-doctor-name')).toBe('王建国');
    await page.screenshot({ path: screenshotPath('hospital-desk-special-defaults') });
  });

  it('another doctor is chosen from the list; 其他 leaves the fields to type', async () => {
    await page.getByTestId('sd-doctor-choice').selectOption('D990101002');
    expect(await value('sd-doctor-code')).toBe('D990101002');
    expect(await value('sd-doctor-name')).toBe('李秀英');
    await page.getByTestId('sd-doctor-choice').selectOption('');
    expect(await value('sd-doctor-code')).toBe('');
    await page.getByTestId('sd-doctor-code').fill('D990101003');
    await page.getByTestId('sd-doctor-code').blur();
    // Typing a listed doctor's code shows them as chosen.
    expect(await value('sd-doctor-choice')).toBe('D990101003');
    await page.getByTestId('sd-doctor-name').fill('张伟');
  });

  it('accepts the 特门 case with the hospital’s defaults', async () => {
    await page.getByTestId('disease-filter').fill('tnb');
    await expect.poll(() => value('disease')).toBe('M01600');
    await page.getByTestId('sd-tel').fill('13800000001');
    await page.getByTestId('materials-all').click();
    await page.getByTestId('submit-case').click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor({ timeout: 15_000 });
    expect(await receipt.innerText()).toContain('糖尿病');
    await page.screenshot({ path: screenshotPath('hospital-desk-special-receipt') });
  });

  it('a 备案 starts as 异地转诊', async () => {
    await page.getByRole('tab', { name: /异地就医备案/ }).click();
    await page.getByRole('form', { name: '异地就医备案' }).waitFor();
    expect(await value('reg-type')).toBe('referral');
    await page.screenshot({ path: screenshotPath('hospital-desk-referral') });
  });
});
