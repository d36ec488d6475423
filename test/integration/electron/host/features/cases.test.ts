/**
 * The three counter services through the composition root (createApp with the embedded platform simulator):
 * accept → the uploader delivers → the simulator holds the record; duplicates, 一次性告知单, 容缺受理,
 * cancellation order and the 6-month rule, the 零星报销 calculation against the engine with accumulating ytd,
 * and bad input refused in Chinese.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../../electron/contract/api';
import { createApp, type App } from '../../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { createCaller } from '../../../../../electron/host/caller';
import { call } from '../../../../../electron/host/dispatch';
import { allDelivered as deliverAll } from '../../../../helpers/case-fixtures';
import { addMonths, cstDate } from '../../../../../electron/services/cases/working-days';
import { calculate, loadPolicyFile, parseClaim, samplePolicyPath } from '../../../../../electron/services/policy';

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-cases-'));
const policy = loadPolicyFile(samplePolicyPath());

const ZHANG = { certNo: '990102196003150018', psnNo: '', admdvs: '' }; // 职工 310, 退休 (psn_type 12)
const WANG = { certNo: '990103195011080031', psnNo: '', admdvs: '' }; // 居民 390, 特困
const LI = { certNo: '990102198507220023', psnNo: '', admdvs: '' }; // 职工 310, 在职

type AcceptIn = MethodInput<'cases.accept'>;
type ReimbursementFormIn = Extract<AcceptIn, { kind: 'reimbursement' }>['form'];

beforeAll(async () => {
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
  for (const p of [ZHANG, WANG, LI]) {
    const r = await call(app.handlers, 'person.lookup', { certType: '02', certNo: p.certNo });
    p.psnNo = r.person.psn_no;
    p.admdvs = r.person.insuinfo[0].insuplc_admdvs;
  }
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const allDelivered = () => deliverAll(app);

function simulatorRecords(kind: string, psnNo: string): Array<{ sn: string; status: string; key1: string; begndate: string }> {
  const db = new Database(path.join(dataDir, 'platform-simulator.db'), { readonly: true });
  try {
    return db.prepare('SELECT sn, status, key1, begndate FROM records WHERE kind = ? AND psn_no = ? ORDER BY created_at').all(kind, psnNo) as Array<{
      sn: string;
      status: string;
      key1: string;
      begndate: string;
    }>;
  } finally {
    db.close();
  }
}

const specialForm = (over: Partial<Extract<AcceptIn, { kind: 'special-disease' }>['form']> = {}) => ({
  insutype: '310',
  diseaseCode: 'M03900',
  hospitalCode: 'H99010100001',
  hospitalName: '示例市第一人民医院',
  assessedOn: '2026-03-01',
  doctorCode: 'D001',
  doctorName: '王医生',
  begndate: '2026-03-02',
  enddate: '2026-12-31',
  tel: '13800000001',
  addr: '示例市和平路 1 号',
  ...over,
});
const SD_ALL = ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'];

const claimForm = (over: Partial<ReimbursementFormIn> = {}): ReimbursementFormIn => ({
  insutype: '390',
  reason: '03',
  hospitalCode: 'H11010100009',
  hospitalName: '外省某三甲医院',
  hospitalLevel: '3',
  visitType: 'inpatient',
  begndate: '2026-05-01',
  enddate: '2026-05-10',
  outOfArea: 'none',
  diseaseCode: '',
  retired: null,
  items: [
    { name: '床位费', category: '甲', amount: '37000', overLimit: '', selfPayRatio: '' },
    { name: '某乙类药', category: '乙', amount: '10000.00', overLimit: '', selfPayRatio: '10' },
    { name: '自费耗材', category: '丙', amount: '3000', overLimit: '', selfPayRatio: '' },
  ],
  invoices: [{ code: '110101', no: '00000001', amount: '50000' }],
  memo: '',
  ...over,
});
const RB_ALL = ['id-document', 'rb-invoices', 'rb-fee-list', 'rb-diagnosis', 'rb-discharge', 'rb-bank-account', 'id-copy'];

describe('catalogue and materials', () => {
  it('lists the disease catalogue with pinyin initials', async () => {
    const list = await call(app.handlers, 'catalog.diseases', {});
    expect(list).toContainEqual({ code: 'M03900', name: '高血压', initials: 'GXY' });
    expect(list.find((d) => d.code === 'M02500')?.initials).toBe('DX');
  });

  it('gives the long-term 异地 checklist residence proof OR a promise letter, 转诊 a 转诊证明', async () => {
    const longTerm = await call(app.handlers, 'cases.materials', { kind: 'remote-registration', regType: 'longTermResidence' });
    expect(longTerm.filter((m) => m.anyOf === 'residence').map((m) => m.name)).toEqual(['异地居住或工作证明', '个人承诺书']);
    const referral = await call(app.handlers, 'cases.materials', { kind: 'remote-registration', regType: 'referral' });
    expect(referral.map((m) => m.name)).toContain('转诊证明');
    const outpatient = await call(app.handlers, 'cases.materials', { kind: 'reimbursement', visitType: 'outpatient' });
    expect(outpatient.map((m) => m.name)).not.toContain('出院小结');
  });
});

describe('门诊慢特病 registration', () => {
  let caseNo = '';

  it('accepts with a receipt, the uploader files it and the simulator holds it', async () => {
    // The receipt's 经办人 is the operator signed in on the calling connection.
    const clerk = createCaller('test', { code: 'op001', name: '柜员一', role: 'clerk' });
    const out = await call(
      app.handlers,
      'cases.accept',
      { kind: 'special-disease', psnNo: ZHANG.psnNo, insuplcAdmdvs: ZHANG.admdvs, materials: SD_ALL, form: specialForm() },
      clerk,
    );
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    caseNo = out.receipt.caseNo;
    expect(caseNo).toMatch(/^990100001\d{8}\d{6}$/);
    expect(out.receipt).toMatchObject({ applicantName: '张三', idNumberMasked: '990102********0018', clerk: '柜员一', pending: null });
    expect(out.receipt.materials).toContain('门诊慢特病认定申请表');
    expect(out.receipt.items[0].name).toContain('高血压');
    await allDelivered();
    const recs = simulatorRecords('special-disease', ZHANG.psnNo);
    expect(recs).toHaveLength(1);
    expect(recs[0]).toMatchObject({ status: 'valid', key1: 'M03900', begndate: '2026-03-02' });
    const history = await call(app.handlers, 'cases.history', { psnNo: ZHANG.psnNo });
    expect(history[0]).toMatchObject({ caseNo, stateLabel: '已上报', tone: 'done', cancellable: true });
    expect(history[0].events.map((e) => e.to)).toEqual(['accepted', 'filed']);
  });

  it('refuses the same registration twice', async () => {
    await expect(
      call(app.handlers, 'cases.accept', { kind: 'special-disease', psnNo: ZHANG.psnNo, insuplcAdmdvs: ZHANG.admdvs, materials: SD_ALL, form: specialForm() }),
    ).rejects.toThrow(/已有有效的高血压（M03900）门诊慢特病备案（办件 \d{23}，2026-03-02 起至 2026-12-31），不能重复备案/);
  });

  it('missing main materials: a 一次性告知单 listing every missing item, nothing queued', async () => {
    const before = (await call(app.handlers, 'queue.summary', {})).counts.total;
    const out = await call(app.handlers, 'cases.accept', {
      kind: 'special-disease',
      psnNo: LI.psnNo,
      insuplcAdmdvs: LI.admdvs,
      materials: ['id-document', 'sd-medical-record'],
      form: specialForm({ diseaseCode: 'M01600' }),
    });
    if (out.outcome !== 'refused') throw new Error('expected refusal');
    expect(out.notice.noticeNo).toMatch(/^N\d{23}$/);
    expect(out.notice.missing.map((m) => m.material)).toEqual(['门诊慢特病认定申请表', '检查报告', '近期一寸免冠照片', '身份证件复印件']);
    expect(out.notice.item).toContain('糖尿病');
    expect((await call(app.handlers, 'queue.summary', {})).counts.total).toBe(before);
    const pdf = await call(app.handlers, 'cases.noticePdf', { noticeNo: out.notice.noticeNo });
    expect(fs.readFileSync(pdf.path).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('only minor materials missing: refuses without the promise, 容缺受理 with it (deadline recorded)', async () => {
    const input = {
      kind: 'special-disease' as const,
      psnNo: LI.psnNo,
      insuplcAdmdvs: LI.admdvs,
      materials: ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report'],
      form: specialForm({ diseaseCode: 'M01600' }),
    };
    await expect(call(app.handlers, 'cases.accept', input)).rejects.toThrow(/容缺承诺书：近期一寸免冠照片、身份证件复印件/);
    const out = await call(app.handlers, 'cases.accept', { ...input, promiseSigned: true });
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    expect(out.receipt.pending?.materials).toEqual(['近期一寸免冠照片', '身份证件复印件']);
    expect(out.receipt.pending?.deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const view = (await call(app.handlers, 'cases.history', { psnNo: LI.psnNo }))[0];
    expect(view.pending).toEqual(out.receipt.pending);
    expect(view.events[0].reason).toContain('容缺受理');
    const pdf = await call(app.handlers, 'cases.receiptPdf', { caseNo: out.receipt.caseNo });
    expect(pdf.path).toBe(path.join(dataDir, 'receipts', `${out.receipt.caseNo}.pdf`));
    expect(fs.readFileSync(pdf.path).subarray(0, 5).toString()).toBe('%PDF-');
    // Held until the missing materials are in (容缺 补齐), then filed.
    await call(app.handlers, 'cases.completeMaterials', { caseNo: out.receipt.caseNo, received: ['近期一寸免冠照片', '身份证件复印件'], note: '' });
    await allDelivered();
  });

  it('a cancellation waits for its registration, then the platform record is cancelled', async () => {
    await call(app.handlers, 'simulator.platform.fault', { fault: 'offline' });
    const out = await call(app.handlers, 'cases.accept', {
      kind: 'special-disease',
      psnNo: ZHANG.psnNo,
      insuplcAdmdvs: ZHANG.admdvs,
      materials: SD_ALL,
      form: specialForm({ diseaseCode: 'M05300' }),
    });
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    const cancel = await call(app.handlers, 'cases.cancel', { caseNo: out.receipt.caseNo, memo: '申请人不再需要' });
    expect(cancel.cancels).toBe(out.receipt.caseNo);
    expect(cancel.receipt.kindLabel).toBe('撤销门诊慢特病备案');
    await expect(call(app.handlers, 'cases.cancel', { caseNo: out.receipt.caseNo, memo: '申请人再次申请' })).rejects.toThrow(/已提交撤销申请/);
    const waiting = await call(app.handlers, 'queue.list', {});
    const cancelEntry = waiting.find((e) => e.caseNo === cancel.caseNo);
    expect(cancelEntry?.waitReason).toContain(out.receipt.caseNo);
    let history = await call(app.handlers, 'cases.history', { psnNo: ZHANG.psnNo });
    expect(history.find((h) => h.caseNo === out.receipt.caseNo)?.stateLabel).toContain('撤销待上报');
    await call(app.handlers, 'simulator.platform.fault', { fault: 'none' });
    await call(app.handlers, 'queue.retry', {});
    await allDelivered();
    const rec = simulatorRecords('special-disease', ZHANG.psnNo).find((r) => r.key1 === 'M05300');
    expect(rec?.status).toBe('cancelled');
    history = await call(app.handlers, 'cases.history', { psnNo: ZHANG.psnNo });
    expect(history.find((h) => h.caseNo === out.receipt.caseNo)).toMatchObject({ stateLabel: '已撤销', cancellable: false });
    expect(history.find((h) => h.caseNo === cancel.caseNo)).toMatchObject({ relatedCaseNo: out.receipt.caseNo, stateLabel: '已上报' });
  }, 60_000);
});

describe('异地就医备案', () => {
  // The 6-month rule counts from the real date (the platform simulator checks it against its own clock too).
  const today = cstDate(new Date());
  const remoteForm = (over: Record<string, unknown> = {}) => ({
    insutype: '310',
    regType: 'longTermResidence' as const,
    targetAdmdvs: '110100',
    targetHospitalCode: '',
    targetHospitalName: '',
    begndate: today,
    enddate: '',
    tel: '13800000002',
    addr: '北京市朝阳区某小区 1 号楼',
    memo: '',
    ...over,
  });

  it('long-term with a promise letter instead of residence proof: 承诺制, filed; cannot be cancelled within 6 months', async () => {
    const out = await call(app.handlers, 'cases.accept', {
      kind: 'remote-registration',
      psnNo: LI.psnNo,
      insuplcAdmdvs: LI.admdvs,
      materials: ['id-document', 'rr-form', 'rr-promise-letter', 'id-copy'],
      form: remoteForm(),
    });
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    expect(out.receipt.items[0].name).toContain('承诺制');
    await allDelivered();
    expect(simulatorRecords('remote-registration', LI.psnNo)).toHaveLength(1);
    await expect(call(app.handlers, 'cases.cancel', { caseNo: out.receipt.caseNo, memo: '申请人不再需要' })).rejects.toThrow(new RegExp(`满 6 个月后方可变更或撤销.*${addMonths(today, 6)} 起可撤销`));
    const view = (await call(app.handlers, 'cases.history', { psnNo: LI.psnNo })).find((h) => h.caseNo === out.receipt.caseNo);
    expect(view).toMatchObject({ cancellable: false, cancelNote: expect.stringContaining('6 个月') });
  });

  it('neither residence proof nor promise letter: the notice names the alternatives as one item', async () => {
    const out = await call(app.handlers, 'cases.accept', {
      kind: 'remote-registration',
      psnNo: ZHANG.psnNo,
      insuplcAdmdvs: ZHANG.admdvs,
      materials: ['id-document', 'id-copy'],
      form: remoteForm({ regType: 'retiredResettled' }),
    });
    if (out.outcome !== 'refused') throw new Error('expected refusal');
    expect(out.notice.missing.map((m) => m.material)).toEqual(['异地就医备案表', '异地居住或工作证明 或 个人承诺书']);
  });

  it('a temporary referral is filed and can be cancelled (after the registration)', async () => {
    const out = await call(app.handlers, 'cases.accept', {
      kind: 'remote-registration',
      psnNo: ZHANG.psnNo,
      insuplcAdmdvs: ZHANG.admdvs,
      materials: ['id-document', 'rr-form', 'rr-referral-proof', 'id-copy'],
      form: remoteForm({ regType: 'referral' }),
    });
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    const cancel = await call(app.handlers, 'cases.cancel', { caseNo: out.receipt.caseNo, memo: '行程取消不再外出' });
    await allDelivered();
    const recs = simulatorRecords('remote-registration', ZHANG.psnNo);
    expect(recs.map((r) => r.status)).toEqual(['cancelled']);
    const history = await call(app.handlers, 'cases.history', { psnNo: ZHANG.psnNo });
    expect(history.find((h) => h.caseNo === cancel.caseNo)?.stateLabel).toBe('已上报');
  });
});

describe('零星报销 with the policy engine', () => {
  it('试算 equals the engine on the same claim; the person comes from the platform (居民, 特困)', async () => {
    const calc = await call(app.handlers, 'reimbursement.calculate', { psnNo: WANG.psnNo, form: claimForm() });
    expect(calc.person).toEqual({ insutype: '390', retired: false, assistance: '特困' });
    const expected = calculate(
      policy,
      parseClaim(
        {
          person: { insutype: '390', retired: false, assistance: '特困' },
          visit: { type: 'inpatient', hospitalLevel: 3, date: '2026-05-01', outOfArea: null },
          items: [
            { name: '床位费', category: '甲', amount: 3_700_000 },
            { name: '某乙类药', category: '乙', amount: 1_000_000, selfPayRatio: 10 },
            { name: '自费耗材', category: '丙', amount: 300_000 },
          ],
        },
        policy,
      ),
    );
    expect(calc.result).toEqual(expected);
    expect(calc.result.total).toBe(5_000_000);
    expect(calc.result.explain.length).toBeGreaterThan(3);
  });

  it('a retired 职工 is recognised from psn_type, and the clerk may override it', async () => {
    const form = claimForm({ insutype: '310', invoices: [{ code: '110101', no: '00000099', amount: '50000' }] });
    expect((await call(app.handlers, 'reimbursement.calculate', { psnNo: ZHANG.psnNo, form })).person.retired).toBe(true);
    expect((await call(app.handlers, 'reimbursement.calculate', { psnNo: ZHANG.psnNo, form: { ...form, retired: false } })).person.retired).toBe(false);
  });

  it('accepting stores the claim: the next claim of the year sees the accumulators; the payload carries the calculation', async () => {
    const first = await call(app.handlers, 'cases.accept', {
      kind: 'reimbursement',
      psnNo: WANG.psnNo,
      insuplcAdmdvs: WANG.admdvs,
      materials: RB_ALL,
      form: claimForm(),
    });
    if (first.outcome !== 'accepted' || !first.calculation) throw new Error('expected acceptance with calculation');
    const r1 = first.calculation.result;
    expect(first.calculation.ytd.admissions).toBe(0);
    expect(first.receipt.items[0].amountFen).toBe(5_000_000);
    expect(first.receipt.items[1].amountFen).toBe(r1.fundPay + r1.seriousIllnessPay + r1.assistancePay);

    const secondForm = claimForm({ begndate: '2026-08-01', enddate: '2026-08-05', invoices: [{ code: '110101', no: '00000002', amount: '50000' }] });
    const calc2 = await call(app.handlers, 'reimbursement.calculate', { psnNo: WANG.psnNo, form: secondForm });
    expect(calc2.ytd).toEqual(r1.ytdAfter);
    expect(calc2.ytd.admissions).toBe(1);
    const second = await call(app.handlers, 'cases.accept', {
      kind: 'reimbursement',
      psnNo: WANG.psnNo,
      insuplcAdmdvs: WANG.admdvs,
      materials: RB_ALL,
      form: secondForm,
    });
    if (second.outcome !== 'accepted' || !second.calculation) throw new Error('expected acceptance');
    expect(second.calculation.result).toEqual(calc2.result);
    await allDelivered();
    const recs = simulatorRecords('reimbursement', WANG.psnNo);
    expect(recs).toHaveLength(2);

    // A claim of another year does not see them.
    const nextYear = await call(app.handlers, 'reimbursement.calculate', {
      psnNo: WANG.psnNo,
      form: claimForm({ begndate: '2025-12-01', enddate: '2025-12-02' }),
    }).catch((e: Error) => e);
    expect(nextYear).toBeInstanceOf(Error); // the 2026 policy refuses a 2025 visit, in words
    expect((nextYear as Error).message).toContain('适用期');

    // Cancelling the first claim reverses it: the third calculation only counts the second.
    await call(app.handlers, 'cases.cancel', { caseNo: first.receipt.caseNo, memo: '重复申请' });
    await allDelivered();
    const calc3 = await call(app.handlers, 'reimbursement.calculate', {
      psnNo: WANG.psnNo,
      form: claimForm({ begndate: '2026-09-01', enddate: '2026-09-02', invoices: [{ code: '110101', no: '00000003', amount: '50000' }] }),
    });
    const r2 = second.calculation.result;
    expect(calc3.ytd.admissions).toBe(1);
    expect(calc3.ytd.fundPaid).toBe(r2.ytdAfter.fundPaid - r1.ytdAfter.fundPaid);
    const reversed = app.db.prepare('SELECT reversed_at FROM settled_claims ORDER BY id').all() as Array<{ reversed_at: string | null }>;
    expect(reversed[0].reversed_at).not.toBeNull();
    expect(reversed[1].reversed_at).toBeNull();
  }, 60_000);

  it('an invoice is reimbursed once: a later claim carrying it is refused locally', async () => {
    const out = call(app.handlers, 'cases.accept', {
      kind: 'reimbursement',
      psnNo: WANG.psnNo,
      insuplcAdmdvs: WANG.admdvs,
      materials: RB_ALL,
      form: claimForm({
        begndate: '2026-10-01',
        enddate: '2026-10-02',
        invoices: [
          { code: '110101', no: '00000050', amount: '25000' },
          { code: '110101', no: '00000002', amount: '25000' },
        ],
      }),
    });
    await expect(out).rejects.toThrow(/已报销过，不能重复报销（一张票据只能报销一次）：110101 \/ 00000002（本机办件 \d{23}）$/);
  });

  it('invoice total must equal the bill; a special visit needs a registration of that disease', async () => {
    await expect(
      call(app.handlers, 'reimbursement.calculate', { psnNo: WANG.psnNo, form: claimForm({ invoices: [{ code: '110101', no: '00000077', amount: '49999.99' }] }) }),
    ).rejects.toThrow(/票据金额合计 49999\.99 元与费用明细合计 50000\.00 元不一致/);
    await expect(
      call(app.handlers, 'reimbursement.calculate', { psnNo: WANG.psnNo, form: claimForm({ visitType: 'special', diseaseCode: 'M01600' }) }),
    ).rejects.toThrow(/未找到该人员病种 M01600 的门诊慢特病备案/);
    // 张三 has a filed 高血压 registration from 2026-03-02: a special visit inside the window is eligible.
    const calc = await call(app.handlers, 'reimbursement.calculate', {
      psnNo: ZHANG.psnNo,
      form: claimForm({
        insutype: '310',
        visitType: 'special',
        diseaseCode: 'M03900',
        begndate: '2026-06-01',
        enddate: '2026-06-01',
        items: [{ name: '降压药', category: '甲', amount: '300', overLimit: '', selfPayRatio: '' }],
        invoices: [{ code: '110101', no: '00000088', amount: '300' }],
      }),
    });
    expect(calc.result.eligible).toBe(true);
    expect(calc.result.fundPay).toBe(24_000); // 职工 retired 80%
  });
});

describe('bad input is refused with Chinese messages', () => {
  let base: { kind: 'special-disease'; psnNo: string; insuplcAdmdvs: string; materials: string[] };
  beforeAll(() => {
    base = { kind: 'special-disease', psnNo: ZHANG.psnNo, insuplcAdmdvs: '990100', materials: SD_ALL };
  });

  it('form fields', async () => {
    await expect(call(app.handlers, 'cases.accept', { ...base, psnNo: ZHANG.psnNo, form: specialForm({ tel: '12345' }) })).rejects.toThrow(
      /联系电话应为 11 位手机号/,
    );
    await expect(call(app.handlers, 'cases.accept', { ...base, psnNo: ZHANG.psnNo, form: specialForm({ begndate: '2026-02-30' }) })).rejects.toThrow(
      /开始日期应为有效日期/,
    );
    await expect(
      call(app.handlers, 'cases.accept', { ...base, psnNo: ZHANG.psnNo, form: specialForm({ enddate: '2026-01-01', begndate: '2026-03-02' }) }),
    ).rejects.toThrow(/结束日期不能早于开始日期/);
    await expect(call(app.handlers, 'cases.accept', { ...base, psnNo: ZHANG.psnNo, form: specialForm({ diseaseCode: 'X99999' }) })).rejects.toThrow(
      /不在门诊慢特病病种目录中/,
    );
    await expect(
      call(app.handlers, 'cases.accept', { ...base, psnNo: ZHANG.psnNo, form: { ...specialForm(), extra: 1 } as ReturnType<typeof specialForm> }),
    ).rejects.toThrow(/输入不合法/);
  });

  it('money with three decimals, a sign or a misplaced comma; a ratio over 100', async () => {
    for (const amount of ['12.345', '-5', '1,00', '', 'abc']) {
      const form = claimForm({ items: [{ name: '药', category: '甲', amount, overLimit: '', selfPayRatio: '' }] });
      await expect(call(app.handlers, 'reimbursement.calculate', { psnNo: WANG.psnNo, form })).rejects.toThrow(/金额应为以元为单位的金额/);
    }
    // Thousands separators and full-width digits are normalised, not refused: the amount passes, and the
    // invoice total (50,000) is what no longer matches.
    for (const amount of ['1,000', '１０００．００']) {
      const form = claimForm({ items: [{ name: '药', category: '甲', amount, overLimit: '', selfPayRatio: '' }] });
      await expect(call(app.handlers, 'reimbursement.calculate', { psnNo: WANG.psnNo, form })).rejects.toThrow(
        /^输入不合法 — 第 1 张票据：票据金额合计 50000\.00 元与费用明细合计 1000\.00 元不一致$/,
      );
    }
    const form = claimForm({ items: [{ name: '药', category: '乙', amount: '10', overLimit: '', selfPayRatio: '150' }] });
    await expect(call(app.handlers, 'reimbursement.calculate', { psnNo: WANG.psnNo, form })).rejects.toThrow(/先行自付比例应为 0–100/);
    const overLimit = claimForm({
      items: [{ name: '药', category: '甲', amount: '10', overLimit: '20', selfPayRatio: '' }],
      invoices: [{ code: '110101', no: '00000111', amount: '10' }],
    });
    await expect(call(app.handlers, 'reimbursement.calculate', { psnNo: WANG.psnNo, form: overLimit })).rejects.toThrow(/超限价金额不能大于项目金额/);
  });

  it('unknown person, wrong 参保地, unknown material, wrong insutype, unknown case number', async () => {
    await expect(call(app.handlers, 'cases.accept', { ...base, psnNo: '99999999999999999999', form: specialForm() })).rejects.toThrow(
      /请先读取证件并查询参保信息/,
    );
    await expect(call(app.handlers, 'cases.accept', { ...base, insuplcAdmdvs: '110100', form: specialForm() })).rejects.toThrow(/参保地区划 110100 与平台查询结果不一致/);
    await expect(call(app.handlers, 'cases.accept', { ...base, materials: ['bogus'], form: specialForm() })).rejects.toThrow(/材料清单中没有这些材料: bogus/);
    await expect(call(app.handlers, 'cases.accept', { ...base, form: specialForm({ insutype: '390' }) })).rejects.toThrow(/没有险种 390 的参保记录/);
    await expect(call(app.handlers, 'cases.cancel', { caseNo: '99010000120261122999999', memo: '申请人申请撤销' })).rejects.toThrow(/找不到办件/);
    await expect(call(app.handlers, 'cases.receiptPdf', { caseNo: '123' })).rejects.toThrow(/办件编号应为 23 位数字/);
  });
});

describe('the platform refuses too', () => {
  it('an invoice already reimbursed through another workstation: refused at acceptance when online; accepted offline, it needs the clerk', async () => {
    const status = await call(app.handlers, 'platform.status', {});
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-cases-other-'));
    // A second workstation on the same (embedded) platform, without its own simulator.
    const other = await createApp({
      dataDir: otherDir,
      mode: 'browser',
      devices: defaultDeviceFactories(),
      configOverrides: (c) => ({ ...c, site: { ...c.site, windowCode: '002' }, platform: { ...c.platform, url: status.url, simulator: false } }),
    });
    try {
      // Another person brings 110101/00000002, reimbursed for 王五 at the first workstation (still valid there).
      const lookup = await call(other.handlers, 'person.lookup', { certType: '02', certNo: LI.certNo });
      const input = {
        kind: 'reimbursement' as const,
        psnNo: lookup.person.psn_no,
        insuplcAdmdvs: lookup.person.insuinfo[0].insuplc_admdvs,
        materials: RB_ALL,
        form: claimForm({ insutype: '310', begndate: '2026-08-01', enddate: '2026-08-05', invoices: [{ code: '110101', no: '00000002', amount: '50000' }] }),
      };
      // Online, the desk asks the platform before a receipt exists.
      await expect(call(other.handlers, 'cases.accept', input)).rejects.toThrow(/票据只能报销一次）：110101 \/ 00000002（平台报销流水号 LX\d+）/);
      expect(await call(other.handlers, 'cases.history', { psnNo: lookup.person.psn_no })).toEqual([]);

      // Offline, it cannot ask: accepted, marked as unchecked, and the platform refuses it on upload.
      await call(app.handlers, 'simulator.platform.fault', { fault: 'offline' });
      const out = await call(other.handlers, 'cases.accept', input).finally(() => call(app.handlers, 'simulator.platform.fault', { fault: 'none' }));
      if (out.outcome !== 'accepted') throw new Error('expected local acceptance');
      const first = (await call(other.handlers, 'cases.history', { psnNo: lookup.person.psn_no }))[0];
      expect(first.events[0].reason).toMatch(/平台未连通，未核对：平台上的票据报销记录/);
      await call(other.handlers, 'queue.retry', {});
      await expect
        .poll(async () => (await call(other.handlers, 'cases.history', { psnNo: lookup.person.psn_no }))[0].stateLabel, { timeout: 30_000, interval: 100 })
        .toBe('需人工处理');
      const view = (await call(other.handlers, 'cases.history', { psnNo: lookup.person.psn_no }))[0];
      expect(view).toMatchObject({ tone: 'bad', cancellable: false });
      expect(view.platformMessage).toMatch(/已报销过/);
      // A refused claim does not count in the accumulators.
      const calc = await call(other.handlers, 'reimbursement.calculate', { psnNo: lookup.person.psn_no, form: claimForm({ insutype: '310' }) });
      expect(calc.ytd.admissions).toBe(0);
    } finally {
      await other.close();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  }, 60_000);
});
