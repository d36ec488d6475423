/**
 * The 办件 screen in browser mode against the real host (embedded platform simulator), signed in as a
 * supervisor at 1366×768: today's cases, search by name and ID tail, open a case (events, uploads), CSV
 * export; a 需人工处理 case opened from the queue and closed by correct-and-resubmit and by 作废; a 容缺 case
 * reminded at sign-in and released by 补齐; 撤销 with a typed reason. Screenshots go to test-results/screenshots.
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';
import { fillSpecialDisease, readIdCard } from '../helpers/desk-flows';

let desk: DeskSession;
let page: Page;
const cases: Record<'plain' | 'pending' | 'refused' | 'refused2', string> = { plain: '', pending: '', refused: '', refused2: '' };

beforeAll(async () => {
  // One working day for 容缺 materials: the case is "due soon" at the next sign-in.
  desk = await openDesk({ width: 1366, height: 768 }, { as: 'supervisor', config: { cases: { promiseWorkingDays: 1 } } });
  page = desk.page;
}, 90_000);

afterAll(() => desk?.close());

const nav = (view: string) => page.getByTestId(`nav-${view}`).click();

/** Fills and submits the 特门 form for the person on the desk; returns the 办件编号 from the receipt. */
async function acceptSpecial(filter: string, code: string, opts: { withoutPhoto?: boolean } = {}): Promise<string> {
  await nav('desk');
  if (await page.getByTestId('next-case').isVisible()) await page.getByTestId('next-case').click();
  await fillSpecialDisease(page, { filter, code });
  if (opts.withoutPhoto) {
    await page.getByTestId('material-sd-photo').uncheck();
    await page.getByTestId('promise-signed').check();
  }
  await page.getByTestId('submit-case').click();
  await page.getByTestId('receipt').waitFor({ timeout: 20_000 });
  return page.getByTestId('receipt-case-no').innerText();
}

async function platformFault(id: 'none' | 'refuse'): Promise<void> {
  await nav('queue');
  for (const f of id === 'refuse' ? (['none', 'refuse'] as const) : ([id] as const)) {
    await page.getByTestId(`sim-platform-${f}`).click();
    await expect.poll(() => page.getByTestId(`sim-platform-${f}`).getAttribute('class')).toContain('active');
  }
}

async function searchFor(text: string): Promise<void> {
  await page.getByTestId('search-text').fill(text);
  await page.getByTestId('search-submit').click();
}

