/**
 * The person panel in browser mode at 1366×768 against the real host and its embedded platform simulator:
 * a 社保卡 read of 陈七 shows 暂停参保 in red and his 门诊统筹 used and left (平台累计, from 5206); 周敏 shows 低保
 * with its dates and her 大病 / 救助 figures; with the platform down the panel still shows what it has, marked 离线.
 * Nothing is cut off: the panel fits the desk's left column. Screenshots: /work/shots/person-panel-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';

let desk: DeskSession;
let page: Page;

const SHOTS = process.env.PERSON_PANEL_SHOTS ?? '/work/shots';
async function shot(name: string): Promise<void> {
  await page.screenshot({ path: screenshotPath(name) });
  if (fs.existsSync(SHOTS)) fs.copyFileSync(screenshotPath(name), path.join(SHOTS, `${name}.png`));
}

async function pickSample(testId: string, name: string): Promise<void> {
  const select = page.getByTestId(testId);
  await select.waitFor();
  const valueOf = () => select.evaluate((el, who) => [...(el as HTMLSelectElement).options].find((o) => o.text.includes(who))?.value ?? '', name);
  await expect.poll(valueOf, { timeout: 15_000, message: `社保卡样例 ${name}` }).not.toBe('');
  const value = await valueOf();
  await select.selectOption(value);
}

async function readSsCard(name: string): Promise<void> {
  await pickSample('sim-sscard-sample', name);
  await page.getByTestId('sim-sscard-insert').click();
  await page.getByTestId('read-sscard').click();
}

/** Screenshot with the panel's 待遇 section in view (the column is taller than 768px). */
async function shotOfPanel(name: string): Promise<void> {
  await page.getByTestId('insured').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(name);
}

/** The panel and everything in it stay inside the left column: no horizontal overflow, right edge inside. */
async function expectFitsColumn(): Promise<void> {
  const m = await page.getByTestId('insured').evaluate((el) => {
    const column = el.parentElement!.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const overflowing = [...el.querySelectorAll('*')].filter((c) => c.getBoundingClientRect().right > box.right + 0.5).map((c) => c.textContent?.slice(0, 30));
    return { right: box.right, columnRight: column.right, scroll: el.scrollWidth, client: el.clientWidth, overflowing };
  });
  expect(m.overflowing).toEqual([]);
  expect(m.scroll).toBeLessThanOrEqual(m.client);
  expect(m.right).toBeLessThanOrEqual(m.columnRight + 0.5);
}

beforeAll(async () => {
  desk = await openDesk({ width: 1366, height: 768 });
  page = desk.page;
}, 90_000);

afterAll(() => desk?.close());

describe('person panel', () => {
  it('陈七 (社保卡): 暂停参保 in red with its name, 门诊统筹 used 1,200 of 1,500 from the platform', async () => {
    await page.getByRole('heading', { name: '医保综合柜员工作站' }).waitFor();
    await readSsCard('陈七');
    const alarm = page.getByTestId('insu-alarm');
    await alarm.waitFor({ timeout: 15_000 });
    expect(await alarm.innerText()).toContain('职工基本医疗保险：暂停参保');
    const color = await alarm.evaluate((el) => getComputedStyle(el).color);
    const [r, g, b] = color.match(/\d+/g)!.map(Number);
    expect(r).toBeGreaterThan(120);
    expect(r).toBeGreaterThan(g * 2);
    expect(r).toBeGreaterThan(b * 2);
    expect(await page.getByTestId('insu-status').innerText()).toBe('暂停参保');

    const quota = page.getByTestId('outpatient-quota');
    await quota.waitFor({ timeout: 15_000 });
    expect(await quota.innerText()).toMatch(/已用 1,200\.00 \/ 1,500\.00，余 300\.00/);
    expect(await page.getByTestId('ytd-source').innerText()).toBe('平台累计');
    expect(await page.getByTestId('document-expiry').count()).toBe(0); // his card is valid to 2028
    expect(await page.getByTestId('special-diseases').innerText()).toBe('无备案');
    await expectFitsColumn();
    await shotOfPanel('person-panel-chen');
  });

  it('周敏: 低保 with its dates, 住院 起付, 大病 deductible and 救助 this year', async () => {
    await readSsCard('周敏');
    await page.getByTestId('benefits').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('identities').innerText()).toMatch(/最低生活保障对象\s+2025-06-01 至 长期/);
    expect(await page.getByTestId('insu-alarm').count()).toBe(0);
    expect(await page.getByTestId('inpatient').innerText()).toMatch(/本年 1 次 · 起付已付 500\.00[\s\S]*统筹已付 7,125\.00/);
    expect(await page.getByTestId('serious').innerText()).toMatch(/起付 2,875\.00 \/ 11,750\.00[\s\S]*不设封顶/);
    expect(await page.getByTestId('assistance').innerText()).toMatch(/已救助 2,012\.50 \/ 50,000\.00/);
    await expectFitsColumn();
    await shotOfPanel('person-panel-zhou');
  });

  it('an expired document (居住证 valid to 2026-03-01) is named on the panel in red', async () => {
    await pickSample('sim-sample', '陈嘉欣');
    await page.getByTestId('sim-place').click();
    await page.getByTestId('read-id').click();
    const expiry = page.getByTestId('document-expiry');
    await expiry.waitFor({ timeout: 15_000 });
    expect(await expiry.innerText()).toBe('2026-03-01 已过期');
    const [r, g] = (await expiry.evaluate((el) => getComputedStyle(el).color)).match(/\d+/g)!.map(Number);
    expect(r).toBeGreaterThan(g * 2);
  });

  it('platform down: the panel shows the last platform figures and marks 离线', async () => {
    await page.getByRole('button', { name: '上报队列' }).click();
    await page.getByTestId('sim-platform-offline').click();
    await page.getByRole('button', { name: '受理台' }).click();
    await readSsCard('陈七');
    await page.getByTestId('ytd-source').getByText('离线：上次平台累计+本机').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('insured-cached').innerText()).toContain('离线缓存');
    expect(await page.getByTestId('outpatient-quota').innerText()).toMatch(/余 300\.00/);
    expect(await page.getByTestId('insu-alarm').innerText()).toContain('暂停参保');
    await expectFitsColumn();
    await shotOfPanel('person-panel-offline');
  }, 60_000);
});
