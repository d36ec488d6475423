/**
 * Forms that cannot lie or lose (issue 9 points 5, 7, 8), in real Chromium at 1366×768 against browser mode:
 * the 病种 select never files what it does not show; every error beside its field, scrolled to and focused;
 * duplicate / misfit / out-of-visit / non-matching invoices flagged on their row; a stale 试算 cleared; a 告知单
 * only after a confirmation, 返回修改 keeping the form; drafts per person surviving a reload and a card re-read;
 * full-width and formatted input normalised; refusals in the clerk's words; an e-invoice QR filling its row;
 * China time on the 设备 page's test slip.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../shared/china-time';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';

const VIEWPORT = { width: 1366, height: 768 };
let desk: DeskSession;
let page: Page;

beforeAll(async () => {
  desk = await openDesk(VIEWPORT);
  page = desk.page;
}, 90_000);

afterAll(() => desk?.close());

async function readIdCard(): Promise<void> {
  await page.getByTestId('sim-place').click();
  await page.getByTestId('read-id').click();
  await page.getByTestId('psn-no').waitFor({ timeout: 15_000 });
}

/** The element is inside the 1366×768 window (not above or below the fold). */
async function inView(l: Locator): Promise<boolean> {
  const box = await l.boundingBox();
  return !!box && box.y >= 0 && box.y + box.height <= VIEWPORT.height;
}

const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.getAttribute('aria-label') ?? null);

/** The error message in the same cell/field as the control. */
const errorBeside = (testId: string) => page.getByTestId(testId).locator('xpath=ancestor::*[self::td or contains(@class,"field")][1]').locator('.field-error');

/** A keyboard-wedge scan: the whole code typed at scanner speed, then Enter (retried if keys came too slowly). */
async function wedgeScan(code: string): Promise<void> {
  const notice = page.getByTestId('scan-result');
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await notice.count()) await notice.getByRole('button', { name: '关闭' }).click();
    await page.keyboard.type(code, { delay: 0 });
    await page.keyboard.press('Enter');
    try {
      await notice.waitFor({ timeout: 3000 });
      if ((await notice.getAttribute('data-kind')) === 'e-invoice') return;
    } catch {
      // typed too slowly for the wedge detector: again
    }
  }
  throw new Error('the wedge scan was not recognised');
}

