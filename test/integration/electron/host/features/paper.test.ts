/**
 * The signed paper through the composition root (browser mode: real PDFs through Debian's Chromium, read back
 * with pdftotext): every shipped form filled from a real accepted case — 特门 容缺, 异地 承诺制, 零星报销 with the
 * engine's figures, a 撤销 with its typed reason — full ID only where the form needs it, signature lines,
 * China time; 补打 marked and recorded; Electron's system printer used where there is one; bad requests refused.
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

const OUT = path.resolve('test-results/paper');
fs.mkdirSync(OUT, { recursive: true });
const dirs: string[] = [];
const mk = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-paper-'));
  dirs.push(d);
  return d;
};

const LI = { certNo: '990102198507220023', masked: '990102********0023', psnNo: '', admdvs: '' }; // 职工 310, 在职
const ZHOU = { certNo: '990105200112250067', masked: '990105********0067', psnNo: '', admdvs: '' }; // 居民 390, 低保
const clerk = createCaller('test', { code: 'op007', name: '周柜员', role: 'clerk' });
const today = cstDate(new Date());

let app: App;
const cases = { pending: '', promise: '', claim: '', cancel: '', cancelled: '' };
/** The engine's answer at acceptance of the 零星报销 (what its 结算单 must print). */
let claimCalc: { policyName: string; result: { total: number; fundPay: number; personalPay: number; explain: string[] } };

const specialForm = (over: Record<string, string> = {}) => ({
  insutype: '310', diseaseCode: 'M01600', hospitalCode: 'H99010100001', hospitalName: '示例市第一人民医院', assessedOn: '2026-03-01',
  doctorCode: 'D009', doctorName: '赵医生', begndate: '2026-03-02', enddate: '2026-12-31', tel: '13800000009', addr: '示例市和平路 9 号', ...over,
});

beforeAll(async () => {
  app = await createApp({ dataDir: mk(), mode: 'browser', devices: defaultDeviceFactories() });
  for (const p of [LI, ZHOU]) {
    const r = await call(app.handlers, 'person.lookup', { certType: '02', certNo: p.certNo }, clerk);
    p.psnNo = r.person.psn_no;
    p.admdvs = r.person.insuinfo[0].insuplc_admdvs;
  }
  const accept = async (input: Parameters<typeof call<'cases.accept'>>[2]) => {
    const out = await call(app.handlers, 'cases.accept', input, clerk);
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    if (out.calculation) claimCalc = out.calculation;
    return out.receipt.caseNo;
  };
  // 容缺: photo and ID copy missing, the promise signed (the trusted test caller approves).
  cases.pending = await accept({
    kind: 'special-disease', psnNo: LI.psnNo, insuplcAdmdvs: LI.admdvs, promiseSigned: true,
    materials: ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report'], form: specialForm(),
  });
  cases.promise = await accept({
    kind: 'remote-registration', psnNo: LI.psnNo, insuplcAdmdvs: LI.admdvs, materials: ['id-document', 'rr-form', 'rr-promise-letter', 'id-copy'],
    form: { insutype: '310', regType: 'longTermResidence', targetAdmdvs: '110100', targetHospitalCode: '', targetHospitalName: '', begndate: today, enddate: '', tel: '13800000002', addr: '北京市朝阳区某小区 1 号楼', memo: '' },
  });
  cases.claim = await accept({
    kind: 'reimbursement', psnNo: ZHOU.psnNo, insuplcAdmdvs: '990100',
    materials: ['id-document', 'rb-invoices', 'rb-fee-list', 'rb-diagnosis', 'rb-discharge', 'rb-bank-account', 'id-copy'],
    form: {
      insutype: '390', reason: '03', hospitalCode: 'H11010100009', hospitalName: '外省某三甲医院', hospitalLevel: '2', visitType: 'inpatient',
      begndate: '2026-06-01', enddate: '2026-06-05', outOfArea: 'none', diseaseCode: '', retired: null, memo: '',
      items: [{ name: '住院费用', category: '甲', amount: '10000', overLimit: '', selfPayRatio: '' }],
      invoices: [{ code: '110101', no: '60000001', amount: '10000' }],
    },
  });
  cases.cancelled = await accept({
    kind: 'special-disease', psnNo: ZHOU.psnNo, insuplcAdmdvs: '990100',
    materials: ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'], form: specialForm({ insutype: '390', diseaseCode: 'M03900' }),
  });
  cases.cancel = (await call(app.handlers, 'cases.cancel', { caseNo: cases.cancelled, memo: '申请人已迁往外省长期居住' }, clerk)).caseNo;
}, 120_000);

