/**
 * Eligibility at acceptance through the composition root (createApp with the embedded platform simulator):
 * every rule refuses `cases.accept` with its Chinese reason and code `ineligible` before anything exists —
 * no case, no receipt, no 一次性告知单 — and the platform simulator refuses the same filing with the same words,
 * so "the platform refused it later" cannot happen for a reason the workstation knew.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../../electron/contract/api';
import { addDays } from '../../../../../electron/contract/rules/calendar-dates';
import { createApp, type App } from '../../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import { cstDate } from '../../../../../electron/services/cases/working-days';
import { PlatformClient, PlatformError } from '../../../../../electron/services/platform/client';
import { loadProfile } from '../../../../../electron/services/platform/profile';
import { registerSpecialDisease } from '../../../../../electron/services/platform/transactions/special-disease';
import { remoteRegistration, type RemoteRegistrationInput } from '../../../../../electron/services/platform/transactions/remote-registration';
import { allDelivered } from '../../../../helpers/case-fixtures';

type AcceptIn = MethodInput<'cases.accept'>;
type RemoteForm = Extract<AcceptIn, { kind: 'remote-registration' }>['form'];

let app: App;
let platform: PlatformClient;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-eligibility-'));
const today = cstDate(new Date());

const people = {
  ZHANG: { certNo: '990102196003150018', psnNo: '' }, // 职工 310, 退休
  LI: { certNo: '990102198507220023', psnNo: '' }, // 职工 310, 在职
  WANG: { certNo: '990103195011080031', psnNo: '' }, // 居民 390
  CHEN: { certNo: '990104197806300056', psnNo: '' }, // 职工 310, 暂停参保
};

beforeAll(async () => {
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
  for (const p of Object.values(people)) p.psnNo = (await call(app.handlers, 'person.lookup', { certType: '02', certNo: p.certNo })).person.psn_no;
  const { url } = await call(app.handlers, 'platform.status', {});
  platform = new PlatformClient({ profile: loadProfile('demo'), baseUrl: url, operator: { code: 'op009', name: '另一柜员', type: 1 } });
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const counts = () => ({
  cases: (app.db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n,
  notices: (app.db.prepare('SELECT COUNT(*) AS n FROM case_notices').get() as { n: number }).n,
});

const PROOF: Record<string, string> = { referral: 'rr-referral-proof', emergency: 'rr-emergency-proof', otherTemporary: 'rr-form' };
function remote(who: keyof typeof people, over: Partial<RemoteForm> = {}, materials?: string[]): AcceptIn {
  const form: RemoteForm = {
    insutype: who === 'WANG' ? '390' : '310',
    regType: 'referral',
    targetAdmdvs: '110105',
    targetHospitalCode: '',
    targetHospitalName: '',
    begndate: today,
    enddate: '',
    tel: '13800000002',
    addr: '北京市朝阳区某小区 1 号楼',
    memo: '',
    ...over,
  };
  const proof = PROOF[form.regType] ?? 'rr-residence-proof';
  return { kind: 'remote-registration', psnNo: people[who].psnNo, insuplcAdmdvs: '990100', materials: materials ?? ['id-document', 'rr-form', 'id-copy', proof], form };
}

/** The same filing sent straight to the platform simulator. */
function onPlatform(input: AcceptIn): Promise<unknown> {
  if (input.kind !== 'remote-registration') throw new Error('remote only');
  const f = input.form;
  const wire: RemoteRegistrationInput = { psnNo: input.psnNo, insutype: f.insutype, regType: f.regType, targetAdmdvs: f.targetAdmdvs, begndate: f.begndate, enddate: f.enddate, tel: f.tel, addr: f.addr, promise: false };
  return remoteRegistration(platform, wire);
}

async function refusedAtDesk(input: AcceptIn): Promise<{ code: string; message: string }> {
  const before = counts();
  const err = (await call(app.handlers, 'cases.accept', input).then(
    () => null,
    (e: unknown) => e,
  )) as { code: string; message: string } | null;
  if (!err) throw new Error('expected a refusal');
  expect(counts(), 'nothing is filed: no case, no receipt, no notice').toEqual(before);
  return err;
}

async function refusedByPlatform(input: AcceptIn): Promise<string> {
  const err = await onPlatform(input).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlatformError);
  return (err as PlatformError).errMsg ?? '';
}