describe('forms that cannot lie or lose', () => {
  it('a card just read pre-ticks 有效身份证件', async () => {
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    await readIdCard();
    await page.getByRole('form', { name: '门诊慢特病备案' }).waitFor();
    await expect.poll(() => page.getByTestId('material-id-document').isChecked()).toBe(true);
  });

  it('the 病种 select shows what will be filed: a search that no longer matches keeps the choice visible', async () => {
    const select = page.getByTestId('disease');
    await page.getByTestId('disease-filter').fill('tnb');
    await expect.poll(() => select.inputValue()).toBe('M01600');
    await page.getByTestId('disease-filter').fill('zzz');
    // What the select shows is what the form holds (before: 请选择病种 shown, M01600 filed).
    await expect.poll(() => select.inputValue()).toBe('M01600');
    expect(await select.evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.text)).toContain('糖尿病');
  });

  it('phones and codes are normalised in the field itself, not refused', async () => {
    await page.getByTestId('sd-tel').fill('１３８-0013-8000');
    await page.getByTestId('sd-hospital-code').fill(' h99010100001 ');
    await page.getByTestId('sd-hospital-name').click();
    expect(await page.getByTestId('sd-tel').inputValue()).toBe('13800138000');
    expect(await page.getByTestId('sd-hospital-code').inputValue()).toBe('H99010100001');
  });

  it('受理 with a field missing shows the error beside it, scrolled into view and focused', async () => {
    await page.getByTestId('sd-hospital-name').fill('示例市第一人民医院');
    await page.getByTestId('sd-doctor-code').fill('D001');
    await page.getByTestId('sd-doctor-name').fill('');
    await page.getByTestId('submit-case').click();
    const err = errorBeside('sd-doctor-name');
    await err.waitFor();
    expect(await err.innerText()).toBe('请填写诊断医师姓名');
    await expect.poll(focusedTestId).toBe('sd-doctor-name');
    expect(await inView(err)).toBe(true);
    await page.screenshot({ path: screenshotPath('forms-special-error') });
  });

  it('files exactly the disease the select shows, then the draft is gone', async () => {
    await page.getByTestId('sd-doctor-name').fill('王医生');
    await page.getByTestId('materials-all').click();
    await page.getByTestId('submit-case').click();
    const receipt = page.getByTestId('receipt');
    await receipt.waitFor({ timeout: 15_000 });
    expect(await receipt.innerText()).toContain('糖尿病');
    await page.getByTestId('next-case').click();
    await readIdCard();
    await page.getByRole('form', { name: '门诊慢特病备案' }).waitFor();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    expect(await page.getByTestId('sd-hospital-name').inputValue()).toBe('');
  });

  it('零星报销: full-width and grouped amounts are normalised', async () => {
    await page.getByRole('tab', { name: '零星报销' }).click();
    await page.getByRole('form', { name: '零星报销' }).waitFor();
    await page.getByTestId('rb-hospital-code').fill('H33010600001');
    await page.getByTestId('rb-hospital-name').fill('示例市第一人民医院');
    await page.getByTestId('item-name-0').fill('床位费');
    await page.getByTestId('item-amount-0').fill('１２３．５０');
    await page.getByTestId('add-item').click();
    expect(await page.getByTestId('item-amount-0').inputValue()).toBe('123.50');
    await page.getByTestId('item-name-1').fill('检查费');
    await page.getByTestId('item-amount-1').fill('1,234.50');
    await page.getByTestId('item-name-0').click();
    expect(await page.getByTestId('item-amount-1').inputValue()).toBe('1234.50');
  });

  it('an e-invoice QR scan fills its row with 代码, 号码, 校验码, 开票日期 and 金额', async () => {
    const today = chinaDate(new Date());
    await page.getByTestId('rb-hospital-name').focus();
    await wedgeScan(`01,33060124,0001234567,a1B2c3,${today.replace(/-/g, '')},1358.00`);
    await expect.poll(() => page.getByTestId('inv-code-0').inputValue()).toBe('33060124');
    expect(await page.getByTestId('inv-no-0').inputValue()).toBe('0001234567');
    expect(await page.getByTestId('inv-check-0').inputValue()).toBe('a1B2c3');
    expect(await page.getByTestId('inv-date-0').inputValue()).toBe(today);
    expect(await page.getByTestId('inv-amount-0').inputValue()).toBe('1358.00');
    // The scan did not land in the focused field.
    expect(await page.getByTestId('rb-hospital-name').inputValue()).toBe('示例市第一人民医院');
    await page.getByTestId('invoice-scan-note').waitFor();
  });

  it('the same invoice twice is flagged beside the second row, scrolled into view and focused', async () => {
    await page.getByRole('button', { name: '+ 增加票据' }).click();
    await page.getByTestId('inv-code-1').fill('33060124');
    await page.getByTestId('inv-no-1').fill('0001234567');
    await page.getByTestId('inv-amount-1').fill('0');
    await page.getByTestId('rb-hospital-name').focus();
    await page.getByTestId('calculate').click();
    const err = errorBeside('inv-no-1');
    await err.waitFor();
    expect(await err.innerText()).toContain('与第 1 张票据重复');
    await expect.poll(focusedTestId).toBe('inv-no-1');
    expect(await inView(err)).toBe(true);
    await page.screenshot({ path: screenshotPath('forms-invoice-duplicate') });
    // 受理 refuses the same way (before: both did nothing).
    await page.getByTestId('submit-case').click();
    await expect.poll(focusedTestId).toBe('inv-no-1');
    await page.getByTestId('inv-no-1').locator('xpath=ancestor::tr[1]').getByRole('button', { name: '删除' }).click();
  });

  it('a 开票日期 outside the visit, a 校验码 that does not fit and a total that does not add up are flagged on the row', async () => {
    await page.getByTestId('inv-date-0').fill('2024-03-15');
    await page.getByTestId('inv-code-0').fill('110101');
    await page.getByTestId('item-amount-1').fill('1234.49');
    await page.getByTestId('calculate').click();
    await expect.poll(() => errorBeside('inv-date-0').innerText()).toMatch(/开票日期 2024-03-15 不在就诊期间/);
    expect(await errorBeside('inv-check-0').innerText()).toContain('校验码与票据不符');
    expect(await errorBeside('inv-amount-0').innerText()).toBe('票据金额合计 1358.00 元与费用明细合计 1357.99 元不一致');
    await page.screenshot({ path: screenshotPath('forms-invoice-checks') });
    await page.getByTestId('inv-date-0').fill(chinaDate(new Date()));
    await page.getByTestId('inv-code-0').fill('33060124');
    await page.getByTestId('item-amount-1').fill('1234.50');
  });

  it('a 试算 is cleared as soon as an amount changes', async () => {
    await page.getByTestId('calculate').click();
    await page.getByTestId('calc-result').waitFor({ timeout: 15_000 });
    await page.getByTestId('item-amount-1').fill('1234.00');
    await expect.poll(() => page.getByTestId('calc-result').count()).toBe(0);
    await page.getByTestId('item-amount-1').fill('1234.50');
  });

  it('a host refusal of 试算 is shown beside the button, in view, in the clerk’s words', async () => {
    await page.getByTestId('inv-date-0').fill('');
    await page.getByTestId('rb-begndate').fill('2020-01-01');
    await page.getByTestId('rb-enddate').fill('2020-01-02');
    await page.getByTestId('calculate').click();
    const err = page.getByTestId('calc-error');
    await err.waitFor({ timeout: 15_000 });
    const text = await err.innerText();
    expect(text).toMatch(/^未能试算：/);
    expect(text).not.toMatch(/[a-z]+(\[\d+\]|\.[a-z])|\|/i);
    expect(await inView(err)).toBe(true);
    await page.screenshot({ path: screenshotPath('forms-calc-refused') });
  });

  it('a reload and a card re-read of the same person give the half-filled form back', async () => {
    await page.reload();
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    await readIdCard();
    await page.getByRole('tab', { name: '零星报销' }).click();
    await page.getByTestId('draft-restored').waitFor();
    expect(await page.getByTestId('rb-hospital-name').inputValue()).toBe('示例市第一人民医院');
    expect(await page.getByTestId('item-amount-1').inputValue()).toBe('1234.50');
    expect(await page.getByTestId('inv-check-0').inputValue()).toBe('a1B2c3');
    // An accidental re-read (F2) of the same person: the form stays filled.
    await page.keyboard.press('F2');
    await page.getByTestId('psn-no').waitFor({ timeout: 15_000 });
    await page.getByRole('form', { name: '零星报销' }).waitFor();
    expect(await page.getByTestId('rb-hospital-name').inputValue()).toBe('示例市第一人民医院');
  });

  it('Enter does not submit; a 告知单 only after a confirmation listing what is missing; 返回修改 keeps the form', async () => {
    await page.getByRole('tab', { name: '异地就医备案' }).click();
    await page.getByRole('form', { name: '异地就医备案' }).waitFor();
    await page.getByTestId('rr-admdvs').fill('110100');
    await page.getByTestId('rr-admdvs-options').getByRole('option', { name: /北京市\s*110100/ }).waitFor();
    await page.getByTestId('rr-admdvs').press('Enter');
    await page.getByTestId('rr-tel').fill('138 0013 8000');
    await page.getByTestId('rr-addr').fill('北京市朝阳区某小区 1 号楼');
    await page.getByTestId('rr-addr').press('Enter');
    await page.getByTestId('rr-tel').press('Enter');
    // Still the form (before: Enter issued a numbered 告知单 at once).
    await page.getByTestId('submit-case').click();
    const confirm = page.getByTestId('notice-confirm');
    await confirm.waitFor();
    expect(await page.getByTestId('notice').count()).toBe(0);
    const missing = await page.getByTestId('notice-confirm-missing').innerText();
    expect(missing).toContain('异地就医备案表');
    expect(missing).toContain('异地居住或工作证明 或 个人承诺书');
    expect(missing).not.toContain('有效身份证件');
    await page.screenshot({ path: screenshotPath('forms-notice-confirm') });
    await page.getByTestId('confirm-cancel').click();
    expect(await confirm.count()).toBe(0);
    expect(await page.getByTestId('notice').count()).toBe(0);
    await page.getByTestId('submit-case').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('notice').waitFor({ timeout: 15_000 });
    await page.getByTestId('back-to-form').click();
    await page.getByRole('form', { name: '异地就医备案' }).waitFor();
    expect(await page.getByTestId('rr-tel').inputValue()).toBe('13800138000');
    expect(await page.getByTestId('rr-addr').inputValue()).toBe('北京市朝阳区某小区 1 号楼');
    expect(await page.getByTestId('material-id-document').isChecked()).toBe(true);
  });

  it('the printer test slip and the 设备 page show China time', async () => {
    await page.getByRole('button', { name: '设备', exact: true }).click();
    await page.getByTestId('test-printer').click();
    await expect.poll(() => page.getByTestId('printed-job').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const slip = await page.getByTestId('printed-job').first().innerText();
    // Read in any date layout, so a wrong zone fails here for the zone, not for the layout.
    const m = /测试时间\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s+(\d{1,2}):(\d{2}):(\d{2})/.exec(slip);
    expect(m, slip).not.toBeNull();
    const [y, mo, d, h, mi, sec] = m!.slice(1).map(Number);
    // The slip's time is the China time of now (UTC+8), not the machine's UTC.
    const printed = Date.UTC(y, mo - 1, d, h - 8, mi, sec);
    expect(Math.abs(printed - Date.now())).toBeLessThan(10 * 60_000);
    expect(m![0]).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const header = await page.getByTestId('printed-job').first().locator('figcaption').innerText();
    expect(header).toContain(`${String(h).padStart(2, '0')}:${m![5]}`);
  });
});
