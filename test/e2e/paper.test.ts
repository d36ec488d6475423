/**
 * Signed paper and 日结 in browser mode against the real host, at the clerk's 1366×768: accept a 特门, the
 * receipt offers its A4 forms (FormsToPrint) — saved as PDF, then 补打 — and the 日结 page shows the day for
 * the desk and the clerk, prints it on the simulated receipt printer, saves the A4 PDF and exports CSV.
 * Screenshots of both screens and of the PDFs (pdftoppm) go to test-results/screenshots.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';
import { fillSpecialDisease, readIdCard } from '../helpers/desk-flows';

let desk: DeskSession;
let page: Page;
/** The 特门 accepted first (its 办件编号, from the receipt). */
let firstCase = '';

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 768 });
  page = desk.page;
}, 90_000);

afterAll(() => desk?.close());

/** The PDF named in a message, first page as PNG beside the screenshots. */
function pdfShot(message: string, name: string): void {
  const file = /已保存 PDF：(.+\.pdf)$/.exec(message)?.[1];
  expect(file && fs.existsSync(file)).toBe(true);
  const r = spawnSync('pdftoppm', ['-r', '60', '-png', '-singlefile', '-f', '1', file!, screenshotPath(name).replace(/\.png$/, '')]);
  expect(r.status).toBe(0);
}

describe('FormsToPrint after 受理', () => {
  it('accepts a 特门 and lists its forms, none printed yet', async () => {
    await readIdCard(page);
    await page.getByRole('form', { name: '门诊慢特病备案' }).waitFor();
    await fillSpecialDisease(page, { filter: 'tnb', code: 'M01600' });
    await page.getByTestId('submit-case').click();
    const forms = page.getByTestId('forms-to-print');
    await forms.waitFor({ timeout: 15_000 });
    firstCase = await page.getByTestId('receipt-case-no').innerText();
    await page.getByTestId('form-special-disease').waitFor();
    expect(await page.getByTestId('form-special-disease').getByTestId('form-state').innerText()).toBe('未打印');
    // Every material was given: no 容缺承诺书.
    expect(await forms.locator('li').count()).toBe(1);
    // Browser mode: no print dialog, a PDF.
    expect(await page.getByTestId('form-print').count()).toBe(0);
  });

  it('保存PDF writes the form and marks it printed; the second time is a 补打', async () => {
    await page.getByTestId('form-special-disease').getByTestId('form-pdf').click();
    await expect.poll(() => page.getByTestId('forms-message').innerText(), { timeout: 30_000 }).toMatch(/^门诊慢特病认定申请表已保存 PDF：.*\.pdf$/);
    await expect.poll(() => page.getByTestId('form-special-disease').getByTestId('form-state').innerText()).toMatch(/^已打印 1 次 · \d{2}-\d{2} \d{2}:\d{2}$/);
    pdfShot(await page.getByTestId('forms-message').innerText(), 'paper-form-special-disease');
    await page.getByTestId('form-special-disease').getByTestId('form-pdf').click();
    await expect.poll(() => page.getByTestId('forms-message').innerText(), { timeout: 30_000 }).toMatch(/^门诊慢特病认定申请表（补打）已保存 PDF：/);
    await expect.poll(() => page.getByTestId('form-special-disease').getByTestId('form-state').innerText()).toMatch(/^已打印 2 次/);
    await page.getByTestId('forms-to-print').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('paper-forms-to-print') });
  });
});

