/**
 * Sign-in in real Chromium against browser mode: the first-run administrator set-up, the 操作员 page, the
 * 登录 screen's messages (wrong password, lockout, disabled account), the nav each role gets AND the host
 * refusing a call forced from the page, the lock (idle, 锁定, or the host saying so) that takes every person
 * off the page, and 签退. Screens at 1366×768 go to test-results/screenshots/auth-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureBridgeSocket, forcedCall } from '../helpers/bridge-call';
import { openDesk, screenshotPath, type DeskSession } from '../helpers/browser';
import { SEEDED, signIn, signOut } from '../helpers/operators-seed';

const VIEWPORT = { width: 1366, height: 768 };
const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`auth-${name}`) });

const navLabels = (page: Page) => page.locator('.nav .nav-item').allInnerTexts();
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('first start: the administrator set-up and the 操作员 page', () => {
  let desk: DeskSession;
  let page: Page;
  beforeAll(async () => {
    desk = await openDesk(VIEWPORT, { as: 'first-run', beforeGoto: captureBridgeSocket });
    page = desk.page;
  }, 90_000);
  afterAll(() => desk?.close());

  it('shows 首次使用 with every rule beside its field, and nothing of the desk', async () => {
    await page.getByTestId('setup').waitFor({ timeout: 15_000 });
    expect(await page.locator('.topbar, .nav, [data-testid="sim-place"]').count()).toBe(0);
    await shot(page, 'setup');
    await page.getByTestId('setup-code').fill('a');
    await page.getByTestId('setup-password').fill('short');
    await page.getByTestId('setup-confirm').fill('other');
    await page.getByTestId('setup-submit').click();
    const form = page.getByTestId('setup');
    await expect.poll(() => form.locator('.field-error').allInnerTexts()).toEqual([
      '工号应为 2–20 位字母、数字、下划线或连字符',
      '请填写姓名',
      '密码至少 8 位',
      '两次输入的密码不一致',
    ]);
    await shot(page, 'setup-errors');
  });

  it('creates the administrator, who lands on 设备 and sees no 受理台', async () => {
    await page.getByTestId('setup-code').fill('admin');
    await page.getByTestId('setup-name').fill('王管理');
    await page.getByTestId('setup-password').fill('Admin2026x');
    await page.getByTestId('setup-confirm').fill('Admin2026x');
    await page.getByTestId('setup-confirm').press('Enter');
    await page.getByTestId('operator-bar').getByText('王管理').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('operator-role').innerText()).toBe('系统管理员');
    await page.getByRole('heading', { name: '设备', exact: true }).waitFor();
    expect(await navLabels(page)).toEqual(['设备', '设置', '操作员']);
    // No 配置 is missing for the administrator, and no print preview (receipts name people).
    await page.getByTestId('configure-printer').waitFor();
    expect(await page.getByText('打印预览').count()).toBe(0);
    await shot(page, 'admin-devices');
  });

  it('the host refuses the administrator a counter call forced from the page', async () => {
    const r = await forcedCall(page, 'cases.history', { psnNo: '33000000000000000001' });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('系统管理员无权') } });
  });

  it('操作员: adds a clerk with validation, resets a password, disables and re-enables', async () => {
    await page.getByTestId('nav-operators').click();
    await page.getByTestId('operators-table').waitFor();
    expect(await page.getByTestId('operators-table').locator('thead th').allInnerTexts()).toEqual(['工号', '姓名', '角色', '状态', '最近登录', '锁定至', '操作']);

    await page.getByTestId('operator-add-open').click();
    const add = page.getByTestId('operator-add');
    await add.getByTestId('op-code').fill('op101');
    await add.getByTestId('op-name').fill('周柜员');
    await add.getByTestId('op-password').fill('abcdefgh');
    await add.getByTestId('op-confirm').fill('abcdefgh');
    await add.getByTestId('op-submit').click();
    await expect.poll(() => add.locator('.field-error').allInnerTexts()).toEqual(['密码应包含数字']);
    await add.getByTestId('op-password').fill('Clerk2026y');
    await add.getByTestId('op-confirm').fill('Clerk2026y');
    await shot(page, 'operator-add');
    await add.getByTestId('op-submit').click();
    await page.getByTestId('operator-op101').waitFor();
    expect(await page.getByTestId('operator-op101').innerText()).toMatch(/op101\s+周柜员\s+柜员\s+正常/);

    // A duplicate 工号 is refused by the host with a clear message, the dialog stays open.
    await page.getByTestId('operator-add-open').click();
    await add.getByTestId('op-code').fill('op101');
    await add.getByTestId('op-name').fill('重复');
    await add.getByTestId('op-password').fill('Clerk2026y');
    await add.getByTestId('op-confirm').fill('Clerk2026y');
    await add.getByTestId('op-submit').click();
    await expect.poll(() => add.getByTestId('operator-add-error').innerText()).toContain('工号 op101 已存在');
    await add.getByRole('button', { name: '取消' }).click();

    await page.getByTestId('reset-op101').click();
    const reset = page.getByTestId('operator-reset');
    await reset.getByTestId('reset-password').fill('Reset2026z');
    await reset.getByTestId('reset-confirm').fill('Reset2026z');
    await shot(page, 'operator-reset');
    await reset.getByTestId('reset-submit').click();
    await expect.poll(() => page.getByTestId('operators-message').innerText()).toContain('已重置 周柜员（op101）的密码');

    await page.getByTestId('toggle-op101').click();
    expect(await page.getByTestId('confirm-dialog').innerText()).toContain('将不能登录');
    await shot(page, 'operator-disable-confirm');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('operator-op101').innerText()).toContain('已停用');
    await shot(page, 'operators');
    // The administrator cannot disable themself: no button on their own row.
    expect(await page.getByTestId('toggle-admin').count()).toBe(0);
  });

  it('a disabled operator is told so at sign-in (another window)', async () => {
    const other = await desk.browser.newPage({ viewport: VIEWPORT, locale: 'zh-CN' });
    await other.goto(desk.host.launchUrl());
    await other.getByTestId('sign-in-code').fill('op101');
    await other.getByTestId('sign-in-password').fill('Reset2026z');
    await other.getByTestId('sign-in-submit').click();
    await expect.poll(() => other.getByTestId('sign-in-error').innerText()).toContain('该工号已停用，请联系系统管理员');
    expect(await other.getByTestId('sign-in-password').inputValue()).toBe('');
    await other.close();

    await page.getByTestId('toggle-op101').click();
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('operator-op101').innerText()).toContain('正常');
  });
});

describe('登录, roles, the lock and 签退', () => {
  let desk: DeskSession;
  let page: Page;
  beforeAll(async () => {
    desk = await openDesk(VIEWPORT, {
      as: 'sign-in',
      beforeGoto: captureBridgeSocket,
    });
    page = desk.page;
  }, 90_000);
  afterAll(() => desk?.close());

  it('shows 登录 and nothing of the desk before sign-in', async () => {
    await page.getByTestId('sign-in').waitFor({ timeout: 15_000 });
    expect(await page.locator('.topbar, [data-testid="person"], [data-testid="sim-place"]').count()).toBe(0);
    expect(await focusedTestId(page)).toBe('sign-in-code');
    await shot(page, 'sign-in');
  });

  it('Enter in 工号 moves to 密码; a wrong password says so, is cleared and keeps focus in 密码', async () => {
    await page.getByTestId('sign-in-code').fill(SEEDED.supervisor.code);
    await page.getByTestId('sign-in-code').press('Enter');
    await expect.poll(() => focusedTestId(page)).toBe('sign-in-password');
    expect(await page.getByTestId('sign-in-error').count()).toBe(0);
    await page.getByTestId('sign-in-password').pressSequentially('wrong-pass1');
    await page.getByTestId('sign-in-password').press('Enter');
    await expect.poll(() => page.getByTestId('sign-in-error').innerText()).toBe('工号或密码不正确');
    expect(await page.getByTestId('sign-in-password').inputValue()).toBe('');
    expect(await focusedTestId(page)).toBe('sign-in-password');
    await shot(page, 'sign-in-wrong');
  });

  it('repeated wrong passwords lock the account, with the minutes left', async () => {
    for (let i = 2; i <= 5; i++) {
      await page.getByTestId('sign-in-password').fill(`wrong-pass${i}`);
      await page.getByTestId('sign-in-password').press('Enter');
      await expect.poll(() => page.getByTestId('sign-in-password').inputValue()).toBe('');
      await page.getByTestId('sign-in-submit').and(page.locator(':enabled')).waitFor();
    }
    await expect.poll(() => page.getByTestId('sign-in-error').innerText()).toMatch(/连续错误 5 次.*已被锁定.*15 分钟后再试/);
    // Even the right password is refused now, saying how long.
    await page.getByTestId('sign-in-password').fill(SEEDED.supervisor.password);
    await page.getByTestId('sign-in-password').press('Enter');
    await expect.poll(() => page.getByTestId('sign-in-error').innerText()).toMatch(/^该工号已被锁定，请 1[45] 分钟后再试/);
    expect(await focusedTestId(page)).toBe('sign-in-code');
    await shot(page, 'sign-in-locked-out');
  });

  it('a clerk signs in to 受理台 and sees no 操作员; the host refuses a forced operators call', async () => {
    await signIn(page, SEEDED.clerk);
    expect(await page.getByTestId('operator-role').innerText()).toBe('柜员');
    expect(await navLabels(page)).toEqual(['受理台', '办件', '上报队列', '日结', '设备']);
    await page.getByTestId('read-id').waitFor();
    const r = await forcedCall(page, 'operators.list');
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('柜员无权') } });
    const add = await forcedCall(page, 'operators.add', { code: 'evil1', name: '坏人', role: 'admin', password: 'Evil2026x' });
    expect(add).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a call the host refuses as locked shows the lock screen (locked elsewhere, e.g. the host idled first)', async () => {
    await page.getByTestId('sim-place').click();
    await page.getByText('已放置身份证').waitFor();
    await page.getByTestId('read-id').click();
    await page.getByTestId('person').waitFor({ timeout: 15_000 });
    // 读身份证 is pressed as the lock's answer arrives: the renderer has not heard of the lock, so its own call is
    // what the host refuses (a status poll in between would show the lock screen first and take the button away).
    expect(await forcedCall(page, 'auth.lock', {}, { thenClick: 'read-id' })).toMatchObject({ ok: true });
    await page.getByTestId('lock-screen').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('person').count()).toBe(0);
    await page.getByTestId('unlock-password').fill(SEEDED.clerk.password);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('read-id').waitFor();
  });

  it('a call the host refuses as signed out returns to 登录', async () => {
    expect(await forcedCall(page, 'auth.signOut', {}, { thenClick: 'read-id' })).toMatchObject({ ok: true });
    await page.getByTestId('sign-in').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('sign-in-notice').innerText()).toContain('请重新登录');
    await signIn(page, SEEDED.clerk);
  });

  it('修改密码 from the top bar checks the old password and the new one twice', async () => {
    await page.getByTestId('change-password-open').click();
    const dialog = page.getByTestId('change-password');
    await dialog.getByTestId('cp-old').fill('wrong-old-1');
    await dialog.getByTestId('cp-new').fill('Clerk2026z');
    await dialog.getByTestId('cp-confirm').fill('Clerk2026q');
    await dialog.getByTestId('cp-submit').click();
    await expect.poll(() => dialog.locator('.field-error').allInnerTexts()).toEqual(['两次输入的密码不一致']);
    await dialog.getByTestId('cp-confirm').fill('Clerk2026z');
    await dialog.getByTestId('cp-submit').click();
    await expect.poll(() => dialog.getByTestId('change-password-error').innerText()).toBe('工号或密码不正确');
    await shot(page, 'change-password');
    await dialog.getByTestId('cp-old').fill(SEEDED.clerk.password);
    await dialog.getByTestId('cp-submit').click();
    await dialog.getByTestId('change-password-done').waitFor();
    await dialog.getByRole('button', { name: '完成' }).click();
  });

  it('锁定 then 签退 from the lock screen, and 签退 from the top bar, return to 登录', async () => {
    await page.getByTestId('lock-now').click();
    await page.getByTestId('lock-screen').waitFor();
    await page.getByTestId('lock-screen').getByTestId('sign-out').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('sign-in').waitFor();
    await signIn(page, { ...SEEDED.clerk, password: 'Clerk2026z' });

    await page.getByTestId('operator-bar').getByTestId('sign-out').click();
    expect(await page.getByTestId('confirm-dialog').innerText()).toContain('结束本班次');
    await shot(page, 'sign-out-confirm');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: '取消' }).click();
    expect(await page.getByTestId('operator-bar').count()).toBe(1);
    await signOut(page);
    expect(await page.getByTestId('sign-in-notice').innerText()).toBe('已签退');
    expect(await forcedCall(page, 'cases.recent', {})).toMatchObject({ ok: false, error: { code: 'auth-required' } });
    await shot(page, 'signed-out');
  });
});

// On its own desk: the fast-forwarded fake clock must not carry over into the tests that follow.
describe('the idle lock', () => {
  let desk: DeskSession;
  let page: Page;
  beforeAll(async () => {
    desk = await openDesk(VIEWPORT, {
      as: 'clerk',
      beforeGoto: async (p) => {
        await captureBridgeSocket(p);
        await p.clock.install();
      },
    });
    page = desk.page;
    await page.getByTestId('read-id').waitFor();
  }, 90_000);
  afterAll(() => desk?.close());

  it('locks itself after the idle time: the person leaves the page and the DOM; the same password unlocks', async () => {
    await page.getByTestId('sim-place').click();
    await page.getByText('已放置身份证').waitFor();
    await page.getByTestId('read-id').click();
    await page.getByTestId('person').waitFor({ timeout: 15_000 });
    const name = await page.locator('.person dd.name').innerText();
    const idDigits = (await page.getByTestId('id-masked').innerText()).slice(0, 6);
    await shot(page, 'clerk-desk');
    expect(await page.content()).toContain(name);

    // auth.status says 600 s by default; no key or mouse for that long.
    await page.clock.fastForward(601_000);
    await page.getByTestId('lock-screen').waitFor({ timeout: 10_000 });
    const html = await page.content();
    expect(html).not.toContain(name);
    expect(html).not.toContain(idDigits);
    expect(await page.locator('.topbar, [data-testid="person"], .sim-dock').count()).toBe(0);
    expect(await page.getByTestId('lock-screen').innerText()).toContain(SEEDED.clerk.name);
    // The host agrees: the session is locked there too.
    expect(await forcedCall(page, 'cases.recent', {})).toMatchObject({ ok: false, error: { code: 'auth-locked' } });
    await shot(page, 'lock-screen');

    await page.getByTestId('unlock-password').fill('not-the-one1');
    await page.getByTestId('unlock-password').press('Enter');
    await expect.poll(() => page.getByTestId('unlock-error').innerText()).toBe('工号或密码不正确');
    expect(await page.getByTestId('unlock-password').inputValue()).toBe('');
    await shot(page, 'lock-wrong');
    await page.getByTestId('unlock-password').fill(SEEDED.clerk.password);
    await page.getByTestId('unlock-password').press('Enter');
    await page.getByTestId('operator-bar').waitFor();
    // Back at the desk, nobody on it: the card must be read again.
    await page.getByTestId('read-id').waitFor();
    expect(await page.getByTestId('person').count()).toBe(0);
  });
});
