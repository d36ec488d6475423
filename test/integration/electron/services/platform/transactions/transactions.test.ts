import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../../../../../electron/services/platform/client';
import { uploadFile } from '../../../../../../electron/services/platform/transactions/file-upload';
import { lookupPerson } from '../../../../../../electron/services/platform/transactions/person';
import { reconcile } from '../../../../../../electron/services/platform/transactions/reconciliation';
import { cancelReferral, type ReferralRegistration, registerReferral } from '../../../../../../electron/services/platform/transactions/referral';
import { queryReimbursements, reimbursement, reimbursementCancel, type ReimbursementInput } from '../../../../../../electron/services/platform/transactions/reimbursement';
import { queryRemoteRegistrations, remoteRegistration, remoteRegistrationCancel, type RemoteRegistrationInput } from '../../../../../../electron/services/platform/transactions/remote-registration';
import { reverse } from '../../../../../../electron/services/platform/transactions/reversal';
import { PlatformInputError } from '../../../../../../electron/services/platform/transactions/shared';
import { cancelSpecialDisease, querySpecialDisease, registerSpecialDisease, type SpecialDiseaseRegistration } from '../../../../../../electron/services/platform/transactions/special-disease';
import { CHEN_QI, LI_SI, WANG_WU, ZHANG_SAN, ZHAO_LIU, startSim, type SimFixture } from '../../../../../helpers/sim-fixture';
import { addDays, addMonths } from '../../../../../../electron/contract/rules/calendar-dates';
import { localDate } from '../../../../../../electron/services/platform/envelope';

let f: SimFixture;
beforeAll(async () => {
  f = await startSim('demo');
});
afterAll(async () => {
  await f?.close();
});

async function refusal(p: Promise<unknown>): Promise<PlatformError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlatformError);
  const pe = err as PlatformError;
  expect(pe.kind).toBe('business');
  expect(pe.outcomeUnknown).toBe(false);
  return pe;
}

const disease = (over: Partial<SpecialDiseaseRegistration> = {}): SpecialDiseaseRegistration => ({
  psn_no: ZHANG_SAN.psnNo,
  insutype: '310',
  opsp_dise_code: 'M01600',
  opsp_dise_name: '糖尿病',
  tel: '13800000000',
  addr: '示例市示例路1号',
  insu_optins: '990100',
  ide_fixmedins_no: 'H99010000101',
  ide_fixmedins_name: '示例市第一人民医院',
  hosp_ide_date: '2026-01-10',
  diag_dr_codg: 'D0001',
  diag_dr_name: '王医生',
  begndate: '2026-01-10',
  enddate: '2026-12-31',
  ...over,
});

describe('1101 人员信息获取', () => {
  it('by ID number (02), 社保卡 (03 + card_sn) and ecToken (01)', async () => {
    const c = f.client();
    const byId = await lookupPerson(c, { certType: '02', certNo: ZHANG_SAN.certno });
    expect(byId).toMatchObject({ psn_no: ZHANG_SAN.psnNo, psn_name: '张三', gend: '1', brdy: '1960-03-15' });
    expect(byId.insuinfo[0]).toMatchObject({ insutype: '310', insuplc_admdvs: '990100', balc_fen: 356050 });
    const byCard = await lookupPerson(c, { certType: '03', certNo: LI_SI.cardNo, cardSn: LI_SI.cardSn });
    expect(byCard.psn_no).toBe(LI_SI.psnNo);
    const byToken = await lookupPerson(c, { certType: '01', certNo: WANG_WU.ecToken });
    expect(byToken.psn_no).toBe(WANG_WU.psnNo);
    expect(byToken.idetinfo[0]).toMatchObject({ psn_idet_type_name: '特困人员' });
  });

  it('refuses unknown people, a wrong 卡识别码 and a bad token with the platform message', async () => {
    const c = f.client();
    expect((await refusal(lookupPerson(c, { certType: '02', certNo: '11010519491231002X' }))).errMsg).toBe('未查询到该人员的参保信息');
    expect((await refusal(lookupPerson(c, { certType: '03', certNo: LI_SI.cardNo, cardSn: '0'.repeat(32) }))).errMsg).toBe('卡识别码与社会保障卡号不符');
    expect((await refusal(lookupPerson(c, { certType: '01', certNo: 'X'.repeat(40) }))).errMsg).toMatch(/电子凭证无效/);
  });

  it('catches bad input before sending', async () => {
    const c = f.client();
    const before = f.sim.state().calls['1101'] ?? 0;
    await expect(lookupPerson(c, { certType: '02', certNo: '990102196003150019' })).rejects.toThrow(PlatformInputError);
    await expect(lookupPerson(c, { certType: '03', certNo: LI_SI.cardNo })).rejects.toThrow(/卡识别码/);
    await expect(lookupPerson(c, { certType: '02', certNo: '  ' })).rejects.toThrow(/不能为空/);
    expect(f.sim.state().calls['1101'] ?? 0).toBe(before);
  });
});