describe('refused before any 受理回执, by the desk and the platform alike', () => {
  it('陈七 (暂停参保) gets no 异地备案 receipt — and no 告知单 either when materials are missing', async () => {
    const input = remote('CHEN');
    const desk = await refusedAtDesk(input);
    expect(desk).toMatchObject({ code: 'ineligible', message: '该人员参保状态为暂停参保，非正常参保不能办理（请参保人先到参保地恢复正常参保）' });
    expect(await refusedByPlatform(input)).toBe(desk.message);
    expect(await refusedAtDesk(remote('CHEN', {}, ['id-document']))).toMatchObject({ code: 'ineligible', message: desk.message });
  });

  it('a working person is refused 异地安置退休', async () => {
    const input = remote('LI', { regType: 'retiredResettled' });
    const desk = await refusedAtDesk(input);
    expect(desk).toMatchObject({ code: 'ineligible', message: expect.stringMatching(/^异地安置退休仅限退休人员办理/) });
    expect(await refusedByPlatform(input)).toBe(desk.message);
  });

  it('a 就医地 inside the person\'s own 统筹区', async () => {
    const input = remote('ZHANG', { targetAdmdvs: '990105' });
    const desk = await refusedAtDesk(input);
    expect(desk.message).toBe('就医地 990105 与参保地 990100 属同一统筹区，无需办理异地就医备案，请选择参保统筹区以外的就医地');
    expect(await refusedByPlatform(input)).toBe(desk.message);
  });

  it('a temporary registration shorter than the profile\'s 6 months', async () => {
    const input = remote('ZHANG', { enddate: addDays(today, 30) });
    const desk = await refusedAtDesk(input);
    expect(desk.message).toMatch(/^临时异地就医备案有效期不少于 6 个月：结束日期应不早于 \d{4}-\d{2}-\d{2}，或留空/);
    expect(await refusedByPlatform(input)).toBe(desk.message);
  });

  it('a long-term registration with an end date', async () => {
    const input = remote('ZHANG', { regType: 'longTermResidence', enddate: addDays(today, 400) });
    const desk = await refusedAtDesk(input);
    expect(desk.message).toBe('异地长期居住属长期备案，不设结束日期，请清空结束日期');
    expect(await refusedByPlatform(input)).toBe(desk.message);
  });

  it('a 补办 beyond the profile\'s 90-day window', async () => {
    const begndate = addDays(today, -120);
    const input = remote('ZHANG', { begndate });
    const desk = await refusedAtDesk(input);
    expect(desk.message).toBe(`补办异地就医备案须在开始就医后 90 天内办理：开始日期 ${begndate} 早于 ${addDays(today, -90)}，已超过补办期限`);
    expect(await refusedByPlatform(input)).toBe(desk.message);
    // Inside the window it is accepted.
    const ok = await call(app.handlers, 'cases.accept', remote('ZHANG', { begndate: addDays(today, -30), regType: 'emergency' }));
    expect(ok.outcome).toBe('accepted');
  });

  it('a second long-term registration within 6 months of the first is a change: refused here and on the platform', async () => {
    const first = await call(app.handlers, 'cases.accept', remote('LI', { regType: 'longTermResidence' }));
    if (first.outcome !== 'accepted') throw new Error('expected acceptance');
    const second = remote('LI', { regType: 'residentWorker', targetAdmdvs: '440300' });
    const desk = await refusedAtDesk(second);
    expect(desk.message).toMatch(new RegExp(`^该人员已有有效的长期异地备案（办件 ${first.receipt.caseNo}）：长期异地就医备案满 6 个月后方可变更或撤销`));
    await allDelivered(app);
    expect(await refusedByPlatform(second)).toMatch(/^该人员已有有效的长期异地备案（YD\d+）：长期异地就医备案满 6 个月后方可变更或撤销/);
  }, 60_000);

  it('a 门诊慢特病 the person already holds: from this desk\'s cases, and from the platform (5301) when filed elsewhere', async () => {
    const sd = (who: keyof typeof people, diseaseCode: string, begndate: string): AcceptIn => ({
      kind: 'special-disease',
      psnNo: people[who].psnNo,
      insuplcAdmdvs: '990100',
      materials: ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'],
      form: {
        insutype: who === 'WANG' ? '390' : '310', diseaseCode, hospitalCode: 'H99010100001', hospitalName: '示例市第一人民医院', assessedOn: '2026-03-01',
        doctorCode: 'D001', doctorName: '王医生', begndate, enddate: '', tel: '13800000001', addr: '示例市和平路 1 号',
      },
    });
    const first = await call(app.handlers, 'cases.accept', sd('ZHANG', 'M03900', '2026-03-02'));
    if (first.outcome !== 'accepted') throw new Error('expected acceptance');
    const local = await refusedAtDesk(sd('ZHANG', 'M03900', '2026-06-01'));
    expect(local).toMatchObject({ code: 'ineligible', message: `该人员已有有效的高血压（M03900）门诊慢特病备案（办件 ${first.receipt.caseNo}，2026-03-02 起长期有效），不能重复备案` });

    // Filed at a hospital or another office: only the platform knows.
    const elsewhere = await registerSpecialDisease(platform, {
      psn_no: people.WANG.psnNo, insutype: '390', opsp_dise_code: 'M01600', opsp_dise_name: '糖尿病', tel: '13800000003', addr: '示例市', insu_optins: '990100',
      ide_fixmedins_no: 'H99010100001', ide_fixmedins_name: '示例市第一人民医院', hosp_ide_date: '2026-02-01', diag_dr_codg: 'D002', diag_dr_name: '李医生',
      begndate: '2026-02-02', enddate: '',
    });
    const remoteHeld = await refusedAtDesk(sd('WANG', 'M01600', '2026-07-01'));
    expect(remoteHeld.message).toBe(`该人员已有有效的糖尿病（M01600）门诊慢特病备案（${elsewhere.result.trt_dcla_detl_sn}，2026-02-02 起长期有效），不能重复备案`);
  }, 60_000);
});
