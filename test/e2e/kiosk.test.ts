/**
 * The self-service kiosk in real Chromium at 1080×1920 portrait against browser mode and the simulators: a
 * kiosk account gets the guided flow (no desk, no simulator dock); a citizen reads their ID card, sees their
 * status with the name masked and 门诊统筹 left, files a temporary 异地备案 by touch with an on-screen promise,
 * gets the receipt printed (signed 自助终端) and rates the service. The session is wiped when the card is
 * taken away and after the idle timeout (a countdown first); the kiosk's page is refused every clerk-only
 * method. The card is placed by a staff page (a clerk signed in on a second tab: the simulators are staff-only).
 * Screens go to test-results/screenshots/kiosk-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../electron/host/app';
import { defaultDeviceFactories } from '../../electron/host/default-devices';
import { call } from '../../electron/host/dispatch';
import { captureBridgeSocket, forcedCall } from '../helpers/bridge-call';
import { launchChromium, screenshotPath } from '../helpers/browser';
import { SEEDED, signIn, writeConfig } from '../helpers/operators-seed';
import { startWebHost, type WebHost } from '../helpers/web-host';

const PORTRAIT = { width: 1080, height: 1920 };
const KIOSK = { code: 'kiosk01', name: '大厅自助机1', role: 'kiosk', password: 'Kiosk2026x' } as const;
const ID_SAMPLE = (JSON.parse(fs.readFileSync(path.resolve('resources/samples/id-cards.json'), 'utf8')) as { cards: Array<{ name: string; idNumber: string }> }).cards;
const SS_SAMPLE = (JSON.parse(fs.readFileSync(path.resolve('resources/samples/ss-cards.json'), 'utf8')) as { cards: Array<{ name: string; ssn: string }> }).cards;
const citizen = ID_SAMPLE[0]; // 张伟明
const ssCitizen = SS_SAMPLE[0]; // 张三

const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`kiosk-${name}`), fullPage: true });

/** A kiosk tab: its own launch link, signed in as the kiosk account, on the start screen. */
async function openKiosk(browser: Browser, host: WebHost, beforeGoto?: (p: Page) => Promise<void>): Promise<Page> {
  const page = await browser.newPage({ viewport: PORTRAIT, locale: 'zh-CN', hasTouch: true });
  await captureBridgeSocket(page);
  await beforeGoto?.(page);
  await page.goto(host.launchUrl());
  await page.getByTestId('sign-in-code').fill(KIOSK.code);
  await page.getByTestId('sign-in-password').fill(KIOSK.password);
  await page.getByTestId('sign-in-password').press('Enter');
  await page.getByTestId('kiosk-start').waitFor({ timeout: 15_000 });
  return page;
}

/** What the page holds as text and markup: nothing of the citizen may be left in it after a wipe. */
async function assertNothingPersonal(page: Page, who: { name: string; id: string }): Promise<void> {
  const html = await page.content();
  const masked = `${who.name[0]}*${who.name.at(-1)}`;
  for (const s of [who.name, masked, who.id, who.id.slice(0, 6) + '********', who.id.slice(-4)]) expect(html, s).not.toContain(s);
  expect(await page.locator('[data-testid="kiosk-status"], [data-testid="kiosk-person-name"], [data-testid="kiosk-receipt"]').count()).toBe(0);
}

/** Buttons under 48 px high and visible text under 20 px on the kiosk's screen (touch-first, read from a step away). */
async function touchProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.kiosk *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (el.tagName === 'BUTTON' && r.height < 48) out.push(`button ${el.innerText} ${r.height}px high`);
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (ownText && parseFloat(getComputedStyle(el).fontSize) < 20) out.push(`${el.tagName} "${el.innerText.slice(0, 20)}" ${getComputedStyle(el).fontSize}`);
    }
    return out;
  });
}

let host: WebHost;
let browser: Browser;
let staff: Page;
let kiosk: Page;

const staffDo = async (method: string, input: unknown = {}) => {
  const r = await forcedCall(staff, method, input);
  expect(r, `${method} from the staff page`).toMatchObject({ ok: true });
  return r.value;
};

beforeAll(async () => {
  host = await startWebHost([], undefined, async (dir) => {
    writeConfig(dir, { profile: 'kiosk', operator: { code: KIOSK.code, name: KIOSK.name, type: 2 } });
    const app = await createApp({ dataDir: dir, mode: 'browser', devices: defaultDeviceFactories() });
    try {
      for (const op of [SEEDED.admin, SEEDED.clerk, KIOSK]) await call(app.handlers, 'operators.add', op);
    } finally {
      await app.close();
    }
  });
  browser = await launchChromium();
  staff = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await captureBridgeSocket(staff);
  await staff.goto(host.url);
  await signIn(staff, SEEDED.clerk);
  kiosk = await openKiosk(browser, host);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await host?.stop();
});

