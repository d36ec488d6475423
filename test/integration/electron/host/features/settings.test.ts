/**
 * 设置 through the composition root: an administrator reads and saves each section of config.json; bad values
 * are refused in Chinese with nothing written; what is saved waits for a restart (and the next start uses it);
 * saving the devices does not undo a pending settings change; every save — refused ones too — is audited with
 * its full value; other roles are refused.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../../electron/contract/api';
import { createApp, type App } from '../../../../../electron/host/app';
import { createCaller } from '../../../../../electron/host/caller';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-settings-'));
const admin = createCaller('ipc', { code: 'admin01', name: '王管理', role: 'admin' });
const clerk = createCaller('ipc', { code: 'op001', name: '李柜员', role: 'clerk' });
let app: App;

const start = () => createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
const fileConfig = () => JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8'));
const update = (input: MethodInput<'settings.update'>, who = admin) => call(app.handlers, 'settings.update', input, who);
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: Error & { code?: string }) => ({ code: e.code, message: e.message }));
const lastAudit = () => app.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'settings.update' ORDER BY seq DESC").get() as { actor: string; detail: string };

beforeAll(async () => {
  app = await start();
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('设置', () => {
  it('shows the saved sections, the province profiles and nothing pending on a fresh start', async () => {
    const s = await call(app.handlers, 'settings.get', {}, admin);
    expect(s.saved.site).toEqual({ regionCode: '990100', windowCode: '001' });
    expect(s.saved.platform).toEqual({ profile: 'demo', simulator: true });
    expect(s.saved.privacy).toEqual({ retentionDays: 30 });
    expect(s.profiles.map((p) => p.id)).toEqual(expect.arrayContaining(['demo', 'sm-test']));
    expect(s.pendingRestart).toEqual([]);
  });

  it('saves a section to config.json, audited with its full value, and marks it for the next start', async () => {
    expect(await update({ section: 'site', value: { regionCode: '990100', windowCode: '007', hospitalCode: 'H99010100001' } })).toEqual({ section: 'site', pendingRestart: true });
    expect(fileConfig().site).toEqual({ regionCode: '990100', windowCode: '007', hospitalCode: 'H99010100001' });
    expect(lastAudit()).toMatchObject({ actor: 'admin01' });
    expect(JSON.parse(lastAudit().detail)).toEqual({ section: 'site', value: { regionCode: '990100', windowCode: '007', hospitalCode: 'H99010100001' } });
    expect((await call(app.handlers, 'settings.get', {}, admin)).pendingRestart).toEqual(['site']);
    // The running app keeps what it started with until the restart.
    expect(app.config.site.windowCode).toBe('001');
  });

  it.each([
    [{ section: 'site', value: { regionCode: '99010', windowCode: '001' } }, '经办机构区划应为 6 位数字区划代码'],
    [{ section: 'site', value: { regionCode: '990100', windowCode: '1' } }, '窗口号应为 3 位数字'],
    [{ section: 'site', value: { regionCode: '123456', windowCode: '001' } }, '区划代码 123456 不在行政区划目录中'],
    [{ section: 'site', value: { regionCode: '990100', windowCode: '001', hospitalCode: 'H00000000000' } }, '医院编码 H00000000000 不在医疗机构目录中'],
    [{ section: 'platform', value: { profile: 'nowhere', simulator: true } }, '找不到省份配置 nowhere'],
    [{ section: 'platform', value: { profile: 'demo', simulator: true, url: 'not a url' } }, '平台地址应为完整的网址'],
    [{ section: 'platform', value: { profile: 'demo', simulator: false } }, '关闭模拟平台时请填写平台地址'],
    [{ section: 'security', value: { idleLockMinutes: -1, maxFailedSignIns: 5, lockoutMinutes: 15 } }, '自动锁定时间应在 0–1440 分钟之间'],
    [{ section: 'security', value: { idleLockMinutes: 10, maxFailedSignIns: 5, lockoutMinutes: 1.5 } }, '锁定时长应为整数'],
    [{ section: 'privacy', value: { retentionDays: 0 } }, '个人数据保留天数应在 1–3650 天之间'],
    [{ section: 'privacy', value: { retentionDays: 30, keepForever: true } }, 'keepForever'],
    [{ section: 'web', value: { port: 80 } }, '输入不合法'],
  ])('refuses %j in Chinese and writes nothing', async (input, message) => {
    const before = fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8');
    expect(await refusal(update(input as MethodInput<'settings.update'>))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining(message) });
    expect(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')).toBe(before);
  });

  it('records a refused save too, with what was tried', async () => {
    await refusal(update({ section: 'platform', value: { profile: 'nowhere', simulator: true } }));
    expect(JSON.parse(lastAudit().detail)).toMatchObject({ section: 'platform', value: { profile: 'nowhere' }, failed: 'invalid-input' });
  });

  it('saving the devices keeps a settings change that waits for a restart', async () => {
    await call(app.handlers, 'devices.configure', { deviceId: 'scanner', config: { mode: 'off' } }, admin);
    expect(fileConfig().site.windowCode).toBe('007');
    expect(fileConfig().devices.scanner).toEqual({ mode: 'off' });
  });

  it('is the administrator’s only', async () => {
    expect(await refusal(call(app.handlers, 'settings.get', {}, clerk))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(update({ section: 'privacy', value: { retentionDays: 7 } }, clerk))).toMatchObject({ code: 'forbidden' });
    expect(fileConfig().privacy.retentionDays).toBe(30);
  });

  it('the next start uses what was saved, and nothing is pending then', async () => {
    await update({ section: 'security', value: { idleLockMinutes: 5, maxFailedSignIns: 3, lockoutMinutes: 30 } });
    await app.close();
    app = await start();
    expect(app.config.site.windowCode).toBe('007');
    expect(app.config.security).toEqual({ idleLockMinutes: 5, maxFailedSignIns: 3, lockoutMinutes: 30 });
    expect((await call(app.handlers, 'settings.get', {}, admin)).pendingRestart).toEqual([]);
  }, 60_000);
});
