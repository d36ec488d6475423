/**
 * Sign-in through the composition root, as a browser connection would use it (WebSocket callers, a fake
 * app clock): the first-run administrator, roles enforced on the real handlers, the lockout, lock and
 * unlock, the idle lock, password changes, disabled operators, and the audit rows all of it leaves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../../../electron/contract/api';
import { createApp, type App } from '../../../../../electron/host/app';
import { createCaller, type Caller } from '../../../../../electron/host/caller';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import { refusal } from '../../../../helpers/refusal';

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-auth-'));
let now = new Date('2026-03-02T01:00:00Z');
const later = (minutes: number) => (now = new Date(now.getTime() + minutes * 60_000));

beforeAll(async () => {
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories(), clock: () => now });
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const browser = (): Caller => createCaller('websocket');
const run = <M extends MethodName>(caller: Caller, method: M, input: MethodInput<M>) => call(app.handlers, method, input, caller);

function auditActions(actor: string): string[] {
  return (app.db.prepare('SELECT action FROM audit_log WHERE actor = ? ORDER BY seq').all(actor) as Array<{ action: string }>).map((r) => r.action);
}

async function signedIn(code: string, password = 'pass1234'): Promise<Caller> {
  const c = browser();
  await run(c, 'auth.signIn', { code, password });
  return c;
}

describe('first run and operators', () => {
  let admin: Caller;

  it('asks for the administrator on first start, and sets it up once only', async () => {
    const c = browser();
    expect(await run(c, 'auth.status', {})).toEqual({ setupRequired: true, operator: null, locked: false, idleLockSeconds: 600 });
    expect(await refusal(run(c, 'operators.list', {}))).toMatchObject({ code: 'auth-required' });
    expect(await run(c, 'auth.setupAdmin', { code: 'admin', name: '管理员', password: 'pass1234' })).toEqual({ code: 'admin', name: '管理员', role: 'admin' });
    expect(await run(c, 'auth.status', {})).toMatchObject({ setupRequired: false, operator: { code: 'admin', role: 'admin' }, locked: false });
    // Another connection cannot become an administrator by calling the set-up again.
    const intruder = browser();
    expect(await refusal(run(intruder, 'auth.setupAdmin', { code: 'evil', name: '坏人', password: 'pass1234' }))).toMatchObject({ code: 'setup-done' });
    expect(intruder.operator).toBeNull();
    admin = c;
  });

  it('lets the administrator add operators of every role, and nobody else', async () => {
    for (const [code, name, role] of [
      ['op001', '柜员一', 'clerk'],
      ['sup01', '主管一', 'supervisor'],
      ['kiosk1', '自助一', 'kiosk'],
    ] as const) {
      expect(await run(admin, 'operators.add', { code, name, role, password: 'pass1234' })).toMatchObject({ code, name, role, disabled: false });
    }
    const clerk = await signedIn('op001');
    expect(await refusal(run(clerk, 'operators.add', { code: 'op002', name: '柜员二', role: 'admin', password: 'pass1234' }))).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('柜员无权'),
    });
    expect((await run(admin, 'operators.list', {})).map((o) => o.code)).toEqual(['admin', 'kiosk1', 'op001', 'sup01']);
    expect(auditActions('admin')).toEqual(expect.arrayContaining(['auth.setup-admin', 'operators.add']));
  });

  it('refuses bad operator input in Chinese', async () => {
    expect(await refusal(run(admin, 'operators.add', { code: 'x', name: '', role: 'clerk', password: 'short' }))).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/工号应为.*请填写姓名.*密码至少 8 位/),
    });
    expect(await refusal(run(admin, 'operators.add', { code: 'op001', name: '重复', role: 'clerk', password: 'pass1234' }))).toMatchObject({ code: 'duplicate' });
    expect(await refusal(run(admin, 'operators.add', { code: 'op009', name: '某', role: 'root' as never, password: 'pass1234' }))).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('未知的角色'),
    });
  });

  it('lets only the administrator configure devices', async () => {
    const clerk = await signedIn('op001');
    const supervisor = await signedIn('sup01');
    for (const c of [clerk, supervisor]) {
      expect(await refusal(run(c, 'devices.configure', { deviceId: 'printer', config: { mode: 'off' } }))).toMatchObject({ code: 'forbidden' });
      expect(await refusal(run(c, 'devices.getConfig', {}))).toMatchObject({ code: 'forbidden' });
    }
    expect(Object.keys(await run(admin, 'devices.getConfig', {}))).toContain('printer');
  });

  it('keeps the kiosk to its narrow list', async () => {
    const kiosk = await signedIn('kiosk1');
    expect((await run(kiosk, 'catalog.diseases', {})).length).toBeGreaterThan(0);
    for (const m of ['cases.recent', 'queue.list', 'devices.list', 'printer.jobs'] as const) {
      expect(await refusal(run(kiosk, m, {}))).toMatchObject({ code: 'forbidden', message: expect.stringContaining('自助终端无权') });
    }
  });
});

describe('sign-in, lockout, lock and sign-out', () => {
  it('answers an unknown 工号 and a wrong password alike, and locks out after 5 failures for 15 minutes', async () => {
    const c = browser();
    expect(await refusal(run(c, 'auth.signIn', { code: 'ghost', password: 'pass1234' }))).toEqual(
      expect.objectContaining({ code: 'bad-credentials', message: '工号或密码不正确' }),
    );
    for (let i = 0; i < 4; i++) {
      expect(await refusal(run(c, 'auth.signIn', { code: 'sup01', password: 'wrong999' }))).toMatchObject({ message: '工号或密码不正确' });
    }
    expect(await refusal(run(c, 'auth.signIn', { code: 'sup01', password: 'wrong999' }))).toMatchObject({
      code: 'locked-out',
      message: expect.stringContaining('15 分钟'),
    });
    later(5);
    expect(await refusal(run(c, 'auth.signIn', { code: 'sup01', password: 'pass1234' }))).toMatchObject({
      code: 'locked-out',
      message: expect.stringContaining('请 10 分钟后再试'),
    });
    expect(c.operator).toBeNull();
    later(10);
    expect(await run(c, 'auth.signIn', { code: 'sup01', password: 'pass1234' })).toMatchObject({ code: 'sup01', role: 'supervisor' });
    const actions = auditActions('sup01');
    expect(actions.filter((a) => a === 'auth.sign-in-failed')).toHaveLength(6);
    expect(actions).toContain('auth.lockout');
    expect(actions.at(-1)).toBe('auth.sign-in');
    expect(auditActions('ghost')).toEqual(['auth.sign-in-failed']);
  });

  it('locks on request, unlocks only with the same operator’s password, and signs out', async () => {
    const c = await signedIn('op001');
    await run(c, 'auth.lock', {});
    expect(await refusal(run(c, 'cases.recent', {}))).toMatchObject({ code: 'auth-locked' });
    expect(await run(c, 'auth.status', {})).toMatchObject({ operator: { code: 'op001' }, locked: true });
    expect(await refusal(run(c, 'auth.unlock', { password: 'wrong999' }))).toMatchObject({ message: '工号或密码不正确' });
    expect(await run(c, 'auth.unlock', { password: 'pass1234' })).toMatchObject({ code: 'op001' });
    expect(await run(c, 'cases.recent', {})).toEqual([]);
    await run(c, 'auth.signOut', {});
    expect(await refusal(run(c, 'cases.recent', {}))).toMatchObject({ code: 'auth-required' });
    expect(await run(c, 'auth.status', {})).toMatchObject({ operator: null, locked: false });
    expect(auditActions('op001')).toEqual(expect.arrayContaining(['auth.lock', 'auth.unlock-failed', 'auth.unlock', 'auth.sign-out']));
  });

  it('locks itself after 10 idle minutes on the app clock, and the audit says so', async () => {
    const c = await signedIn('op001');
    later(9);
    expect(await run(c, 'cases.recent', {})).toEqual([]);
    later(9);
    expect(await run(c, 'cases.recent', {})).toEqual([]);
    later(10);
    expect(await refusal(run(c, 'cases.recent', {}))).toMatchObject({ code: 'auth-locked' });
    expect(auditActions('op001').slice(-2)).toEqual(['auth.idle-lock', 'access.refused']);
    expect(await run(c, 'auth.unlock', { password: 'pass1234' })).toMatchObject({ code: 'op001' });
    expect(await run(c, 'cases.recent', {})).toEqual([]);
  });

  it('auth.touch keeps a session awake while the operator types; a passive status read does not', async () => {
    const c = await signedIn('op001');
    later(9);
    expect(await run(c, 'auth.touch', {})).toEqual({ ok: true });
    later(9);
    expect(await run(c, 'queue.summary', {})).toMatchObject({ counts: expect.any(Object) });
    expect(await run(c, 'cases.recent', {})).toEqual([]);
    later(9);
    expect(await run(c, 'queue.summary', {})).toMatchObject({ counts: expect.any(Object) });
    later(2);
    expect(await refusal(run(c, 'cases.recent', {}))).toMatchObject({ code: 'auth-locked' });
  });

  it('changes the own password only with the old one', async () => {
    const c = await signedIn('op001');
    expect(await refusal(run(c, 'auth.changePassword', { oldPassword: 'wrong999', newPassword: 'newpass99' }))).toMatchObject({ message: '工号或密码不正确' });
    expect(await refusal(run(c, 'auth.changePassword', { oldPassword: 'pass1234', newPassword: 'pass1234' }))).toMatchObject({ code: 'invalid-input' });
    await run(c, 'auth.changePassword', { oldPassword: 'pass1234', newPassword: 'newpass99' });
    expect(await refusal(signedIn('op001'))).toMatchObject({ code: 'bad-credentials' });
    await signedIn('op001', 'newpass99');
  });

  it('ends the open sessions of an operator the administrator disables, and refuses their sign-in', async () => {
    const admin = await signedIn('admin');
    const clerk = await signedIn('op001', 'newpass99');
    expect(await refusal(run(admin, 'operators.setDisabled', { code: 'admin', disabled: true }))).toMatchObject({ message: '不能停用自己的工号' });
    expect(await run(admin, 'operators.setDisabled', { code: 'op001', disabled: true })).toMatchObject({ disabled: true });
    expect(await refusal(run(clerk, 'cases.recent', {}))).toMatchObject({ code: 'auth-required', message: expect.stringContaining('已停用') });
    expect(await refusal(signedIn('op001', 'newpass99'))).toMatchObject({ code: 'operator-disabled' });
    await run(admin, 'operators.setDisabled', { code: 'op001', disabled: false });
    await run(admin, 'operators.setPassword', { code: 'op001', password: 'pass1234' });
    await signedIn('op001');
    expect(auditActions('admin')).toEqual(expect.arrayContaining(['operators.disable', 'operators.enable', 'operators.set-password']));
  });
});
