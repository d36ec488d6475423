/**
 * Reception from every source in Chromium (browser mode, embedded platform simulator, 1366×768): a typed
 * number (Enter submits, wrong check digit answered beside the field), a foreign permanent-residence card read
 * and a 2023-format number typed, a scanned 医保电子凭证 and ID number with the platform's name shown (never a
 * placeholder), an unknown number that gets a clear message and no service form, and 临时受理 offline from the
 * ID card's own data — marked on screen and on the receipt, checked against 1101 when the platform is back.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';
import { fillSpecialDisease } from '../helpers/desk-flows';

let desk: DeskSession;
let page: Page;

async function shoot(name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name), fullPage: false });
  if (fs.existsSync('/work/shots')) await page.screenshot({ path: `/work/shots/${name}.png`, fullPage: false });
}
async function typeNumber(doc: string, number: string): Promise<void> {
  await page.getByTestId('typed-doc').selectOption(doc);
  await page.getByTestId('typed-number').fill(number);
  await page.getByTestId('typed-number').press('Enter');
}
async function placeCard(name: string): Promise<void> {
  const sample = page.getByTestId('sim-sample');
  const value = await sample.locator('option', { hasText: name }).first().getAttribute('value');
  await sample.selectOption(value!);
  await page.getByTestId('sim-place').click();
  await page.getByText('已放置身份证').waitFor();
}
async function platformFault(fault: 'offline' | 'none'): Promise<void> {
  await page.getByRole('button', { name: '上报队列' }).click();
  await page.getByTestId(`sim-platform-${fault}`).click();
  await page.getByRole('button', { name: '受理台' }).click();
}
const caseName = () => page.getByTestId('case-person-name').innerText();

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 768 });
  page = desk.page;
}, 90_000);

afterAll(() => desk?.close());

describe('reception from every source', () => {
  it('a typed ID number with a wrong check digit is answered beside the field, nothing is looked up', async () => {
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    await typeNumber('resident-id', '990102196003150019');
    const error = page.getByTestId('typed-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('身份证号码有误：号码校验位错误');
    expect(await page.getByTestId('typed-number').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('person').count()).toBe(0);
    await shoot('reception-typed-wrong-check');
    // A foreigner's number typed as a resident ID is sent to the right document type, in words.
    await typeNumber('resident-id', '931250198809170021');
    expect(await error.innerText()).toMatch(/外国人永久居留身份证/);
  });

  it('a typed number (full-width digits, Enter) shows the platform’s name and opens the services', async () => {
    await typeNumber('resident-id', '９９０１０２１９６００３１５００１８');
    await page.getByTestId('psn-no').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('person-name').innerText()).toBe('张三');
    expect(await page.getByTestId('id-masked').innerText()).toBe('990102********0018');
    expect(await page.getByTestId('person').innerText()).toContain('手工录入');
    expect(await page.getByTestId('person').innerText()).not.toContain('扫码录入（');
    await page.getByRole('form', { name: '门诊慢特病备案' }).waitFor();
    expect(await caseName()).toBe('张三');
    expect(await page.getByTestId('typed-number').inputValue()).toBe('');
    await shoot('reception-typed');
  });

  it('a foreign permanent-residence card is looked up under its own document type; a 2023 number typed too', async () => {
    await placeCard('史密斯');
    await page.getByTestId('read-id').click();
    await page.getByTestId('psn-no').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('psn-no').innerText()).toBe('99010000000000000007');
    expect(await page.getByTestId('person-document').innerText()).toBe('外国人永久居留身份证');
    expect(await page.getByTestId('insured-error').count()).toBe(0);
    await page.getByRole('form', { name: '门诊慢特病备案' }).waitFor();
    await shoot('reception-foreign-card');

    await typeNumber('foreign-permanent', '931250198809170021');
    await expect.poll(() => page.getByTestId('person-name').innerText(), { timeout: 15_000 }).toBe('玛丽亚');
    expect(await page.getByTestId('person-document').innerText()).toBe('外国人永久居留身份证');
    expect(await caseName()).toBe('玛丽亚');
  });

  it('a scanned 医保电子凭证 and a scanned ID number each offer an action and show the platform’s name', async () => {
    const scan = async (label: string) => {
      const sample = page.getByTestId('sim-scan-sample');
      const value = await sample.locator('option', { hasText: label }).first().getAttribute('value');
      await sample.selectOption(value!);
      await page.getByTestId('sim-scan').click();
    };
    await scan('医保电子凭证（张三');
    await page.getByTestId('scan-use-ec').click();
    await expect.poll(() => page.getByTestId('person-name').innerText(), { timeout: 15_000 }).toBe('张三');
    expect(await page.getByTestId('person').innerText()).toContain('医保电子凭证');
    expect(await caseName()).toBe('张三');

    await scan('居民身份证号码（李四');
    await page.getByTestId('scan-use-id').click();
    await expect.poll(() => page.getByTestId('person-name').innerText(), { timeout: 15_000 }).toBe('李四');
    expect(await page.getByTestId('person').innerText()).toContain('扫码录入（未读卡）');
    expect(await caseName()).toBe('李四');
    await shoot('reception-scanned-id');

    await scan('社会保障卡卡号（李四');
    const notice = page.getByTestId('scan-result');
    await expect.poll(() => notice.getAttribute('data-kind'), { timeout: 5000 }).toBe('sscard-number');
    expect(await notice.innerText()).toContain('请插卡读取');
    await page.getByTestId('scan-read-sscard').waitFor();
    await page.getByTestId('sim-sscard-insert').click();
    await page.getByTestId('scan-read-sscard').click();
    await expect.poll(() => page.getByTestId('sscard-number').innerText(), { timeout: 15_000 }).toMatch(/^A\d{8}$/);
    await page.getByTestId('psn-no').waitFor({ timeout: 15_000 });
  });

  it('a number the platform does not know: a clear message and no service form', async () => {
    await typeNumber('resident-id', '11010519491231002X');
    const error = page.getByTestId('insured-error');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.innerText()).toContain('未查询到该人员的参保信息');
    await page.getByTestId('services-blocked').waitFor();
    expect(await page.getByTestId('services-blocked').innerText()).toContain('未查询到该人员的参保信息');
    expect(await page.getByRole('form', { name: '门诊慢特病备案' }).count()).toBe(0);
    expect(await page.getByTestId('person-name').innerText()).toBe('未能确认（平台查询未成功）');
    await shoot('reception-unknown-number');
  });

  it('offline, a person never seen here is accepted provisionally from the ID card; the receipt says 临时受理; back online 1101 confirms and the case is filed', async () => {
    await platformFault('offline');
    await placeCard('李秀兰');
    await page.getByTestId('read-id').click();
    await page.getByTestId('provisional-offer').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('form', { name: '门诊慢特病备案' }).count()).toBe(0);
    await shoot('reception-offline-offer');
    await page.getByTestId('provisional-accept').click();
    await page.getByTestId('insured-provisional').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('provisional-name').innerText()).toBe('李秀兰');
    expect(await page.getByTestId('psn-no').innerText()).toMatch(/^LS[0-9A-F]{18}（本机临时编号）$/);
    expect(await page.locator('.readonly-note').filter({ hasText: '临时受理' }).innerText()).toContain('临时受理（待核验）');
    await shoot('reception-provisional');

    await fillSpecialDisease(page);
    await page.getByTestId('submit-case').click();
    await page.getByTestId('receipt').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('receipt-provisional').innerText()).toContain('临时受理（待核验）');
    const caseNo = await page.getByTestId('receipt-case-no').innerText();
    await shoot('reception-provisional-receipt');

    await page.getByRole('button', { name: '上报队列' }).click();
    await page.getByTestId('sim-platform-none').click();
    await page.getByTestId('retry-all').click();
    // The same card read again online is the platform's person, and the case is in their 办件记录, filed.
    await page.getByRole('button', { name: '受理台' }).click();
    await page.getByTestId('read-id').click();
    await expect.poll(() => page.getByTestId('psn-no').innerText(), { timeout: 15_000 }).toMatch(/^\d{20}$/);
    expect(await page.getByTestId('insured-provisional').count()).toBe(0);
    await page.getByRole('tab', { name: '办件记录' }).click();
    const history = page.locator('.tab-body');
    await expect.poll(() => history.innerText(), { timeout: 15_000 }).toContain(caseNo);
    await expect.poll(() => history.innerText(), { timeout: 30_000 }).toMatch(/已上报/);
    await shoot('reception-provisional-filed');
  }, 120_000);
});
