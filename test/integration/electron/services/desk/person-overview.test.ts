/**
 * The person panel's answer (person.overview) and the 试算 through the composition root against the embedded
 * platform simulator: 参保状态 (陈七 暂停参保), identities, 5206 year-to-date from the simulator's ledger merged with
 * this workstation's claims, 5301 / 异地 registrations from the platform and from local cases (never both for
 * one case), and offline: the last platform answer plus local, marked 离线.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../../electron/contract/api';
import { createApp, type App } from '../../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import { readChain } from '../../../../../electron/services/audit/audit-chain';
import { cstDate } from '../../../../../electron/services/cases/working-days';
import { calculate, loadPolicyFile, parseClaim, samplePolicyPath } from '../../../../../electron/services/policy';
import { allDelivered } from '../../../../helpers/case-fixtures';

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-overview-'));
const policy = loadPolicyFile(samplePolicyPath());
const CHEN = { certNo: '990104197806300056', psnNo: '99010000000000000005' }; // 职工 在职, 暂停参保; 门诊统筹 1,200元 used elsewhere
const ZHOU = { certNo: '990105200112250067', psnNo: '99010000000000000006' }; // 居民, 低保; one admission elsewhere
const ZHANG = { certNo: '990102196003150018', psnNo: '99010000000000000001' }; // 职工 退休, nothing this year

type AcceptIn = MethodInput<'cases.accept'>;
type ClaimForm = Extract<AcceptIn, { kind: 'reimbursement' }>['form'];
const claimForm = (over: Partial<ClaimForm> = {}): ClaimForm => ({
  insutype: '390',
  reason: '03',
  hospitalCode: 'H11010100009',
  hospitalName: '外省某三甲医院',
  hospitalLevel: '2',
  visitType: 'inpatient',
  begndate: '2026-06-01',
  enddate: '2026-06-05',
  outOfArea: 'none',
  diseaseCode: '',
  retired: null,
  items: [{ name: '住院费用', category: '甲', amount: '10000', overLimit: '', selfPayRatio: '' }],
  invoices: [{ code: '110101', no: '60000001', amount: '10000' }],
  memo: '',
  ...over,
});
const RB_ALL = ['id-document', 'rb-invoices', 'rb-fee-list', 'rb-diagnosis', 'rb-discharge', 'rb-bank-account', 'id-copy'];
const SD_ALL = ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'];

beforeAll(async () => {
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
  for (const p of [CHEN, ZHOU, ZHANG]) await call(app.handlers, 'person.lookup', { certType: '02', certNo: p.certNo });
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('person.overview online', () => {
  it('陈七: 暂停参保 flagged with its Chinese name, 门诊统筹 used and left from the platform (平台累计)', async () => {
    const o = await call(app.handlers, 'person.overview', { psnNo: CHEN.psnNo });
    expect(o.insurances).toEqual([expect.objectContaining({ insutype: '310', insutypeName: '职工基本医疗保险', statusName: '暂停参保', alarm: true })]);
    expect(o.yearToDate).toMatchObject({ source: 'platform', sourceLabel: '平台累计', offline: false, localClaimsAdded: 0 });
    expect(o.yearToDate.ytd.outpatientFundPaid).toBe(120_000);
    expect(o.benefits?.outpatient).toEqual({ quota: 150_000, used: 120_000, left: 30_000 });
    expect(o.benefits?.serious).toBeNull(); // 大病保险 is for 居民 only in the demo policy
    expect(o.specialDiseases).toEqual({ platformAnswered: true, rows: [] });
    expect(o.offline).toBe(false);
  });

  it('周敏: 低保 with its dates, an admission elsewhere: 起付, 大病 deductible (poor tier) and 救助 used', async () => {
    const o = await call(app.handlers, 'person.overview', { psnNo: ZHOU.psnNo });
    expect(o.insurances[0]).toMatchObject({ statusName: '正常参保', alarm: false });
    expect(o.identities).toEqual([{ name: '最低生活保障对象', from: '2025-06-01', to: '长期', current: true }]);
    expect(o.benefits).toMatchObject({
      inpatient: { admissions: 1, deductiblePaid: 50_000, used: 712_500, cap: 20_000_000, left: 20_000_000 - 712_500 },
      outpatient: { quota: 40_000, used: 15_000, left: 25_000 },
      serious: { deductible: 1_175_000, deductibleUsed: 287_500, cap: null, used: 0 },
      assistance: { name: '低保对象', deductible: 0, cap: 5_000_000, used: 201_250 },
    });
  });

  it('张三 (退休) shows 退休 as a special identity and nothing used this year', async () => {
    const o = await call(app.handlers, 'person.overview', { psnNo: ZHANG.psnNo });
    expect(o.identities[0]).toMatchObject({ name: '退休', current: true });
    expect(o.benefits?.outpatient).toEqual({ quota: 200_000, used: 0, left: 200_000 });
    expect(o.yearToDate.source).toBe('platform');
  });
});

describe('试算 uses the same year-to-date as the panel', () => {
  it('a second admission this year: the engine gets the platform figures (half 起付, 大病 deductible already partly used)', async () => {
    const calc = await call(app.handlers, 'reimbursement.calculate', { psnNo: ZHOU.psnNo, form: claimForm() });
    const panel = await call(app.handlers, 'person.overview', { psnNo: ZHOU.psnNo });
    expect(calc.ytd).toEqual(panel.yearToDate.ytd);
    expect(calc.ytd).toMatchObject({ admissions: 1, fundPaid: 712_500, seriousDeductibleUsed: 287_500, assistancePaid: 201_250 });
    expect(calc.ytdSource).toEqual({ source: 'platform', offline: false });
    expect(calc.result.deductible).toBe(25_000); // second admission: half of 500元
    const expected = calculate(
      policy,
      parseClaim(
        {
          person: { insutype: '390', retired: false, assistance: '低保' },
          visit: { type: 'inpatient', hospitalLevel: 2, date: '2026-06-01', outOfArea: null },
          items: [{ name: '住院费用', category: '甲', amount: 1_000_000 }],
          ytd: calc.ytd,
        },
        policy,
      ),
    );
    expect(calc.result).toEqual(expected);
  });

  it('an accepted claim is added on top of the platform figures (两者合并), once', async () => {
    const out = await call(app.handlers, 'cases.accept', { kind: 'reimbursement', psnNo: ZHOU.psnNo, insuplcAdmdvs: '990100', materials: RB_ALL, form: claimForm() });
    if (out.outcome !== 'accepted' || !out.calculation) throw new Error('expected acceptance');
    const used = out.calculation.result.ytdAfter;
    await allDelivered(app);
    const o = await call(app.handlers, 'person.overview', { psnNo: ZHOU.psnNo });
    expect(o.yearToDate).toMatchObject({ source: 'merged', sourceLabel: '两者合并', localClaimsAdded: 1 });
    expect(o.yearToDate.ytd).toEqual(used);
    expect(o.benefits?.inpatient).toMatchObject({ admissions: 2, deductiblePaid: 50_000 + 25_000 });
    const next = await call(app.handlers, 'reimbursement.calculate', {
      psnNo: ZHOU.psnNo,
      form: claimForm({ begndate: '2026-07-01', enddate: '2026-07-02', invoices: [{ code: '110101', no: '60000002', amount: '10000' }] }),
    });
    expect(next.ytd).toEqual(used);
    expect(next.ytdSource?.source).toBe('merged');
  }, 60_000);
});

describe('registrations: platform (5301, 异地 query) and this workstation', () => {
  it('an accepted 特门 shows once: local until uploaded, then the platform record', async () => {
    const out = await call(app.handlers, 'cases.accept', {
      kind: 'special-disease',
      psnNo: ZHOU.psnNo,
      insuplcAdmdvs: '990100',
      materials: SD_ALL,
      form: {
        insutype: '390', diseaseCode: 'M01600', hospitalCode: 'H99010100001', hospitalName: '示例市第一人民医院', assessedOn: '2026-03-01',
        doctorCode: 'D001', doctorName: '王医生', begndate: '2026-03-02', enddate: '', tel: '13800000009', addr: '示例市和平路 9 号',
      },
    });
    expect(out.outcome).toBe('accepted');
    const before = await call(app.handlers, 'person.overview', { psnNo: ZHOU.psnNo });
    expect(before.specialDiseases.rows.filter((r) => r.code === 'M01600')).toHaveLength(1);
    await allDelivered(app);
    const after = await call(app.handlers, 'person.overview', { psnNo: ZHOU.psnNo });
    expect(after.specialDiseases.rows).toEqual([
      { code: 'M01600', name: '糖尿病', from: '2026-03-02', to: '长期', hospital: '示例市第一人民医院', origin: 'platform', stateLabel: '有效', valid: true },
    ]);
  }, 60_000);

  it('a 异地 registration shows with its type and the 就医地 name', async () => {
    const out = await call(app.handlers, 'cases.accept', {
      kind: 'remote-registration',
      psnNo: ZHOU.psnNo,
      insuplcAdmdvs: '990100',
      materials: ['id-document', 'rr-form', 'rr-referral-proof', 'id-copy'],
      form: {
        insutype: '390', regType: 'referral', targetAdmdvs: '110100', targetHospitalCode: '', targetHospitalName: '', begndate: cstDate(new Date()),
        enddate: '', tel: '13800000009', addr: '北京市朝阳区某小区 1 号楼', memo: '',
      },
    });
    expect(out.outcome).toBe('accepted');
    await allDelivered(app);
    const o = await call(app.handlers, 'person.overview', { psnNo: ZHOU.psnNo });
    expect(o.remoteRegistrations.platformAnswered).toBe(true);
    expect(o.remoteRegistrations.rows).toHaveLength(1);
    expect(o.remoteRegistrations.rows[0]).toMatchObject({ typeName: '异地转诊', origin: 'platform', valid: true });
    expect(o.remoteRegistrations.rows[0].place).toMatch(/北京.*（110100）/);
  }, 60_000);
});

describe('offline', () => {
  it('shows the last platform answer plus this workstation, marked 离线; the 试算 uses the same figures', async () => {
    const online = await call(app.handlers, 'person.overview', { psnNo: ZHOU.psnNo });
    await call(app.handlers, 'simulator.platform.fault', { fault: 'offline' });
    try {
      const o = await call(app.handlers, 'person.overview', { psnNo: ZHOU.psnNo });
      expect(o.offline).toBe(true);
      expect(o.yearToDate).toMatchObject({ offline: true, sourceLabel: '离线：上次平台累计+本机' });
      expect(o.yearToDate.ytd).toEqual(online.yearToDate.ytd);
      expect(o.specialDiseases.platformAnswered).toBe(false);
      expect(o.specialDiseases.rows).toEqual([expect.objectContaining({ code: 'M01600', origin: 'local', stateLabel: '已上报' })]);
      expect(o.remoteRegistrations.rows).toEqual([expect.objectContaining({ typeName: '异地转诊', origin: 'local' })]);
      const calc = await call(app.handlers, 'reimbursement.calculate', {
        psnNo: ZHOU.psnNo,
        form: claimForm({ begndate: '2026-08-01', enddate: '2026-08-02', invoices: [{ code: '110101', no: '60000003', amount: '10000' }] }),
      });
      expect(calc.ytd).toEqual(o.yearToDate.ytd);
      expect(calc.ytdSource).toEqual({ source: 'merged', offline: true });

      // Never asked online before (a fresh year-to-date): this workstation only.
      await app.db.prepare("DELETE FROM settings WHERE key LIKE 'accumulation.%'").run();
      const chen = await call(app.handlers, 'person.overview', { psnNo: CHEN.psnNo });
      expect(chen.yearToDate).toMatchObject({ source: 'local', offline: true, sourceLabel: '离线时仅本机' });
      expect(chen.insurances[0].statusName).toBe('暂停参保');
    } finally {
      await call(app.handlers, 'simulator.platform.fault', { fault: 'none' });
    }
  }, 60_000);
});

describe('bad input and the audit trail', () => {
  it('an unknown or empty 人员编号 is refused in Chinese', async () => {
    await expect(call(app.handlers, 'person.overview', { psnNo: '99999999999999999999' })).rejects.toThrow(/本机没有人员编号 99999999999999999999 的参保信息/);
    await expect(call(app.handlers, 'person.overview', { psnNo: '  ' })).rejects.toThrow(/人员编号不能为空/);
    await expect(call(app.handlers, 'person.overview', { psnNo: ZHOU.psnNo, year: 2026 } as never)).rejects.toThrow();
  });

  it('every overview leaves an audit row with the 人员编号 and no name', () => {
    const rows = readChain(app.db).filter((r) => r.action === 'person.overview');
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r.detail).toContain('"psnNo"');
      expect(r.detail).not.toMatch(/周敏|陈七|糖尿病/);
    }
  });
});