afterAll(async () => {
  await app?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Print a form as PDF, keep a copy under test-results/paper, return its text without whitespace (pdftotext). */
async function printed(caseNo: string, formId: string): Promise<{ text: string; reprint: boolean; message: string }> {
  const out = await call(app.handlers, 'paper.print', { caseNo, formId }, clerk);
  expect(out.output).toBe('pdf');
  expect(fs.readFileSync(out.path!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const copy = path.join(OUT, `${formId}${out.reprint ? '-reprint' : ''}.pdf`);
  fs.copyFileSync(out.path!, copy);
  const r = spawnSync('pdftotext', ['-layout', copy, '-'], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return { text: r.stdout.replace(/\s+/g, ''), reprint: out.reprint, message: out.message };
}

const ids = async (caseNo: string) => (await call(app.handlers, 'paper.forms', { caseNo }, clerk)).forms.map((f) => f.formId);
const SIGNATURES = /申请人签名：.*日期：.*经办人：周柜员/;

describe('which forms a case has', () => {
  it('follows the templates’ appliesTo: kind, 承诺制, 容缺', async () => {
    expect(await ids(cases.pending)).toEqual(['special-disease', 'pending-promise']);
    expect(await ids(cases.promise)).toEqual(['remote-registration', 'personal-promise']);
    expect(await ids(cases.claim)).toEqual(['reimbursement', 'settlement']);
    expect(await ids(cases.cancel)).toEqual(['cancellation']);
    expect(await ids(cases.cancelled)).toEqual(['special-disease']);
  });
});

describe('each form as a PDF, filled from the case', () => {
  it('门诊慢特病认定申请表: full ID, disease, assessment, materials, signature lines', async () => {
    const { text } = await printed(cases.pending, 'special-disease');
    for (const s of ['门诊慢特病认定申请表', cases.pending, '李', LI.certNo, '糖尿病（M01600）', '示例市第一人民医院', '2026-03-01', '赵医生', '2026-03-02至2026-12-31', '13800000009', '病历']) {
      expect(text).toContain(s);
    }
    expect(text).toMatch(/申请人签名：日期：经办人：周柜员/);
    expect(text).toContain(`打印时间：${today}`);
  });

  it('容缺承诺书: the missing materials and the deadline', async () => {
    const receipt = await call(app.handlers, 'cases.receipt', { caseNo: cases.pending }, clerk);
    const { text } = await printed(cases.pending, 'pending-promise');
    expect(text).toContain('容缺承诺书');
    expect(text).toContain('近期一寸免冠照片');
    expect(text).toContain('身份证件复印件');
    expect(text).toContain(`于${receipt.pending!.deadline}前补齐`);
    expect(text).toContain(LI.certNo);
    expect(text).toMatch(/承诺人签名：日期：经办人：周柜员/);
  });

  it('异地就医备案表 and 个人承诺书 (承诺制)', async () => {
    const form = await printed(cases.promise, 'remote-registration');
    for (const s of ['异地就医备案表', LI.certNo, '异地长期居住', '110100', '北京市朝阳区某小区1号楼', `${today}至长期`, '承诺制是']) expect(form.text).toContain(s);
    expect(form.text).toMatch(SIGNATURES);
    const promise = await printed(cases.promise, 'personal-promise');
    for (const s of ['个人承诺书', '（异地就医备案·承诺制）', '以承诺代替证明', LI.certNo]) expect(promise.text).toContain(s);
    expect(promise.text).toMatch(/承诺人签名（按手印）：日期：经办人：周柜员/);
  });

  it('零星报销申请表 and 结算单: money in 元 from 分, the engine’s figures and explanation, ID masked on the 结算单', async () => {
    const form = await printed(cases.claim, 'reimbursement');
    for (const s of ['零星报销申请表', ZHOU.certNo, '外省某三甲医院', '2026-06-01至2026-06-05', '10000.00元', '票据代码110101号码60000001金额10000.00元']) {
      expect(form.text).toContain(s);
    }
    const settlement = await printed(cases.claim, 'settlement');
    expect(settlement.text).toContain('医疗费用结算单');
    expect(settlement.text).toContain(ZHOU.masked);
    expect(settlement.text).not.toContain(ZHOU.certNo);
    expect(settlement.text).toContain('费用总额10000.00元');
    const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}元`;
    expect(settlement.text).toContain(`计算依据：${claimCalc.policyName.replace(/\s+/g, '')}`);
    expect(settlement.text).toContain(`统筹基金支付${yuan(claimCalc.result.fundPay)}`);
    expect(settlement.text).toContain(`个人负担${yuan(claimCalc.result.personalPay)}`);
    expect(claimCalc.result.explain.length).toBeGreaterThan(2);
    for (const line of claimCalc.result.explain) expect(settlement.text).toContain(line.replace(/\s+/g, ''));
    expect(settlement.text).toMatch(/基金支付合计\d+\.\d{2}元/);
    expect(settlement.text).toMatch(SIGNATURES);
  });

  it('撤销申请: the original case, the typed reason, full ID', async () => {
    const { text } = await printed(cases.cancel, 'cancellation');
    for (const s of ['撤销申请', cases.cancelled, '门诊慢特病备案（高血压', '申请人已迁往外省长期居住', ZHOU.certNo, '2026-03-02至2026-12-31']) expect(text).toContain(s);
    expect(text).toMatch(SIGNATURES);
  });
});

describe('补打 and the record of prints', () => {
  it('a second print of a form is a 补打, marked on the paper and recorded with who', async () => {
    const first = await call(app.handlers, 'paper.forms', { caseNo: cases.cancel }, clerk);
    const before = first.forms[0].prints.length;
    expect(before).toBeGreaterThan(0);
    const again = await printed(cases.cancel, 'cancellation');
    expect(again.reprint).toBe(true);
    expect(again.message).toMatch(/^撤销申请（补打）已保存 PDF：/);
    expect(again.text).toMatch(new RegExp(`补打·${today}\\d{2}:\\d{2}`));
    const after = await call(app.handlers, 'paper.forms', { caseNo: cases.cancel }, clerk);
    expect(after.forms[0].prints).toHaveLength(before + 1);
    expect(after.forms[0].prints.at(-1)).toMatchObject({ by: 'op007', output: 'pdf', reprint: true });
    expect(after.forms[0].prints[0].reprint).toBe(false);
    // Who printed which form of which case: in the audit log, without the person.
    const rows = app.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'paper.print'").all() as Array<{ actor: string; detail: string }>;
    expect(rows.at(-1)?.actor).toBe('op007');
    expect(JSON.parse(rows.at(-1)!.detail)).toEqual({ caseNo: cases.cancel, formId: 'cancellation', output: 'pdf', reprint: true });
    expect(rows.map((r) => r.detail).join()).not.toContain(ZHOU.certNo);
  });

  it('refuses a form the case does not have, an unknown form and an unknown case', async () => {
    await expect(call(app.handlers, 'paper.print', { caseNo: cases.pending, formId: 'settlement' }, clerk)).rejects.toThrow(/没有表单 settlement/);
    await expect(call(app.handlers, 'paper.print', { caseNo: cases.pending, formId: 'Bad Id' }, clerk)).rejects.toThrow(/表单编号格式不正确/);
    await expect(call(app.handlers, 'paper.forms', { caseNo: '1'.repeat(23) }, clerk)).rejects.toThrow(/找不到办件/);
  });
});

describe('Electron: the system printer', () => {
  it('prints through the A4 output’s print (the dialog) and records it as printed; pdf: true still saves a PDF', async () => {
    const printedHtml: string[] = [];
    const desktop = await createApp({
      dataDir: mk(),
      mode: 'electron',
      devices: defaultDeviceFactories(),
      a4: { savePdf: async (_html, file) => fs.writeFileSync(file, '%PDF-1.4 recorded'), print: async (html) => void printedHtml.push(html) },
    });
    try {
      await call(desktop.handlers, 'person.lookup', { certType: '02', certNo: LI.certNo }, clerk);
      const out = await call(desktop.handlers, 'cases.accept', {
        kind: 'special-disease', psnNo: LI.psnNo, insuplcAdmdvs: LI.admdvs, materials: ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'], form: specialForm(),
      }, clerk);
      if (out.outcome !== 'accepted') throw new Error('expected acceptance');
      const p = await call(desktop.handlers, 'paper.print', { caseNo: out.receipt.caseNo, formId: 'special-disease' }, clerk);
      expect(p).toMatchObject({ output: 'printer', path: null, reprint: false, message: '门诊慢特病认定申请表已发送到打印机（A4）' });
      expect(printedHtml).toHaveLength(1);
      expect(printedHtml[0]).toContain(LI.certNo);
      const pdf = await call(desktop.handlers, 'paper.print', { caseNo: out.receipt.caseNo, formId: 'special-disease', pdf: true }, clerk);
      expect(pdf).toMatchObject({ output: 'pdf', reprint: true });
      expect(printedHtml).toHaveLength(1);
    } finally {
      await desktop.close();
    }
  }, 60_000);
});

describe('a province’s own templates (paper.formsDir)', () => {
  it('are used when good, and a bad one stops the app naming the file and the field', async () => {
    const forms = mk();
    const shipped = path.resolve('resources/forms');
    for (const f of fs.readdirSync(shipped).filter((n) => n.endsWith('.json'))) fs.copyFileSync(path.join(shipped, f), path.join(forms, f));
    const sd = JSON.parse(fs.readFileSync(path.join(forms, 'special-disease.json'), 'utf8')) as { title: string; sections: Array<{ rows?: Array<{ value: string }> }> };
    sd.title = '门诊慢特病待遇认定申请表（本省）';
    fs.writeFileSync(path.join(forms, 'special-disease.json'), JSON.stringify(sd));
    const dataDir = mk();
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ paper: { formsDir: forms } }));
    const own = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories(), a4: { savePdf: async () => undefined } });
    try {
      await call(own.handlers, 'person.lookup', { certType: '02', certNo: LI.certNo }, clerk);
      const out = await call(own.handlers, 'cases.accept', {
        kind: 'special-disease', psnNo: LI.psnNo, insuplcAdmdvs: LI.admdvs, materials: ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'], form: specialForm(),
      }, clerk);
      if (out.outcome !== 'accepted') throw new Error('expected acceptance');
      expect((await call(own.handlers, 'paper.forms', { caseNo: out.receipt.caseNo }, clerk)).forms[0].title).toBe('门诊慢特病待遇认定申请表（本省）');
    } finally {
      await own.close();
    }
    sd.sections[0].rows![1].value = '{{idNo}}';
    fs.writeFileSync(path.join(forms, 'special-disease.json'), JSON.stringify(sd));
    await expect(createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories(), a4: { savePdf: async () => undefined } })).rejects.toThrow(
      `表单模板 ${path.join(forms, 'special-disease.json')} 有误：sections[0].rows[1].value: 未知字段 {{idNo}}`,
    );
  }, 60_000);
});