describe('日结', () => {
  it('shows the day for the desk and the clerk', async () => {
    await page.getByTestId('nav-day-summary').click();
    await page.getByTestId('day-summary').waitFor();
    await expect.poll(() => page.getByTestId('day-desk').innerText()).toMatch(/^1\s*办件合计/);
    const mine = page.getByTestId('day-operator-op001');
    await mine.waitFor();
    expect(await mine.innerText()).toContain('李柜员（op001）');
    expect(await mine.innerText()).toContain('门诊慢特病备案');
    expect(await page.getByTestId('day-desk').innerText()).toMatch(/0\s*差评/);
    await page.screenshot({ path: screenshotPath('paper-day-summary') });
  });

  it('prints on the receipt printer, saves the A4 PDF and exports CSV with a BOM', async () => {
    await page.getByTestId('day-print-receipt').click();
    await expect.poll(() => page.getByTestId('day-message').innerText(), { timeout: 15_000 }).toMatch(/^日结单（\d{4}-\d{2}-\d{2}）已打印$/);
    await page.getByTestId('day-pdf').click();
    await expect.poll(() => page.getByTestId('day-message').innerText(), { timeout: 30_000 }).toMatch(/^日结单（.*）已保存 PDF：.*\.pdf$/);
    pdfShot(await page.getByTestId('day-message').innerText(), 'paper-day-summary-pdf');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('day-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^日结-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toMatch(/本窗口,,,门诊慢特病备案,\d,\d,0,0,1/);
    await expect.poll(() => page.getByTestId('day-message').innerText()).toMatch(/^已导出 日结-/);
  });

  it('an earlier day with nothing done says so', async () => {
    await page.getByTestId('day-date').fill('2026-01-05');
    await expect.poll(() => page.getByTestId('day-desk').innerText()).toMatch(/^0\s*办件合计/);
    await page.getByText('当日没有经办人办件。').waitFor();
  });
});

describe('the paper of a past case, from 办件记录', () => {
  it('撤销 gives a case whose receipt offers the 撤销申请; the original’s form can be printed again (补打)', async () => {
    await page.getByTestId('nav-desk').click();
    await page.getByRole('tab', { name: /办件记录/ }).click();
    await page.getByTestId('history').waitFor();
    await page.getByTestId('cancel-case').first().click();
    // 撤销 asks for the applicant's reason (printed on the 撤销申请).
    await page.getByTestId('reason-text').fill('申请人不再需要此备案');
    await page.getByTestId('reason-ok').click();
    await expect.poll(() => page.locator('[data-testid^="history-"]').filter({ hasText: '撤销门诊慢特病备案' }).count(), { timeout: 15_000 }).toBe(1);
    await page.locator('[data-testid^="history-"]').filter({ hasText: '撤销门诊慢特病备案' }).getByRole('button', { name: '回执', exact: true }).click();
    await page.getByTestId('form-cancellation').waitFor({ timeout: 15_000 }).catch(async (err) => {
      await page.screenshot({ path: screenshotPath('paper-history-debug') });
      throw err;
    });
    await page.getByTestId('form-cancellation').getByTestId('form-pdf').click();
    await expect.poll(() => page.getByTestId('forms-message').innerText(), { timeout: 30_000 }).toMatch(/^撤销申请已保存 PDF：/);
    pdfShot(await page.getByTestId('forms-message').innerText(), 'paper-form-cancellation');
    await page.getByTestId('next-case').click();
    // The original registration: its 申请表 was printed twice at acceptance; a third is again a 补打.
    await page.getByTestId(`history-${firstCase}`).getByRole('button', { name: '回执', exact: true }).click();
    await expect.poll(() => page.getByTestId('form-special-disease').getByTestId('form-state').innerText(), { timeout: 15_000 }).toMatch(/^已打印 2 次/);
    await page.getByTestId('form-special-disease').getByTestId('form-pdf').click();
    await expect.poll(() => page.getByTestId('forms-message').innerText(), { timeout: 30_000 }).toMatch(/^门诊慢特病认定申请表（补打）已保存 PDF：/);
    await expect.poll(() => page.getByTestId('form-special-disease').getByTestId('form-state').innerText()).toMatch(/^已打印 3 次/);
    await page.screenshot({ path: screenshotPath('paper-history-reprint') });
  }, 90_000);
});