describe('2503 / 2504 / 5301 门诊慢特病', () => {
  it('registers, finds by business key, refuses duplicates, cancels once', async () => {
    const c = f.client();
    const done = await registerSpecialDisease(c, disease());
    expect(done.result.trt_dcla_detl_sn).toMatch(/^MT/);
    expect(done.msgid).toHaveLength(30);

    const found = await querySpecialDisease(c, { psn_no: ZHANG_SAN.psnNo, opsp_dise_code: 'M01600', begndate: '2026-01-10' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ trt_dcla_detl_sn: done.result.trt_dcla_detl_sn, vali_flag: '1', opsp_dise_name: '糖尿病' });

    expect((await refusal(registerSpecialDisease(c, disease({ begndate: '2026-06-01' })))).errMsg).toMatch(/已有有效的糖尿病（M01600）门诊慢特病备案（MT\d+，.*），不能重复备案/);

    await cancelSpecialDisease(c, { psn_no: ZHANG_SAN.psnNo, trt_dcla_detl_sn: done.result.trt_dcla_detl_sn, memo: '申请人撤回' });
    expect((await refusal(cancelSpecialDisease(c, { psn_no: ZHANG_SAN.psnNo, trt_dcla_detl_sn: done.result.trt_dcla_detl_sn }))).errMsg).toMatch(/已撤销/);
    const after = await querySpecialDisease(c, { psn_no: ZHANG_SAN.psnNo, opsp_dise_code: 'M01600' });
    expect(after[0].vali_flag).toBe('0');
  });

  it('refuses an unknown disease code, a mismatched name, a cancellation of nothing, a suspended insured, a wrong 参保地', async () => {
    const c = f.client();
    expect((await refusal(registerSpecialDisease(c, disease({ opsp_dise_code: 'M99999', opsp_dise_name: '不存在' })))).errMsg).toMatch(/M99999 不在本统筹区病种目录/);
    expect((await refusal(registerSpecialDisease(c, disease({ opsp_dise_code: 'M03900', opsp_dise_name: '糖尿病' })))).errMsg).toMatch(/不符/);
    expect((await refusal(cancelSpecialDisease(c, { psn_no: ZHANG_SAN.psnNo, trt_dcla_detl_sn: 'MT-NOTHING' }))).errMsg).toMatch(/未找到要撤销/);
    expect((await refusal(registerSpecialDisease(c, disease({ psn_no: CHEN_QI.psnNo })))).errMsg).toMatch(/参保状态为暂停参保，非正常参保不能办理/);
    // 赵六 is insured in 990200; the envelope defaults to 990100.
    expect((await refusal(registerSpecialDisease(c, disease({ psn_no: ZHAO_LIU.psnNo, insutype: '390' })))).errMsg).toMatch(/参保地/);
    const ok = await registerSpecialDisease(c, { ...disease({ psn_no: ZHAO_LIU.psnNo, insutype: '390' }), insuplcAdmdvs: ZHAO_LIU.insuplc });
    expect(ok.result.trt_dcla_detl_sn).toMatch(/^MT/);
    expect((await refusal(registerSpecialDisease(c, disease({ begndate: '2026-13-01' })))).errMsg).toMatch(/日期格式/);
  });
});

