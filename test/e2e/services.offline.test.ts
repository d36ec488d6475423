/**
 * The three services accepted while the platform is down, then uploaded when it is back (browser mode, the
 * embedded platform simulator set to 离线 on the 上报队列 page, 1366×768): the person is read once online (so
 * the desk knows them from its 1101 cache), the platform goes down, and a 门诊慢特病备案, a 异地就医备案 and a
 * 零星报销 each get their 受理回执 at once; the 办件记录 shows them waiting, not 已上报. With the platform back
 * and 立即重试, every one reaches 已上报, each exactly once. Screenshots go to test-results/screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';
import { acceptCase, fillReimbursement, fillRemoteRegistration, fillSpecialDisease, readIdCard, setPlatformFault } from '../helpers/desk-flows';

let desk: DeskSession;
let page: Page;
const caseNos: Record<'special' | 'remote' | 'reimbursement', string> = { special: '', remote: '', reimbursement: '' };

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 768 });
  page = desk.page;
}, 90_000);

afterAll(() => desk?.close());

const count = (state: string) => page.getByTestId(`count-${state}`).locator('.count').innerText().then(Number);
const shoot = (name: string) => page.screenshot({ path: screenshotPath(name) });

/** The receipt, then 继续办理 back to an empty form for the same person. */
async function acceptAndContinue(shot?: string): Promise<string> {
  const caseNo = await acceptCase(page);
  expect(caseNo).toMatch(/^\d{23}$/);
  if (shot) {
    await page.getByTestId('receipt').scrollIntoViewIfNeeded();
    await shoot(shot);
  }
  await page.getByTestId('next-case').click();
  return caseNo;
}

/** 办件记录 of the person: each case's state label by 办件编号. */
async function historyStates(): Promise<Record<string, string>> {
  await page.getByRole('tab', { name: '办件记录' }).click();
  await page.getByTestId('history').waitFor();
  const out: Record<string, string> = {};
  for (const no of Object.values(caseNos)) out[no] = await page.getByTestId(`history-${no}`).getByTestId('history-state').innerText();
  return out;
}

describe('the three services offline, uploaded later', () => {
  it('reads the person while the platform is up, then the platform goes down', async () => {
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    await readIdCard(page);
    expect(await page.getByTestId('insured-cached').count()).toBe(0);
    await setPlatformFault(page, 'offline');
  });

  it('门诊慢特病备案 is accepted offline with a receipt', async () => {
    await fillSpecialDisease(page, { filter: 'tnb', code: 'M01600', doctorCode: 'D003', doctorName: '赵医生', tel: '13800000007' });
    caseNos.special = await acceptAndContinue();
  }, 60_000);

  it('异地就医备案 is accepted offline with a receipt', async () => {
    await fillRemoteRegistration(page, { tel: '13800000008', addr: '北京市朝阳区某小区 8 号楼' });
    caseNos.remote = await acceptAndContinue();
  }, 60_000);

  it('零星报销 is accepted offline with a receipt (screenshot of the offline receipt)', async () => {
    await fillReimbursement(page, { invoiceNo: '00000088' });
    caseNos.reimbursement = await acceptAndContinue('services-offline-receipt');
  }, 60_000);

  it('none of them is 已上报 while the platform is down, and the queue holds all three', async () => {
    expect(new Set(Object.values(caseNos)).size).toBe(3);
    const states = await historyStates();
    for (const s of Object.values(states)) expect(s).not.toBe('已上报');
    await shoot('services-offline-history-waiting');
    await page.getByRole('button', { name: '上报队列' }).click();
    await expect.poll(async () => (await count('retry')) + (await count('unknown')) + (await count('pending')), { timeout: 30_000 }).toBe(3);
    expect(await count('done')).toBe(0);
  }, 60_000);

  it('with the platform back, every case reaches 已上报, each exactly once', async () => {
    await page.getByTestId('sim-platform-none').click();
    await page.getByTestId('retry-all').click();
    await expect.poll(() => count('done'), { timeout: 60_000 }).toBe(3);
    expect(await count('retry')).toBe(0);
    expect(await count('unknown')).toBe(0);
    expect(await count('needs-clerk')).toBe(0);
    await page.getByRole('button', { name: '受理台' }).click();
    await expect.poll(historyStates, { timeout: 30_000 }).toEqual({ [caseNos.special]: '已上报', [caseNos.remote]: '已上报', [caseNos.reimbursement]: '已上报' });
    await shoot('services-offline-history-uploaded');
  }, 120_000);
});
