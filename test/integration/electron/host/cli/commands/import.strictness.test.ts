/**
 * `counter import` is exactly as strict as the desk: each bad input below is refused by the real CLI (one
 * file, every line named) and by the desk (cases.accept through call() on a createApp), and neither lets
 * the bad data in. Impossible dates, dates out of order, invoices that do not add up to the total, oversized
 * text and files, control and format characters (U+200B zero-width space, NUL, bidi overrides) and the
 * NFKC-equivalent spelling of a business already present.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../../../../electron/contract/api';
import { createApp, type App } from '../../../../../../electron/host/app';
import { defaultDeviceFactories } from '../../../../../../electron/host/default-devices';
import { call } from '../../../../../../electron/host/dispatch';
import { counter } from '../../../../../helpers/run-tsx';
import { specialDiseaseFixtures } from '../../../../../helpers/outbox-fixtures';

const ZWSP = '\u200b';

const fullWidth = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-import-strict-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const [good, other] = specialDiseaseFixtures(2);
const sd = (payload: Record<string, unknown>, over: Record<string, unknown> = {}) => ({ ...other, ...over, payload: { ...other.payload, ...payload } });
const claim = (payload: Record<string, unknown>) => ({
  kind: 'reimbursement',
  psnNo: other.psnNo,
  payload: {
    insutype: '390', reason: '03', hospitalCode: 'H1', hospitalName: '外省医院', begndate: '2026-02-01', enddate: '2026-02-05',
    totalFen: 1_250_000, fundPayFen: 0, invoices: [{ code: '440101', no: '0001', amountFen: 1_250_000 }], ...payload,
  },
});

/** Line → the record and the refusal the CLI must print for it. Line 1 is valid: it proves the file is refused as a whole. */
const BAD: Array<[string, unknown, RegExp]> = [
  ['a valid record', good, /^$/],
  ['2026-02-30', sd({ begndate: '2026-02-30' }), /payload\.begndate: 不是真实存在的日期/],
  ['end before begin', sd({ begndate: '2026-03-02', enddate: '2026-03-01' }), /payload\.enddate: 结束日期不能早于开始日期/],
  ['assessed after the start', sd({ hosp_ide_date: '2026-01-05', begndate: '2026-01-03' }), /payload\.hosp_ide_date: 鉴定日期不能晚于开始日期/],
  ['assessed in the future', sd({ hosp_ide_date: '2099-01-01', begndate: '2099-01-02', enddate: '' }), /payload: 鉴定日期 2099-01-01 晚于今天/],
  ['invoices larger than the total', claim({ invoices: [{ code: '440101', no: '0001', amountFen: 2_000_000 }] }), /payload\.invoices: 票据金额合计与总金额不一致/],
  ['a 1 MB address', sd({ addr: '路'.repeat(1024 * 1024) }), /payload\.addr: 联系地址不能超过 200 个字/],
  ['a zero-width space in psnNo (the same 特门 again)', { ...good, psnNo: good.psnNo + ZWSP }, /psnNo: 人员编号应为 1–40 位数字或字母/],
  ['the full-width spelling of psnNo (the same 特门 again, after NFKC)', { ...good, psnNo: fullWidth(good.psnNo) }, /与第 1 条是同一业务/],
  ['a bidi override in a name', sd({ diag_dr_name: '王\u202e生医' }), /payload\.diag_dr_name: 诊断医师姓名含有不可见的控制字符或格式字符/],
  ['a NUL in the hospital name', sd({ ide_fixmedins_name: '医院\u0000' }), /payload\.ide_fixmedins_name: .*不可见的控制字符/],
  ['a disease not in the catalogue', sd({ opsp_dise_code: 'X99999' }), /payload: 病种 X99999 不在门诊慢特病病种目录中/],
  ['a disease name other than the catalogue’s', sd({ opsp_dise_name: '别的病' }), /payload: 病种名称应为目录中的/],
  ['a telephone that is not one', sd({ tel: '12345' }), /payload\.tel: 联系电话应为 11 位手机号/],
  ['a zero-width space in a 票据号码', claim({ invoices: [{ code: '440101', no: `00${ZWSP}01`, amountFen: 1_250_000 }] }), /票据号码应为 4–20 位数字或字母/],
  ['an oversized amount', claim({ totalFen: 10 ** 13, invoices: [{ code: '440101', no: '0001', amountFen: 10 ** 13 }] }), /payload\.totalFen: 总金额超出上限/],
];

