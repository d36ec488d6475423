/**
 * 临时受理 through the composition root with the embedded platform simulator: offline, a person this
 * workstation has never seen is accepted from the ID card's own data (marked provisional on the lookup and the
 * receipt); back online the outbox asks 1101 before filing — the case is filed under the platform's 人员编号
 * when it agrees, and goes to 需人工处理 with the reason when the name differs or the person is not insured.
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

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-provisional-'));

const ZHANG = { certNo: '990102196003150018', name: '张三', birthDate: '1960-03-15', sexCode: '1' as const, psnNo: '99010000000000000001' };
const LI = { certNo: '990102198507220023', name: '李四', birthDate: '1985-07-22', sexCode: '2' as const };
const CHEN = { certNo: '990104197806300056', name: '陈七', birthDate: '1978-06-30', sexCode: '1' as const }; // 暂停参保
const SMITH = { certNo: 'USA310079060412', name: '史密斯', birthDate: '1979-06-04', sexCode: '1' as const, psnNo: '99010000000000000007' };

type AcceptIn = Extract<MethodInput<'cases.accept'>, { kind: 'special-disease' }>;
const SD_ALL = ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'];
const specialDisease = (psnNo: string, insuplcAdmdvs: string, diseaseCode = 'M03900'): AcceptIn => ({
  kind: 'special-disease',
  psnNo,
  insuplcAdmdvs,
  materials: SD_ALL,
  form: {
    insutype: '310', diseaseCode, hospitalCode: 'H99010100001', hospitalName: '示例市第一人民医院', assessedOn: '2026-03-01',
    doctorCode: 'D001', doctorName: '王医生', begndate: '2026-03-02', enddate: '2026-12-31', tel: '13800000001', addr: '示例市和平路 1 号',
  },
});
const offline = () => call(app.handlers, 'simulator.platform.fault', { fault: 'offline' });
const online = async () => {
  await call(app.handlers, 'simulator.platform.fault', { fault: 'none' });
  await call(app.handlers, 'queue.retry', {});
};
const provisionally = (p: { certNo: string; name: string; birthDate: string; sexCode: '1' | '2' }, psnCertType?: '07') =>
  call(app.handlers, 'person.lookup', {
    certType: '02',
    certNo: p.certNo,
    ...(psnCertType ? { psnCertType } : {}),
    provisional: { name: p.name, birthDate: p.birthDate, sexCode: p.sexCode },
  });
async function settled(caseNo: string): Promise<{ state: string; reason: string | null; item: { state: string; lastError: string | null } }> {
  let found: Awaited<ReturnType<typeof settled>> | undefined;
  await expect
    .poll(
      async () => {
        const all = ['pending', 'in-flight', 'done', 'retry', 'needs-clerk', 'unknown'] as const;
        const entry = (await call(app.handlers, 'queue.list', { states: [...all] })).find((e) => e.caseNo === caseNo);
        if (!entry || (entry.state !== 'done' && entry.state !== 'needs-clerk')) return 'waiting';
        found = { state: entry.state, reason: entry.lastError, item: { state: entry.state, lastError: entry.lastError } };
        return 'settled';
      },
      { timeout: 30_000, interval: 100 },
    )
    .toBe('settled');
  return found!;
}

beforeAll(async () => {
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('临时受理 (platform unreachable, person never seen here)', () => {
  it('without the card data the lookup fails as offline; with it the person is provisional, under a local 人员编号 that hides the number', async () => {
    await offline();
    await expect(call(app.handlers, 'person.lookup', { certType: '02', certNo: ZHANG.certNo })).rejects.toMatchObject({ code: 'offline' });
    const r = await provisionally(ZHANG);
    expect(r.source).toBe('provisional');
    expect(r.person).toMatchObject({ psn_name: '张三', provisional: true, brdy: '1960-03-15', psn_cert_type: '01' });
    expect(r.person.psn_no).toMatch(/^LS[0-9A-F]{18}$/);
    expect(r.person.psn_no).not.toContain(ZHANG.certNo.slice(6, 14));
    // The same card again gets the same provisional person, even without the card data.
    expect((await call(app.handlers, 'person.lookup', { certType: '02', certNo: ZHANG.certNo })).person.psn_no).toBe(r.person.psn_no);
  });

  it('refuses card data that contradicts its number, and a kiosk', async () => {
    await offline();
    await expect(provisionally({ ...LI, birthDate: '1985-07-23' })).rejects.toThrow('证件出生日期与号码不一致，不能临时受理');
    await expect(provisionally({ ...LI, sexCode: '1' })).rejects.toThrow('证件性别与号码不一致，不能临时受理');
    const kiosk = createCaller('websocket', { code: 'K01', name: '自助终端', role: 'kiosk' });
    await expect(
      call(app.handlers, 'person.lookup', { certType: '02', certNo: LI.certNo, provisional: { name: LI.name, birthDate: LI.birthDate, sexCode: LI.sexCode } }, kiosk),
    ).rejects.toThrow();
  });

  it('accepts a case marked 临时受理 on the receipt; online, 1101 agrees and the case is filed under the platform’s 人员编号', async () => {
    await offline();
    const r = await provisionally(ZHANG);
    const out = await call(app.handlers, 'cases.accept', specialDisease(r.person.psn_no, r.person.insuinfo[0].insuplc_admdvs));
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    expect(out.receipt.provisional).toBe(true);
    expect(out.receipt.applicantName).toBe('张三');
    await online();
    expect(await settled(out.receipt.caseNo)).toMatchObject({ state: 'done' });
    const history = await call(app.handlers, 'cases.history', { psnNo: ZHANG.psnNo });
    expect(history.find((h) => h.caseNo === out.receipt.caseNo)?.events.some((e) => e.reason?.includes('临时受理核验通过'))).toBe(true);
    expect((await call(app.handlers, 'cases.receipt', { caseNo: out.receipt.caseNo })).provisional).toBe(false);
    // Online again, the same card is the platform's person.
    expect((await call(app.handlers, 'person.lookup', { certType: '02', certNo: ZHANG.certNo })).person).toMatchObject({ psn_no: ZHANG.psnNo });
  });

  it('a foreign permanent resident is accepted provisionally under 07 and confirmed by 1101', async () => {
    await offline();
    const r = await provisionally(SMITH, '07');
    expect(r.person).toMatchObject({ psn_cert_type: '07', provisional: true });
    const out = await call(app.handlers, 'cases.accept', specialDisease(r.person.psn_no, r.person.insuinfo[0].insuplc_admdvs));
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    await online();
    expect(await settled(out.receipt.caseNo)).toMatchObject({ state: 'done' });
    expect((await call(app.handlers, 'cases.history', { psnNo: SMITH.psnNo })).map((h) => h.caseNo)).toContain(out.receipt.caseNo);
  });

  it('goes to 需人工处理 with the reason when the platform’s name differs or the person is not 正常参保 — nothing is filed', async () => {
    await offline();
    const misnamed = await provisionally({ ...LI, name: '李斯' });
    const a = await call(app.handlers, 'cases.accept', specialDisease(misnamed.person.psn_no, '990100'));
    const suspended = await provisionally(CHEN);
    const b = await call(app.handlers, 'cases.accept', specialDisease(suspended.person.psn_no, '990100', 'M01600'));
    if (a.outcome !== 'accepted' || b.outcome !== 'accepted') throw new Error('expected acceptance');
    await online();
    const first = await settled(a.receipt.caseNo);
    expect(first.state).toBe('needs-clerk');
    expect(first.reason).toBe('临时受理核验未通过：证件姓名“李斯”与平台登记姓名“李四”不一致');
    const second = await settled(b.receipt.caseNo);
    expect(second.state).toBe('needs-clerk');
    expect(second.reason).toMatch(/^临时受理核验未通过：该人员参保状态为暂停参保/);
    // Nothing reached the platform: no 2503 for either, and both still stand under their provisional 人员编号.
    expect((await call(app.handlers, 'cases.history', { psnNo: misnamed.person.psn_no }))[0]).toMatchObject({ caseNo: a.receipt.caseNo, stateLabel: expect.stringContaining('人工') });
  });
});
