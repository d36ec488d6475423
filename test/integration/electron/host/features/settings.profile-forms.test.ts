/**
 * 设置's 工作站类型 and 表单模板 sections through the composition root: the profile is saved, audited and applied at
 * the next start, and a hospital desk is refused until the site names a catalogued hospital (nor may the site
 * drop its code afterwards); the templates in use are listed (id, title), and a new folder is saved only when
 * its templates load as the next start loads them — a bad folder or template is refused with the loader's
 * Chinese message naming the file and field, with nothing written.
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
import { formsDir } from '../../../../../electron/services/paper/form-template';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-settings-profile-'));
const formsCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-forms-'));
const admin = createCaller('ipc', { code: 'admin01', name: '王管理', role: 'admin' });
let app: App;

const start = () => createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
const configFile = () => path.join(dataDir, 'config.json');
const fileConfig = () => JSON.parse(fs.readFileSync(configFile(), 'utf8'));
const update = (input: MethodInput<'settings.update'>) => call(app.handlers, 'settings.update', input, admin);
const get = () => call(app.handlers, 'settings.get', {}, admin);
const refusal = (p: Promise<unknown>) => p.then(() => null, (e: Error & { code?: string }) => ({ code: e.code, message: e.message }));
const lastAudit = () => JSON.parse((app.db.prepare("SELECT detail FROM audit_log WHERE action = 'settings.update' ORDER BY seq DESC").get() as { detail: string }).detail);
const SITE = { regionCode: '990100', windowCode: '001' };
const shippedIds = fs.readdirSync(formsDir()).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -5));

/** A copy of the shipped templates, with `edit` applied to one file. */
function templatesFolder(name: string, edit?: { file: string; change: (t: Record<string, unknown>) => Record<string, unknown> | string }): string {
  const dir = path.join(formsCopy, name);
  fs.cpSync(formsDir(), dir, { recursive: true });
  if (edit) {
    const file = path.join(dir, edit.file);
    const out = edit.change(JSON.parse(fs.readFileSync(file, 'utf8')));
    fs.writeFileSync(file, typeof out === 'string' ? out : JSON.stringify(out));
  }
  return dir;
}

async function refusedWithNothingWritten(input: MethodInput<'settings.update'>, message: string) {
  const before = fs.readFileSync(configFile(), 'utf8');
  expect(await refusal(update(input))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining(message) });
  expect(fs.readFileSync(configFile(), 'utf8')).toBe(before);
  expect(lastAudit()).toMatchObject({ section: input.section, failed: 'invalid-input' });
}

beforeAll(async () => {
  app = await start();
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(formsCopy, { recursive: true, force: true });
});

describe('设置: 工作站类型', () => {
  it('starts as a hall counter', async () => {
    expect((await get()).saved.profile).toBe('counter');
  });

  it('refuses a hospital desk while the site has no hospital code', async () => {
    await refusedWithNothingWritten({ section: 'profile', value: 'hospital' }, '须先在“站点”中填写本院定点医疗机构编码');
  });

  it('refuses a profile that does not exist', async () => {
    await refusedWithNothingWritten({ section: 'profile', value: 'clinic' } as never, 'profile 应为 counter');
  });

  it('saves a hospital desk once the site names its hospital, audited, pending a restart', async () => {
    await update({ section: 'site', value: { ...SITE, hospitalCode: 'H99010100001' } });
    expect(await update({ section: 'profile', value: 'hospital' })).toEqual({ section: 'profile', pendingRestart: true });
    expect(fileConfig().profile).toBe('hospital');
    expect(lastAudit()).toEqual({ section: 'profile', value: 'hospital' });
    expect((await get()).pendingRestart).toEqual(expect.arrayContaining(['site', 'profile']));
    expect(app.config.profile).toBe('counter');
  });

  it('then the site may not drop the hospital code', async () => {
    await refusedWithNothingWritten({ section: 'site', value: SITE }, '须先在“站点”中填写本院定点医疗机构编码');
  });
});

