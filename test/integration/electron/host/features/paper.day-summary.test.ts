/**
 * 日结 through the composition root: two clerks' day (特门, 零星报销, 容缺, a 撤销) delivered to the platform
 * simulator, then the summary per operator and for the desk (counts by service and state, 元 from 分, 容缺
 * open), on A4 (a real PDF read back with pdftotext), on the simulated receipt printer, and as CSV with a BOM.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../../electron/host/app';
import { createCaller } from '../../../../../electron/host/caller';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import { cstDate } from '../../../../../electron/services/cases/working-days';
import { allDelivered } from '../../../../helpers/case-fixtures';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-day-'));
const OUT = path.resolve('test-results/paper');
fs.mkdirSync(OUT, { recursive: true });
const one = createCaller('test', { code: 'op001', name: '柜员一', role: 'clerk' });
const two = createCaller('test', { code: 'op002', name: '柜员二', role: 'clerk' });
const today = cstDate(new Date());
let app: App;
let claim = { totalFen: 0, fundFen: 0 };
let claimCaseNo = '';

const SD_ALL = ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'];
const specialForm = (over: Record<string, string> = {}) => ({
  insutype: '390', diseaseCode: 'M01600', hospitalCode: 'H99010100001', hospitalName: '示例市第一人民医院', assessedOn: '2026-03-01',
  doctorCode: 'D009', doctorName: '赵医生', begndate: '2026-03-02', enddate: '2026-12-31', tel: '13800000009', addr: '示例市和平路 9 号', ...over,
});

beforeAll(async () => {
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
  const zhou = (await call(app.handlers, 'person.lookup', { certType: '02', certNo: '990105200112250067' }, one)).person.psn_no;
  const accepted = async (input: Parameters<typeof call<'cases.accept'>>[2], caller = one) => {
    const out = await call(app.handlers, 'cases.accept', input, caller);
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    return out;
  };
  await accepted({ kind: 'special-disease', psnNo: zhou, insuplcAdmdvs: '990100', materials: SD_ALL, form: specialForm() });
  const rb = await accepted({
    kind: 'reimbursement', psnNo: zhou, insuplcAdmdvs: '990100',
    materials: ['id-document', 'rb-invoices', 'rb-fee-list', 'rb-diagnosis', 'rb-discharge', 'rb-bank-account', 'id-copy'],
    form: {
      insutype: '390', reason: '03', hospitalCode: 'H11010100009', hospitalName: '外省某三甲医院', hospitalLevel: '2', visitType: 'inpatient',
      begndate: '2026-06-01', enddate: '2026-06-05', outOfArea: 'none', diseaseCode: '', retired: null, memo: '',
      items: [{ name: '住院费用', category: '甲', amount: '10000.55', overLimit: '', selfPayRatio: '' }],
      invoices: [{ code: '110101', no: '60000001', amount: '10000.55' }],
    },
  });
  claimCaseNo = rb.receipt.caseNo;
  const r = rb.calculation!.result;
  claim = { totalFen: r.total, fundFen: r.fundPay + r.seriousIllnessPay + r.assistancePay };
  // 柜员二: one 容缺 (photo and ID copy to follow) and one 撤销 of a case of theirs.
  await accepted({ kind: 'special-disease', psnNo: zhou, insuplcAdmdvs: '990100', promiseSigned: true, materials: SD_ALL.slice(0, 4), form: specialForm({ diseaseCode: 'M03900' }) }, two);
  const third = await accepted({ kind: 'special-disease', psnNo: zhou, insuplcAdmdvs: '990100', materials: SD_ALL, form: specialForm({ diseaseCode: 'M05300' }) }, two);
  await call(app.handlers, 'cases.cancel', { caseNo: third.receipt.caseNo, memo: '申请人申请撤销' }, two);
}, 120_000);

afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('日结 figures', () => {
  it('the day’s cases reach the platform (expect.poll runs inside a test); the citizen rates the 零星报销 不满意', async () => {
    await allDelivered(app);
    await call(app.handlers, 'rating.request', { caseNo: claimCaseNo }, one);
    await call(app.handlers, 'rating.submit', { caseNo: claimCaseNo, level: 4, reason: '等候时间太长' }, one);
  }, 60_000);

  it('for the desk: counts by service and state, claimed and paid in 分, 容缺 open', async () => {
    const s = await call(app.handlers, 'daySummary.get', {}, one);
    expect(s.date).toBe(today);
    expect(s.office).toBe('示例市医疗保障事务中心');
    expect(s.desk.counts).toEqual([
      { kind: 'special-disease', kindLabel: '门诊慢特病备案', accepted: 0, filed: 2, needsClerk: 0, cancelled: 1, total: 3 },
      { kind: 'reimbursement', kindLabel: '零星报销', accepted: 0, filed: 1, needsClerk: 0, cancelled: 0, total: 1 },
      { kind: 'special-disease-cancel', kindLabel: '撤销门诊慢特病备案', accepted: 0, filed: 1, needsClerk: 0, cancelled: 0, total: 1 },
    ]);
    expect(s.desk).toMatchObject({ total: 5, claimedFen: 1_000_055, paidFen: claim.fundFen, pendingOpen: 1, pendingOverdue: 0, badRatings: 1 });
    expect(claim.totalFen).toBe(1_000_055);
  });

  it('per operator, each with their own cases', async () => {
    const s = await call(app.handlers, 'daySummary.get', { date: today }, two);
    expect(s.operators.map((o) => [o.code, o.name, o.total, o.pendingOpen, o.claimedFen, o.badRatings])).toEqual([
      ['op001', '柜员一', 2, 0, 1_000_055, 1],
      ['op002', '柜员二', 3, 1, 0, 0],
    ]);
    expect(s.operators[1].counts.map((c) => [c.kind, c.filed, c.cancelled])).toEqual([
      ['special-disease', 1, 1],
      ['special-disease-cancel', 1, 0],
    ]);
  });

  it('another day: nothing done that day, the 容缺 accepted later not yet open; later: overdue', async () => {
    const before = await call(app.handlers, 'daySummary.get', { date: '2026-01-05' }, one);
    expect(before.desk).toMatchObject({ counts: [], total: 0, claimedFen: 0, paidFen: 0, pendingOpen: 0 });
    expect(before.operators).toEqual([]);
    const later = await call(app.handlers, 'daySummary.get', { date: '2099-01-01' }, one);
    expect(later.desk).toMatchObject({ total: 0, pendingOpen: 1, pendingOverdue: 1 });
    expect(later.operators).toEqual([expect.objectContaining({ code: 'op002', total: 0, pendingOpen: 1, pendingOverdue: 1 })]);
  });

  it('refuses a date that does not exist', async () => {
    await expect(call(app.handlers, 'daySummary.get', { date: '2026-02-30' }, one)).rejects.toThrow(/日期应为有效日期/);
    await expect(call(app.handlers, 'daySummary.csv', { date: '' }, one)).rejects.toThrow(/日期应为有效日期/);
  });
});

describe('日结 out of the workstation', () => {
  const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

  it('CSV in UTF-8 with a BOM, one row per scope and service, amounts in 元', async () => {
    const { fileName, csv } = await call(app.handlers, 'daySummary.csv', { date: today }, one);
    expect(fileName).toBe(`日结-${today}.csv`);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('日期,范围,工号,姓名,办理事项,待上报,已上报,需人工处理,已撤销,小计');
    expect(lines).toContain(`${today},本窗口,,,门诊慢特病备案,0,2,0,1,3`);
    expect(lines).toContain(`${today},经办人,op002,柜员二,撤销门诊慢特病备案,0,1,0,0,1`);
    expect(lines).toContain('日期,范围,工号,姓名,办件合计,申报金额（元）,基金支付（元）,容缺未补齐,容缺逾期,差评');
    expect(lines).toContain(`${today},本窗口,,,5,${yuan(1_000_055)},${yuan(claim.fundFen)},1,0,1`);
    expect(lines).toContain(`${today},经办人,op001,柜员一,2,${yuan(1_000_055)},${yuan(claim.fundFen)},0,0,1`);
  });

  it('A4: a real PDF with the desk’s and each operator’s figures', async () => {
    const out = await call(app.handlers, 'daySummary.printA4', { date: today }, one);
    expect(out.output).toBe('pdf');
    const copy = path.join(OUT, 'day-summary.pdf');
    fs.copyFileSync(out.path!, copy);
    const text = spawnSync('pdftotext', ['-layout', copy, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const s of ['日结单', `日期：${today}`, '本窗口合计', '办件合计5件', `零星报销申报金额${yuan(1_000_055)}元`, '容缺未补齐1件（逾期0件）', '经办人柜员一（op001）', '经办人柜员二（op002）', '主管复核：']) {
      expect(text).toContain(s);
    }
    expect(text).toContain('差评1件');
  });

  it('on the receipt printer (the simulated one): the same figures in 元', async () => {
    const out = await call(app.handlers, 'daySummary.printReceipt', { date: today }, one);
    expect(out).toMatchObject({ status: 'printed', message: `日结单（${today}）已打印` });
    // The simulated printer shows a job once its bytes have come through the link.
    await expect.poll(async () => (await call(app.handlers, 'printer.jobs', {}, one)).jobs.length, { timeout: 10_000 }).toBe(1);
    const text = (await call(app.handlers, 'printer.jobs', {}, one)).jobs[0].text;
    fs.writeFileSync(path.join(OUT, 'day-summary-receipt.txt'), text);
    expect(text).toMatch(/日 ?结 ?单/); // double width prints spaced in the preview
    expect(text).toMatch(/办件合计\s+5件/);
    expect(text).toContain(`${yuan(1_000_055)}元`);
    expect(text).toContain('经办人 柜员二（op002）');
    expect(text).toMatch(/差评\s+1件/);
  });
});
