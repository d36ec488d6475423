/**
 * The three services in browser mode against the real host (embedded platform simulator, simulated ID reader):
 * read the card, fill the 特门 form, accept, see the 受理回执, watch the 办件记录 reach 已上报; a 零星报销 试算;
 * a refusal with the 一次性告知单. Screenshots of each screen go to test-results/screenshots.
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

describe('counter services in browser mode', () => {
  it('the forms wait for a person read and confirmed by the platform', async () => {
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    await page.getByText('请先在左侧读取参保人身份证件').waitFor();
    await page.getByTestId('sim-place').click();
    await page.getByTestId('read-id').click();
    await page.getByTestId('person').waitFor({ timeout: 15_000 });
    await page.getByTestId('psn-no').waitFor({ timeout: 15_000 });
    await page.getByRole('form', { name: '门诊慢特病备案' }).waitFor();
  });

  it('shows Chinese field errors for an empty 特门 form', async () => {
    await page.getByTestId('submit-case').click();
    await page.getByText('请填写鉴定医疗机构编码').waitFor();
    await page.getByText('联系电话应为 11 位手机号或带区号的固定电话').waitFor();
    await page.screenshot({ path: screenshotPath('services-special-errors'), fullPage: true });
  });

  it('fills the 特门 form, accepts it and shows the 受理回执 with a masked ID', async () => {
    await fillSpecialDisease(page);
    await page.screenshot({ path: screenshotPath('services-special-form'), fullPage: true });
    await page.getByTestId('submit-case').click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor({ timeout: 15_000 });
    const text = await receipt.innerText();
    expect(text).toContain('高血压');
    expect(text).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    expect(await page.getByTestId('receipt-case-no').innerText()).toMatch(/^\d{23}$/);
    await page.screenshot({ path: screenshotPath('services-special-receipt'), fullPage: true });
  });

  it('prints the receipt on the simulated printer and saves it as PDF', async () => {
    await page.getByTestId('print-receipt').click();
    await page.getByTestId('receipt-message').waitFor();
    await page.getByTestId('save-pdf').click();
    await expect.poll(() => page.getByTestId('receipt-message').innerText(), { timeout: 30_000 }).toMatch(/已保存 PDF：.*\.pdf/);
  });

  it('the 办件记录 reaches 已上报 once the uploader has delivered it', async () => {
    await page.getByRole('tab', { name: '办件记录' }).click();
    await page.getByTestId('history').waitFor();
    await expect.poll(() => page.getByTestId('history-state').first().innerText(), { timeout: 30_000 }).toBe('已上报');
    await page.screenshot({ path: screenshotPath('services-history'), fullPage: true });
  });

  it('补打回执 in 办件记录 prints the receipt again from the stored case, without the card', async () => {
    await page.getByTestId('reprint-receipt').first().click();
    await expect.poll(() => page.getByTestId('reprint-message').innerText(), { timeout: 15_000 }).toMatch(/受理回执（\d{23}，补打）已打印/);
  });

  it('零星报销 试算 shows the engine result with every explanation line', async () => {
    await page.getByRole('tab', { name: '零星报销' }).click();
    await page.getByRole('form', { name: '零星报销' }).waitFor();
    await page.getByTestId('rb-hospital-code').fill('H11010100009');
    await page.getByTestId('rb-hospital-name').fill('外省某三甲医院');
    await page.getByTestId('item-name-0').fill('床位费');
    await page.getByTestId('item-amount-0').fill('37000');
    await page.getByTestId('add-item').click();
    await page.getByTestId('item-name-1').fill('某乙类药');
    await page.getByTestId('item-amount-1').fill('10000.00');
    await page.getByTestId('item-ratio-1').fill('10');
    await page.getByTestId('add-item').click();
    await page.getByTestId('item-name-2').fill('自费耗材');
    await page.getByTestId('item-cat-2').selectOption('丙');
    await page.getByTestId('item-amount-2').fill('3000');
    await page.getByTestId('inv-code-0').fill('110101');
    await page.getByTestId('inv-no-0').fill('00000001');
    await page.getByTestId('inv-amount-0').fill('50000');
    await page.getByTestId('calculate').click();
    const calc = page.getByTestId('calc-result');
    await calc.waitFor({ timeout: 15_000 });
    // 居民 level 3, first admission, local: fund = (50,000 − 3,000 − 1,000 − 1,000) × 60% = 27,000 元.
    expect(await page.getByTestId('calc-fund').innerText()).toBe('27,000.00');
    expect(await calc.locator('li').count()).toBeGreaterThan(3);
    await calc.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('services-reimbursement-calc'), fullPage: true });
  });

  it('money typed wrong is refused in Chinese before anything is sent', async () => {
    await page.getByTestId('item-amount-0').fill('12.345');
    await page.getByTestId('calculate').click();
    await page.getByText('金额应为以元为单位的金额，最多两位小数，例如 123.45').waitFor();
    await page.getByTestId('item-amount-0').fill('37000');
  });

  it('异地就医备案 without the main materials gives a 一次性告知单', async () => {
    await page.getByRole('tab', { name: '异地就医备案' }).click();
    await page.getByRole('form', { name: '异地就医备案' }).waitFor();
    await page.getByTestId('rr-admdvs').fill('110100'); // the picker searches; Enter chooses the exact code
    await page.getByTestId('rr-admdvs-options').getByRole('option', { name: /北京市\s*110100/ }).waitFor();
    await page.getByTestId('rr-admdvs').press('Enter');
    await page.getByTestId('rr-tel').fill('13800000002');
    await page.getByTestId('rr-addr').fill('北京市朝阳区某小区 1 号楼');
    await page.getByTestId('material-id-document').check();
    await page.getByTestId('submit-case').click();
    // A numbered 告知单 only after the clerk confirms what is missing (test/e2e/forms.test.ts goes further).
    await page.getByTestId('notice-confirm').waitFor();
    await page.getByTestId('confirm-ok').click();
    const notice = page.getByTestId('notice');
    await notice.waitFor({ timeout: 15_000 });
    const text = await notice.innerText();
    expect(text).toContain('异地就医备案表');
    expect(text).toContain('异地居住或工作证明 或 个人承诺书');
    await page.screenshot({ path: screenshotPath('services-notice'), fullPage: true });
  });
});