describe('设置: 表单模板', () => {
  it('lists the templates in use (the shipped ones) with their titles', async () => {
    const { forms } = await get();
    expect(forms.running).toMatchObject({ dir: formsDir(), shipped: true, error: null });
    expect(forms.running.templates.map((t) => t.id).sort()).toEqual([...shippedIds].sort());
    expect(forms.running.templates).toContainEqual({ id: 'special-disease', title: '门诊慢特病认定申请表' });
    expect(forms.saved).toEqual(forms.running);
  });

  it.each([
    ['a folder that does not exist', () => path.join(formsCopy, 'nowhere'), ['nowhere', '无法读取表单模板目录（ENOENT）']],
    [
      'an empty folder',
      () => {
        const dir = path.join(formsCopy, 'empty');
        fs.mkdirSync(dir, { recursive: true });
        return dir;
      },
      ['目录中没有表单模板'],
    ],
    [
      'a template with an unknown placeholder',
      () => templatesFolder('bad-field', { file: 'special-disease.json', change: (t) => ({ ...t, subtitle: '{{fooBar}}' }) }),
      ['special-disease.json', 'subtitle', '未知字段 {{fooBar}}'],
    ],
    ['a template that is not JSON', () => templatesFolder('bad-json', { file: 'cancellation.json', change: () => '{ not json' }), ['cancellation.json', '不是有效的 JSON']],
    [
      'a template whose id is not its file name',
      () => templatesFolder('bad-id', { file: 'settlement.json', change: (t) => ({ ...t, id: 'other' }) }),
      ['settlement.json', 'id: 应与文件名一致'],
    ],
  ])('refuses %s with the loader’s message, writing nothing', async (_what, folder, parts) => {
    const dir = folder();
    const before = fs.readFileSync(configFile(), 'utf8');
    const r = await refusal(update({ section: 'paper', value: { formsDir: dir } }));
    expect(r?.code).toBe('invalid-input');
    for (const p of parts) expect(r?.message).toContain(p);
    expect(fs.readFileSync(configFile(), 'utf8')).toBe(before);
  });

  it('refuses a relative folder by its schema', async () => {
    await refusedWithNothingWritten({ section: 'paper', value: { formsDir: 'forms' } }, '表单模板目录应为完整路径');
  });

  it('saves a folder whose templates load, lists them as the next start’s, and the next start uses them', async () => {
    const dir = templatesFolder('good', { file: 'special-disease.json', change: (t) => ({ ...t, title: '特门认定申请表（本省）' }) });
    expect(await update({ section: 'paper', value: { formsDir: dir } })).toEqual({ section: 'paper', pendingRestart: true });
    expect(lastAudit()).toEqual({ section: 'paper', value: { formsDir: dir } });
    const { forms, pendingRestart } = await get();
    expect(pendingRestart).toContain('paper');
    expect(forms.running.shipped).toBe(true);
    expect(forms.saved).toMatchObject({ dir, shipped: false, error: null });
    expect(forms.saved.templates).toContainEqual({ id: 'special-disease', title: '特门认定申请表（本省）' });

    await app.close();
    app = await start();
    expect(app.config.profile).toBe('hospital');
    expect(app.config.paper.formsDir).toBe(dir);
    const after = await get();
    expect(after.pendingRestart).toEqual([]);
    expect(after.forms.running.templates).toContainEqual({ id: 'special-disease', title: '特门认定申请表（本省）' });
    expect((await call(app.handlers, 'catalogues.deskHospital', {})).profile).toBe('hospital');
  }, 60_000);

  it('back to the shipped templates by clearing the folder', async () => {
    expect(await update({ section: 'paper', value: {} })).toEqual({ section: 'paper', pendingRestart: true });
    expect(fileConfig().paper).toEqual({});
    expect((await get()).forms.saved).toMatchObject({ dir: formsDir(), shipped: true });
  });
});