// Each test runs the real CLI several times (a tsx start each): seconds apiece on a loaded machine.
describe('counter import refuses what the desk refuses', { timeout: 90_000 }, () => {
  it('refuses every bad line of a file, naming each, and imports nothing', async () => {
    const data = path.join(dir, 'd1');
    const file = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(file, BAD.map(([, r]) => JSON.stringify(r)).join('\n'));
    const r = await counter(['import', file, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    BAD.forEach(([name, , message], i) => {
      if (i === 0) return;
      const line = lines.find((l) => l.startsWith(`第 ${i + 1} 行: `));
      expect(line, name).toBeDefined();
      expect(line, name).toMatch(message);
    });
    expect(lines.some((l) => l.startsWith('第 1 行'))).toBe(false);
    expect(r.stderr).toContain(`错误: 导入被拒绝: ${BAD.length - 1} 处问题，未导入任何记录`);
    expect(JSON.parse((await counter(['queue', '--data', data])).stdout)).toMatchObject({ total: 0 });
  });

  it('the NFKC or zero-width spelling of a business already imported is refused as the same business', async () => {
    const data = path.join(dir, 'd2');
    const first = path.join(dir, 'first.jsonl');
    fs.writeFileSync(first, JSON.stringify(good));
    expect((await counter(['import', first, '--data', data])).code).toBe(0);
    const again = path.join(dir, 'again.jsonl');
    fs.writeFileSync(again, [JSON.stringify({ ...good, psnNo: fullWidth(good.psnNo) }), JSON.stringify({ ...good, psnNo: ZWSP + good.psnNo })].join('\n'));
    const r = await counter(['import', again, '--data', data]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/第 1 行: 该门诊慢特病备案已受理，不能重复受理/);
    expect(r.stderr).toMatch(/第 2 行: psnNo: 人员编号应为/);
    expect(JSON.parse((await counter(['queue', '--data', data])).stdout)).toMatchObject({ total: 1 });
  });

  it('a 60 MB file is refused by its size before it is read', async () => {
    const file = path.join(dir, 'huge.jsonl');
    fs.writeFileSync(file, JSON.stringify(sd({ addr: 'x'.repeat(60 * 1024 * 1024) })));
    const r = await counter(['import', file, '--data', path.join(dir, 'd3')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^错误: 导入文件 .*huge\.jsonl 过大（60 MB），上限 16 MB；请拆分后分批处理/);
    fs.rmSync(file);
  });
});

// Each test runs the real CLI several times (a tsx start each): seconds apiece on a loaded machine.
describe('the desk (cases.accept) refuses the same inputs', { timeout: 90_000 }, () => {
  let app: App;
  let person: { psnNo: string; admdvs: string };
  type AcceptIn = MethodInput<'cases.accept'>;
  type SdForm = Extract<AcceptIn, { kind: 'special-disease' }>['form'];
  type RbForm = Extract<AcceptIn, { kind: 'reimbursement' }>['form'];
  const SD_ALL = ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'];
  const RB_ALL = ['id-document', 'rb-invoices', 'rb-fee-list', 'rb-diagnosis', 'rb-discharge', 'rb-bank-account', 'id-copy'];
  const sdForm = (over: Partial<SdForm> = {}): SdForm => ({
    insutype: '310', diseaseCode: 'M03900', hospitalCode: 'H99010100001', hospitalName: '示例市第一人民医院', assessedOn: '2026-03-01',
    doctorCode: 'D001', doctorName: '王医生', begndate: '2026-03-02', enddate: '2026-12-31', tel: '13800000001', addr: '示例市和平路 1 号', ...over,
  });
  const rbForm = (over: Partial<RbForm> = {}): RbForm => ({
    insutype: '310', reason: '03', hospitalCode: 'H11010100009', hospitalName: '外省某三甲医院', hospitalLevel: '3', visitType: 'inpatient',
    begndate: '2026-05-01', enddate: '2026-05-10', outOfArea: 'none', diseaseCode: '', retired: null,
    items: [{ name: '床位费', category: '甲', amount: '37000', overLimit: '', selfPayRatio: '' }],
    invoices: [{ code: '110101', no: '00000001', amount: '37000' }], memo: '', ...over,
  });
  const acceptSd = (form: SdForm, psnNo = person.psnNo) =>
    call(app.handlers, 'cases.accept', { kind: 'special-disease', psnNo, insuplcAdmdvs: person.admdvs, materials: SD_ALL, form });
  const acceptRb = (form: RbForm) => call(app.handlers, 'cases.accept', { kind: 'reimbursement', psnNo: person.psnNo, insuplcAdmdvs: person.admdvs, materials: RB_ALL, form });

  beforeAll(async () => {
    app = await createApp({ dataDir: path.join(dir, 'desk'), mode: 'browser', devices: defaultDeviceFactories() });
    const looked = await call(app.handlers, 'person.lookup', { certType: '02', certNo: '990102198507220023' });
    person = { psnNo: looked.person.psn_no, admdvs: looked.person.insuinfo[0].insuplc_admdvs };
  }, 60_000);
  afterAll(() => app?.close());

  it('impossible dates, dates out of order and dates after today', async () => {
    await expect(acceptSd(sdForm({ begndate: '2026-02-30' }))).rejects.toThrow(/开始日期应为有效日期/);
    await expect(acceptSd(sdForm({ begndate: '2026-03-02', enddate: '2026-03-01' }))).rejects.toThrow(/结束日期不能早于开始日期/);
    await expect(acceptSd(sdForm({ assessedOn: '2026-03-05' }))).rejects.toThrow(/鉴定日期不能晚于开始日期/);
    await expect(acceptSd(sdForm({ assessedOn: '2099-01-01', begndate: '2099-01-02', enddate: '' }))).rejects.toThrow(/鉴定日期 2099-01-01 晚于今天/);
  });

  it('invoices that do not add up to the total, a zero-width space in a 票据号码, an oversized amount', async () => {
    await expect(acceptRb(rbForm({ invoices: [{ code: '110101', no: '00000001', amount: '50000' }] }))).rejects.toThrow(/票据金额合计 50000.00 元与费用明细合计 37000.00 元不一致/);
    await expect(acceptRb(rbForm({ invoices: [{ code: '110101', no: `0000${ZWSP}0001`, amount: '37000' }] }))).rejects.toThrow(/票据号码应为 4–20 位数字或字母/);
    await expect(acceptRb(rbForm({ items: [{ name: '床位费', category: '甲', amount: '99999999999', overLimit: '', selfPayRatio: '' }] }))).rejects.toThrow(/金额/);
  });

  it('oversized text, control and format characters, a zero-width space in psnNo; an unknown disease', async () => {
    await expect(acceptSd(sdForm({ addr: '路'.repeat(1024 * 1024) }))).rejects.toThrow(/联系地址不能超过 200 个字/);
    await expect(acceptSd(sdForm({ doctorName: '王\u202e生医' }))).rejects.toThrow(/诊断医师姓名含有不可见的控制字符或格式字符/);
    await expect(acceptSd(sdForm({ hospitalName: '医院\u0000' }))).rejects.toThrow(/不可见的控制字符/);
    await expect(acceptSd(sdForm({ addr: `和平路${ZWSP}1 号` }))).rejects.toThrow(/联系地址含有不可见的/);
    await expect(acceptSd(sdForm(), person.psnNo + ZWSP)).rejects.toThrow(/人员编号应为 1–40 位数字或字母/);
    await expect(acceptSd(sdForm({ diseaseCode: 'X99999' }))).rejects.toThrow(/病种 X99999 不在门诊慢特病病种目录中/);
    await expect(acceptSd(sdForm({ tel: '12345' }))).rejects.toThrow(/联系电话应为 11 位手机号/);
  });

  it('NFKC: the full-width spelling is the same person and the same business, so it cannot come in twice', async () => {
    const first = await acceptSd(sdForm());
    expect(first.outcome).toBe('accepted');
    await expect(acceptSd(sdForm({ diseaseCode: fullWidth('M03900') }), fullWidth(person.psnNo))).rejects.toThrow(/已有有效的高血压（M03900）门诊慢特病备案.*不能重复备案/);
  });
});