describe('2501 / 2502 转院备案', () => {
  const referral: ReferralRegistration = {
    psn_no: ZHANG_SAN.psnNo,
    insutype: '310',
    diag_code: 'I10.x00',
    diag_name: '高血压',
    reflin_medins_no: 'H44030000001',
    reflin_medins_name: '外省示例医院',
    mdtrtarea_admdvs: '440300',
    refl_type: '1',
    refl_date: '2026-02-01',
    refl_rea: '本地无法诊治',
    refl_opnn: '同意转诊',
    begndate: '2026-02-01',
    enddate: '2026-07-31',
  };
  it('registers, refuses a duplicate, cancels, refuses cancelling again', async () => {
    const c = f.client();
    const done = await registerReferral(c, referral);
    expect(done.result.trt_dcla_detl_sn).toMatch(/^ZY/);
    expect((await refusal(registerReferral(c, referral))).errMsg).toMatch(/有效转院备案/);
    await cancelReferral(c, { psn_no: ZHANG_SAN.psnNo, trt_dcla_detl_sn: done.result.trt_dcla_detl_sn });
    await refusal(cancelReferral(c, { psn_no: ZHANG_SAN.psnNo, trt_dcla_detl_sn: done.result.trt_dcla_detl_sn }));
    expect((await refusal(registerReferral(c, { ...referral, mdtrtarea_admdvs: '44' }))).errMsg).toMatch(/6位行政区划/);
  });
});

describe('9101 文件上传', () => {
  it('uploads an attachment and refuses an empty one before sending', async () => {
    const c = f.client();
    const done = await uploadFile(c, { filename: '诊断证明.pdf', content: Buffer.from('%PDF-1.4 fictional') });
    expect(done.result.file_qury_no).toMatch(/^F/);
    expect(done.result.filename).toBe('诊断证明.pdf');
    await expect(uploadFile(c, { filename: 'a.pdf', content: new Uint8Array() })).rejects.toThrow(/为空/);
    const bad = await refusal(c.call('9101', { in: '***', filename: 'x.pdf', fixmedins_code: c.profile.agency.code }));
    expect(bad.errMsg).toMatch(/Base64/);
  });
});