describe('办件 screen', () => {
  it('accepts four cases at the desk (plain, 容缺, two refused by the platform)', async () => {
    await readIdCard(page, 20_000);
    cases.plain = await acceptSpecial('gxy', 'M03900');
    cases.pending = await acceptSpecial('tnb', 'M01600', { withoutPhoto: true });
    // The plain case delivered first (the 容缺 one is held): 拒绝下一笔 must catch the next case, not this one.
    await nav('queue');
    await expect.poll(() => page.getByTestId('count-done').locator('.count').innerText().then(Number), { timeout: 30_000 }).toBe(1);
    await platformFault('refuse');
    cases.refused = await acceptSpecial('mzf', 'M05300');
    await nav('queue');
    await expect.poll(() => page.getByTestId('count-needs-clerk').locator('.count').innerText().then(Number), { timeout: 30_000 }).toBe(1);
    await platformFault('refuse');
    cases.refused2 = await acceptSpecial('gxb', 'M04600');
    await nav('queue');
    // Counted, not looked for in the table: the list may still show it as 待上报 for a moment.
    await expect.poll(() => page.getByTestId('count-needs-clerk').locator('.count').innerText().then(Number), { timeout: 30_000 }).toBe(2);
    await platformFault('none');
    for (const no of Object.values(cases)) expect(no).toMatch(/^\d{23}$/);
  }, 180_000);

  it("lists today's cases, finds by name and ID tail, masked", async () => {
    await nav('cases');
    await page.getByRole('heading', { name: '办件' }).waitFor();
    await page.getByTestId(`case-row-${cases.plain}`).waitFor();
    for (const no of Object.values(cases)) await page.getByTestId(`case-row-${no}`).waitFor();
    const table = await page.getByTestId('case-table').innerText();
    expect(table).toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    expect(table).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
    expect(table).toContain('容缺待补齐');
    await page.screenshot({ path: screenshotPath('worklist-today') });

    const name = (await page.getByTestId(`case-row-${cases.plain}`).locator('td').nth(3).innerText()).trim();
    await searchFor(name);
    await expect.poll(() => page.getByTestId('case-table').locator('tbody tr').count()).toBe(4);
    const masked = (await page.getByTestId(`case-row-${cases.plain}`).locator('td').nth(4).innerText()).trim();
    await searchFor(masked.slice(-4));
    await expect.poll(() => page.getByTestId('case-table').locator('tbody tr').count()).toBe(4);
    await searchFor('0000');
    await page.getByText('没有符合条件的办件').waitFor();
    await searchFor(cases.refused);
    await expect.poll(() => page.getByTestId('case-table').locator('tbody tr').count()).toBe(1);
    await searchFor('');
    await page.getByTestId('range-today').click();
  }, 60_000);

  it('opens a case with its events and upload attempts', async () => {
    await page.getByTestId(`case-row-${cases.plain}`).click();
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    await expect.poll(() => page.getByTestId('detail-state').innerText(), { timeout: 30_000 }).toBe('已上报');
    const events = await page.getByTestId('case-events').innerText();
    expect(events).toMatch(/sup01/);
    expect(events).toMatch(/已受理 → 已上报/);
    expect(await page.getByTestId('case-attempts').innerText()).toMatch(/发送.*2503.*成功/s);
    await page.getByTestId('case-paper').waitFor();
    await page.screenshot({ path: screenshotPath('worklist-case-detail') });
  });

  it('exports the list as CSV that Excel opens (UTF-8 with BOM)', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^办件-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = fs.readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toContain('办件编号,业务');
    expect(text).toContain(cases.plain);
    expect(text).not.toMatch(/(?<!\d)\d{17}[\dX](?!\d)/);
    await page.getByTestId('export-note').getByText('已导出 4 条').waitFor();
  });
});