describe('the kiosk start screen at 1080×1920', () => {
  it('asks for a card with two big choices; no desk, no nav, no simulator dock', async () => {
    expect(await kiosk.getByTestId('kiosk-start').innerText()).toContain('请插入社保卡或放置身份证');
    expect(await kiosk.locator('.topbar, .nav, .sim-dock, [data-testid="no-views"]').count()).toBe(0);
    for (const id of ['kiosk-read-id', 'kiosk-read-sscard']) {
      const box = (await kiosk.getByTestId(id).boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(48 * 4);
      expect(box.width).toBeGreaterThanOrEqual(300);
    }
    await shot(kiosk, 'start');
  });

  it('every button is at least 48 px and every visible text at least 20 px', async () => {
    expect(await touchProblems(kiosk)).toEqual([]);
  });
});

describe('the whole flow with an ID card', () => {
  let caseNo = '';

  it('reads the card and shows the status with the name masked and 门诊统筹 left', async () => {
    await staffDo('simulator.idCard.place', { sampleId: '0' });
    await kiosk.getByTestId('kiosk-read-id').click();
    await kiosk.getByTestId('kiosk-status').waitFor({ timeout: 20_000 });
    expect(await kiosk.getByTestId('kiosk-person-name').innerText()).toBe('张*明');
    const html = await kiosk.content();
    expect(html).not.toContain(citizen.name);
    expect(html).not.toContain(citizen.idNumber);
    expect(await kiosk.getByTestId('kiosk-insurances').innerText()).toMatch(/城乡居民基本医疗保险\s*正常参保/);
    await kiosk.getByTestId('kiosk-outpatient').or(kiosk.getByTestId('kiosk-outpatient-none')).waitFor();
    expect(await touchProblems(kiosk)).toEqual([]);
    await shot(kiosk, 'status');
  });

  it('files a temporary 异地备案 by touch: province, city, start day, 6 months, phone on the pad', async () => {
    await kiosk.getByTestId('kiosk-start-registration').click();
    await kiosk.getByTestId('kiosk-place').waitFor();
    expect(await touchProblems(kiosk)).toEqual([]);
    await shot(kiosk, 'place-province');
    await kiosk.getByTestId('kiosk-province-44').click();
    await kiosk.getByTestId('kiosk-city-440300').click();
    await kiosk.getByTestId('kiosk-details').waitFor();
    expect(await kiosk.getByTestId('kiosk-chosen-place').innerText()).toBe('广东省深圳市');
    await kiosk.getByTestId('kiosk-begin-1').click();
    await kiosk.getByTestId('kiosk-months-6').click();
    // A short number is refused in Chinese before anything is sent.
    for (const k of '1380') await kiosk.getByTestId(`kiosk-key-${k}`).click();
    await kiosk.getByTestId('kiosk-details-next').click();
    expect(await kiosk.getByTestId('kiosk-details-error').innerText()).toContain('联系电话应为 11 位手机号');
    await kiosk.getByTestId('kiosk-key-clear').click();
    for (const k of '13800000002') await kiosk.getByTestId(`kiosk-key-${k}`).click();
    expect(await kiosk.getByTestId('kiosk-phone').innerText()).toBe('13800000002');
    expect(await touchProblems(kiosk)).toEqual([]);
    await shot(kiosk, 'details');
    await kiosk.getByTestId('kiosk-details-next').click();
    await kiosk.getByTestId('kiosk-promise').waitFor();
  });

  it('承诺制: nothing to tick but the promise; submit waits for it', async () => {
    expect(await kiosk.locator('[data-testid^="material-"]').count()).toBe(0);
    expect(await kiosk.getByTestId('kiosk-submit').isDisabled()).toBe(true);
    expect(await kiosk.getByTestId('kiosk-promise').innerText()).toContain('138****0002');
    await kiosk.getByTestId('kiosk-agree').click();
    expect(await touchProblems(kiosk)).toEqual([]);
    await shot(kiosk, 'promise');
    await kiosk.getByTestId('kiosk-submit').click();
    await kiosk.getByTestId('kiosk-receipt').waitFor({ timeout: 30_000 });
    caseNo = await kiosk.getByTestId('kiosk-case-no').innerText();
    expect(caseNo).toMatch(/^\d{23}$/);
    expect(await kiosk.getByTestId('kiosk-receipt-clerk').innerText()).toBe(`自助终端 ${KIOSK.name}（自助办理）`);
    await expect.poll(() => kiosk.getByTestId('kiosk-print-message').innerText(), { timeout: 15_000 }).toContain('回执已打印');
    expect(await touchProblems(kiosk)).toEqual([]);
    await shot(kiosk, 'receipt');
  });

  it('the printed receipt says self-service, lists only the machine-verified card and the promise, ID masked', async () => {
    const jobs = (await staffDo('printer.jobs')) as { jobs: Array<{ text: string }> };
    const text = jobs.jobs.find((j) => j.text.includes(caseNo))?.text ?? '';
    expect(text).toContain(`自助终端 ${KIOSK.name}（自助办理）`);
    expect(text).toContain('有效身份证件（本机读卡核验）');
    expect(text).toContain('个人承诺（屏幕确认）');
    expect(text).toContain('其他临时外出就医');
    expect(text).toContain('承诺制');
    expect(text).toContain('自助终端自助办理');
    expect(text).not.toContain(citizen.idNumber);
    expect(text).not.toMatch(/异地就医备案表|复印件/);
  });

  it('ends with a 好差评 and goes back to the start with nothing of the citizen left', async () => {
    await kiosk.getByTestId('kiosk-to-rating').click();
    await kiosk.getByTestId('kiosk-rating').waitFor();
    await assertNothingPersonal(kiosk, { name: citizen.name, id: citizen.idNumber });
    expect(await touchProblems(kiosk)).toEqual([]);
    await shot(kiosk, 'rating');
    await kiosk.getByTestId('kiosk-rate-1').click();
    await kiosk.getByTestId('kiosk-thanks').waitFor({ timeout: 15_000 });
    await shot(kiosk, 'thanks');
    await kiosk.getByTestId('kiosk-finish').click();
    await kiosk.getByTestId('kiosk-start').waitFor();
    await assertNothingPersonal(kiosk, { name: citizen.name, id: citizen.idNumber });
    // The rating reached the case (the clerk's view of it).
    expect(await staffDo('rating.ofCase', { caseNo })).toMatchObject({ level: 1 });
    await staffDo('simulator.idCard.remove');
  });
});

describe('card removal wipes the session', () => {
  it('the ID card taken away mid-form: back to the start, nothing personal left', async () => {
    await staffDo('simulator.idCard.place', { sampleId: '0' });
    await kiosk.getByTestId('kiosk-read-id').click();
    await kiosk.getByTestId('kiosk-status').waitFor({ timeout: 20_000 });
    await kiosk.getByTestId('kiosk-start-registration').click();
    await kiosk.getByTestId('kiosk-place').waitFor();
    await staffDo('simulator.idCard.remove');
    await kiosk.getByTestId('kiosk-start').waitFor({ timeout: 15_000 });
    expect(await kiosk.getByTestId('kiosk-notice').innerText()).toContain('证件已取走');
    await assertNothingPersonal(kiosk, { name: citizen.name, id: citizen.idNumber });
    await shot(kiosk, 'card-removed');
    // The host forgot the card too: a lookup with the last number is out of scope now.
    const r = await forcedCall(kiosk, 'person.lookup', { certType: '02', certNo: citizen.idNumber });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the 社保卡 pulled out: the same', async () => {
    await staffDo('simulator.sscard.insert', { sampleId: '0' });
    await kiosk.getByTestId('kiosk-read-sscard').click();
    await kiosk.getByTestId('kiosk-status').waitFor({ timeout: 20_000 });
    expect(await kiosk.getByTestId('kiosk-person-name').innerText()).toBe('张*');
    await staffDo('simulator.sscard.remove');
    await kiosk.getByTestId('kiosk-start').waitFor({ timeout: 15_000 });
    await assertNothingPersonal(kiosk, { name: ssCitizen.name, id: ssCitizen.ssn });
  });

  it('a reload shows the start screen: nothing of a session survives in the page', async () => {
    await staffDo('simulator.idCard.place', { sampleId: '0' });
    await kiosk.getByTestId('kiosk-read-id').click();
    await kiosk.getByTestId('kiosk-status').waitFor({ timeout: 20_000 });
    await kiosk.reload();
    await kiosk.getByTestId('kiosk-start').waitFor({ timeout: 15_000 });
    await assertNothingPersonal(kiosk, { name: citizen.name, id: citizen.idNumber });
    await staffDo('simulator.idCard.remove');
  });
});

describe('only the kiosk role’s methods', () => {
  it('clerk-only and staff-only calls forced from the kiosk page are refused', async () => {
    const other = '99010219600315001800';
    for (const [method, input] of [
      ['cases.recent', {}],
      ['queue.list', {}],
      ['person.overview', { psnNo: other }],
      ['cases.history', { psnNo: other }],
      ['printer.jobs', {}],
      ['operators.list', {}],
      ['simulator.idCard.place', { sampleId: '1' }],
      ['simulator.idCard.remove', {}],
      ['simulator.sscard.insert', { sampleId: '1' }],
      ['simulator.printer.set', { paperOut: true }],
      ['devices.list', {}],
    ] as const) {
      const r = await forcedCall(kiosk, method, input);
      expect(r, method).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(r.error!.message, method).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('someone else’s lookup, benefits or receipt are refused; self-certified materials are refused in Chinese', async () => {
    expect(await forcedCall(kiosk, 'person.lookup', { certType: '02', certNo: ID_SAMPLE[1].idNumber })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await forcedCall(kiosk, 'kiosk.benefits', { psnNo: '99010219600315001800' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Now with this citizen's card read: the lookup is in scope, but only the kiosk's own checklist is.
    await staffDo('simulator.idCard.place', { sampleId: '0' });
    await kiosk.getByTestId('kiosk-read-id').click();
    await kiosk.getByTestId('kiosk-status').waitFor({ timeout: 20_000 });
    const lookup = await forcedCall(kiosk, 'person.lookup', { certType: '02', certNo: citizen.idNumber });
    expect(lookup).toMatchObject({ ok: true });
    const psnNo = (lookup.value as { person: { psn_no: string; insuinfo: Array<{ insuplc_admdvs: string }> } }).person.psn_no;
    const base = {
      kind: 'remote-registration',
      psnNo,
      insuplcAdmdvs: '990100',
      form: {
        insutype: '390',
        regType: 'otherTemporary',
        targetAdmdvs: '440300',
        targetHospitalCode: '',
        targetHospitalName: '',
        begndate: new Date().toISOString().slice(0, 10),
        enddate: '',
        tel: '13800000002',
        addr: '广东省深圳市（临时外出就医）',
        memo: '',
      },
    };
    const selfCertified = await forcedCall(kiosk, 'cases.accept', { ...base, materials: ['kiosk-card-read', 'kiosk-promise', 'rr-form', 'id-copy'] });
    expect(selfCertified).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(selfCertified.error!.message).toContain('自助终端不能自行确认材料');
    const noPromise = await forcedCall(kiosk, 'cases.accept', { ...base, materials: ['kiosk-card-read'] });
    expect(noPromise).toMatchObject({ ok: false, error: { code: 'promise-required' } });
    const exception = await forcedCall(kiosk, 'cases.accept', { ...base, materials: ['kiosk-card-read', 'kiosk-promise'], promiseSigned: true });
    expect(exception.error?.message).toContain('自助终端不能办理容缺受理');
    // A receipt for a case this kiosk did not just file is refused.
    const print = await forcedCall(kiosk, 'printer.printReceipt', {
      office: '某医保局',
      caseNumber: '99010000120261203000001',
      applicantName: '某人',
      idNumber: ID_SAMPLE[1].idNumber,
      items: [{ name: '伪造' }],
      materials: [],
      acceptedAt: '2026-12-03 10:00',
      clerk: '某人',
      committedDate: '2026-12-10',
    });
    expect(print).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await kiosk.getByTestId('kiosk-exit').click();
    await kiosk.getByTestId('kiosk-start').waitFor();
    await staffDo('simulator.idCard.remove');
  });
});

// Its own tab with a fake clock: the fast-forward must not reach the kiosk tab above.
describe('the idle timeout (default 60 s)', () => {
  let idle: Page;
  beforeAll(async () => {
    idle = await openKiosk(browser, host, (p) => p.clock.install());
  }, 60_000);

  it('counts down the last 10 s, then wipes the session: start screen, nothing personal in the DOM', async () => {
    await staffDo('simulator.idCard.place', { sampleId: '0' });
    await idle.getByTestId('kiosk-read-id').click();
    await idle.getByTestId('kiosk-status').waitFor({ timeout: 20_000 });
    await idle.getByTestId('kiosk-start-registration').click();
    await idle.getByTestId('kiosk-place').waitFor();
    expect(await idle.getByTestId('kiosk-countdown').count()).toBe(0);

    await idle.clock.fastForward(51_000);
    await idle.getByTestId('kiosk-countdown').waitFor({ timeout: 10_000 });
    expect(await idle.getByTestId('kiosk-countdown').innerText()).toMatch(/\d+\s*秒后将自动退出/);
    expect(await touchProblems(idle)).toEqual([]);
    await shot(idle, 'idle-countdown');

    // A touch starts the count again.
    await idle.getByTestId('kiosk-province-44').click();
    await idle.getByTestId('kiosk-countdown').waitFor({ state: 'detached', timeout: 10_000 });

    await idle.clock.fastForward(61_000);
    await idle.getByTestId('kiosk-start').waitFor({ timeout: 10_000 });
    expect(await idle.getByTestId('kiosk-notice').innerText()).toContain('长时间无操作');
    await assertNothingPersonal(idle, { name: citizen.name, id: citizen.idNumber });
    await shot(idle, 'idle-wiped');
    // The host forgot the card read as well.
    expect(await forcedCall(idle, 'person.lookup', { certType: '02', certNo: citizen.idNumber })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await staffDo('simulator.idCard.remove');
  });
});