describe('异地就医备案 (profile codes)', () => {
  it('registers a temporary stay, finds it by key, cancels it; refuses bad type, same area, duplicates, early long-term cancel', async () => {
    const c = f.client();
    // Ahead of today: a start months ago would be a 补办 beyond its window.
    const start = addDays(localDate(new Date()), 10);
    const input: RemoteRegistrationInput = {
      psnNo: ZHANG_SAN.psnNo,
      insutype: '310',
      regType: 'otherTemporary',
      targetAdmdvs: '440300',
      begndate: start,
      tel: '13800000000',
      addr: '深圳市示例路2号',
      promise: false,
    };
    const done = await remoteRegistration(c, input);
    expect(done.result.regSn).toMatch(/^YD/);
    const found = await queryRemoteRegistrations(c, { psnNo: ZHANG_SAN.psnNo, regType: 'otherTemporary', begndate: start });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ regSn: done.result.regSn, valid: true, targetAdmdvs: '440300', enddate: addMonths(start, 6) });
    expect((await refusal(remoteRegistration(c, input))).errMsg).toMatch(/相同的有效临时异地备案/);
    expect((await refusal(remoteRegistration(c, { ...input, targetAdmdvs: '990105' }))).errMsg).toMatch(/同一统筹区/);
    await remoteRegistrationCancel(c, { psnNo: ZHANG_SAN.psnNo, regSn: done.result.regSn });
    await refusal(remoteRegistrationCancel(c, { psnNo: ZHANG_SAN.psnNo, regSn: done.result.regSn }));

    const today = new Date();
    const begn = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-01`;
    const lt = await remoteRegistration(c, { ...input, regType: 'retiredResettled', begndate: begn, promise: true });
    expect((await refusal(remoteRegistration(c, { ...input, regType: 'longTermResidence', begndate: begn }))).errMsg).toMatch(/长期异地备案/);
    expect((await refusal(remoteRegistrationCancel(c, { psnNo: ZHANG_SAN.psnNo, regSn: lt.result.regSn }))).errMsg).toMatch(/满 6 个月后方可变更或撤销/);
    const bad = c.profile.remoteRegistration.fields;
    expect((await refusal(c.call('2701', { [bad.psnNo]: ZHANG_SAN.psnNo, [bad.insutype]: '310', [bad.regType]: '99' }))).errMsg).toMatch(/类型代码 99 无效/);
  });
});

describe('零星报销 (profile codes) and 3201', () => {
  it('submits a claim, finds it by invoice, refuses the same invoice twice, reconciles, cancels', async () => {
    const c = f.client();
    const claim: ReimbursementInput = {
      psnNo: LI_SI.psnNo,
      insutype: '310',
      reason: '03',
      hospitalCode: 'H44030000001',
      hospitalName: '外省示例医院',
      begndate: '2026-02-03',
      enddate: '2026-02-03',
      totalFen: 123456,
      fundPayFen: 80000,
      invoices: [
        { code: '44030126', no: '00012345', amountFen: 100000 },
        { code: '44030126', no: '00012346', amountFen: 23456 },
      ],
    };
    const done = await reimbursement(c, claim);
    expect(done.result.claimSn).toMatch(/^LX/);
    const byInvoice = await queryReimbursements(c, { invoiceCode: '44030126', invoiceNo: '00012346' });
    expect(byInvoice).toHaveLength(1);
    expect(byInvoice[0]).toMatchObject({ claimSn: done.result.claimSn, totalFen: 123456, fundPayFen: 80000, valid: true, psnNo: LI_SI.psnNo });
    expect(byInvoice[0].invoices).toEqual(claim.invoices);

    expect((await refusal(reimbursement(c, { ...claim, invoices: [claim.invoices[1]], totalFen: 23456, fundPayFen: 0 }))).errMsg).toMatch(/已报销/);
    expect((await refusal(reimbursement(c, { ...claim, fundPayFen: 200000, invoices: [{ code: "9", no: "9", amountFen: 123456 }] }))).errMsg).toMatch(/不能大于/);
    expect((await refusal(reimbursement(c, { ...claim, invoices: [{ code: '1', no: '2', amountFen: 5 }] }))).errMsg).toMatch(/不符/);
    expect((await refusal(reimbursement(c, { ...claim, reason: '77', invoices: [{ code: '1', no: '3', amountFen: 123456 }] }))).errMsg).toMatch(/原因代码/);
    await expect(reimbursement(c, { ...claim, invoices: [] })).rejects.toThrow(/至少需要一张票据/);

    const day = byInvoice[0].claimDate;
    const rec = (medfee: number, cnt: number) =>
      reconcile(c, {
        insutype: '310',
        clr_type: '99',
        setl_optins: '990100',
        stmt_begndate: day,
        stmt_enddate: day,
        medfee_sumamt_fen: medfee,
        fund_pay_sumamt_fen: 80000,
        acct_pay_fen: 0,
        fixmedins_setl_cnt: cnt,
      });
    expect((await rec(123456, 1)).result.stmt_rslt).toBe('0');
    const off = await rec(123400, 1);
    expect(off.result.stmt_rslt).toBe('1');
    expect(off.result.stmt_rslt_dscr).toMatch(/1234\.56/);

    await reimbursementCancel(c, { psnNo: LI_SI.psnNo, claimSn: done.result.claimSn });
    // Cancelled: the invoices may be used again.
    const again = await reimbursement(c, { ...claim, invoices: [claim.invoices[1]], totalFen: 23456, fundPayFen: 0 });
    expect(again.result.claimSn).not.toBe(done.result.claimSn);
  });
});

describe('2601 冲正', () => {
  it('reverses a registration by its msgid; refuses reversing nothing, twice, or under the wrong infno', async () => {
    const c = f.client();
    const done = await registerSpecialDisease(c, disease({ opsp_dise_code: 'M05300', opsp_dise_name: '慢阻肺' }));
    expect((await refusal(reverse(c, { psn_no: ZHANG_SAN.psnNo, omsgid: done.msgid, oinfno: '2501' }))).errMsg).toMatch(/原交易编号不符/);
    await reverse(c, { psn_no: ZHANG_SAN.psnNo, omsgid: done.msgid, oinfno: '2503' });
    const found = await querySpecialDisease(c, { psn_no: ZHANG_SAN.psnNo, opsp_dise_code: 'M05300' });
    expect(found[0].vali_flag).toBe('0');
    expect((await refusal(reverse(c, { psn_no: ZHANG_SAN.psnNo, omsgid: done.msgid, oinfno: '2503' }))).errMsg).toMatch(/已冲正/);
    expect((await refusal(reverse(c, { psn_no: ZHANG_SAN.psnNo, omsgid: 'H99010000001202601010000000001', oinfno: '2503' }))).errMsg).toMatch(/不存在/);
  });
});