describe('需人工处理', () => {
  it('the queue names the person masked and the time, is searchable, and opens the case', async () => {
    await nav('queue');
    await page.getByRole('button', { name: '需人工处理' }).click();
    await page.getByTestId('queue-table').getByText(cases.refused2).waitFor({ timeout: 20_000 });
    const row = await page.getByTestId('queue-table').locator('tbody tr').first().innerText();
    expect(row).toMatch(/\*/);
    expect(row).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/); // China time
    await page.getByTestId('queue-search').fill(cases.refused.slice(-6));
    await expect.poll(() => page.getByTestId('queue-table').locator('tbody tr').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('worklist-queue-needs-clerk') });
    await page.getByTestId('queue-handle').click();
    await page.getByTestId('case-detail').waitFor();
    expect(await page.getByTestId('platform-message').innerText()).toMatch(/模拟平台拒绝/);
  });

  it('records contacting the applicant, then corrects and resubmits as a new linked case', async () => {
    await page.getByTestId('action-contact').click();
    await page.getByTestId('reason-text').fill('电话联系申请人核对医师');
    await page.getByTestId('reason-ok').click();
    await page.getByTestId('detail-notice').getByText('已登记联系情况').waitFor();
    // The events list reloads after the notice: wait for it rather than read it once.
    await expect.poll(() => page.getByTestId('case-events').innerText()).toContain('已联系申请人');
    await page.getByTestId('action-resubmit').click();
    await page.getByTestId('correct-diag_dr_name').fill('钱医生');
    await page.getByTestId('correct-submit').click();
    await page.getByTestId('correct-error').getByText(/更正说明/).waitFor();
    await page.screenshot({ path: screenshotPath('worklist-resubmit-form') });
    await page.getByTestId('correct-note').fill('更正诊断医师姓名');
    await page.getByTestId('correct-submit').click();
    await page.getByTestId('detail-notice').getByText(/已更正重报，新办件编号 \d{23}/).waitFor();
    // The notice shows before the detail has reloaded: wait for the reloaded state.
    await expect.poll(() => page.getByTestId('detail-state').innerText()).toBe('已更正重报');
    await page.getByTestId('replaced-by').click();
    await expect.poll(() => page.getByTestId('detail-state').innerText(), { timeout: 30_000 }).toBe('已上报');
    await expect.poll(() => page.getByTestId('case-events').innerText()).toContain(`更正重报（原办件 ${cases.refused}）`);
    await page.screenshot({ path: screenshotPath('worklist-resubmitted') });
  }, 60_000);

  it('a supervisor voids a refused case with a typed reason', async () => {
    await nav('cases');
    await searchFor(cases.refused2);
    await page.getByTestId(`case-row-${cases.refused2}`).click();
    await page.getByTestId('action-void').click();
    await page.getByTestId('reason-text').fill('放弃');
    await page.getByTestId('reason-ok').click();
    await page.getByTestId('reason-error').getByText(/至少 4 个字/).waitFor();
    await page.getByTestId('reason-text').fill('申请人放弃办理');
    await page.getByTestId('reason-ok').click();
    await expect.poll(() => page.getByTestId('detail-state').innerText()).toBe('已作废');
    await expect.poll(() => page.getByTestId('case-events').innerText()).toContain('作废（主管 赵主管）：申请人放弃办理');
    await nav('queue');
    await expect.poll(() => page.getByTestId('count-needs-clerk').locator('.count').innerText().then(Number)).toBe(0);
  });
});

describe('容缺 follow-up', () => {
  it('reminds at sign-in, and 补齐 releases the held upload', async () => {
    await page.reload();
    await page.getByTestId('follow-up-banner').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('follow-up-banner').innerText()).toMatch(/1 件将在 2 个工作日内到期/);
    await page.screenshot({ path: screenshotPath('worklist-reminder-banner') });
    await page.getByTestId('follow-up-show').click();
    await page.getByTestId(`case-row-${cases.pending}`).click();
    await page.getByTestId('complete-form').waitFor();
    expect(await page.getByTestId('follow-up').innerText()).toContain('近期一寸免冠照片');
    await page.getByTestId('complete-form').getByLabel(/已收到 近期一寸免冠照片/).check();
    await page.getByTestId('complete-note').fill('申请人本人送来');
    await page.screenshot({ path: screenshotPath('worklist-complete-materials') });
    await page.getByTestId('complete-submit').click();
    await page.getByTestId('completed-info').getByText(/sup01 登记补齐/).waitFor();
    await expect.poll(() => page.getByTestId('detail-state').innerText(), { timeout: 30_000 }).toBe('已上报');
  }, 60_000);
});

describe('撤销 with a typed reason', () => {
  it('refuses a short reason, then records the applicant’s reason', async () => {
    await page.getByTestId('search-state').selectOption('');
    await searchFor(cases.plain);
    await page.getByTestId(`case-row-${cases.plain}`).click();
    await page.getByTestId('action-cancel').click();
    await page.getByTestId('reason-ok').click();
    await page.getByTestId('reason-error').getByText(/撤销原因/).waitFor();
    await page.getByTestId('reason-text').fill('申请人已在外地办理');
    await page.screenshot({ path: screenshotPath('worklist-cancel-reason') });
    await page.getByTestId('reason-ok').click();
    await page.getByTestId('detail-notice').getByText(/已受理撤销申请，办件编号 \d{23}/).waitFor();
    await expect.poll(() => page.getByTestId('case-events').innerText()).toContain('申请撤销');
    await expect.poll(() => page.getByTestId('case-events').innerText()).toContain('申请人已在外地办理');
  });
});
