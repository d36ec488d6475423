/**
 * 1101 from every source a person can be served with, over loopback HTTP to the platform simulator: the input
 * the desk sends for each (and what the simulator, like the real platform, refuses), and the local checks that
 * keep a wrong number from being sent at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../../../../../electron/services/platform/client';
import { lookupPerson, normalisePersonQuery, personQueryInput } from '../../../../../../electron/services/platform/transactions/person';
import { PlatformInputError } from '../../../../../../electron/services/platform/transactions/shared';
import { CHEN_JIAXIN, LI_SI, MARIA, SMITH, WANG_WU, ZHANG_SAN, startSim, type SimFixture } from '../../../../../helpers/sim-fixture';

let f: SimFixture;
beforeAll(async () => {
  f = await startSim('demo');
});
afterAll(async () => {
  await f?.close();
});

async function refusedWith(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlatformError);
  expect((err as PlatformError).kind).toBe('business');
  return (err as PlatformError).errMsg ?? '';
}
const calls = () => f.sim.state().calls['1101'] ?? 0;

describe('1101 input for each source', () => {
  it('02 carries the document number with its own 人员证件类型; 03 the card, 卡识别码 and the card’s SSN; 01 the token only', () => {
    expect(personQueryInput(normalisePersonQuery({ certType: '02', certNo: ZHANG_SAN.certno }))).toMatchObject({
      mdtrt_cert_type: '02', mdtrt_cert_no: ZHANG_SAN.certno, psn_cert_type: '01', certno: ZHANG_SAN.certno, card_sn: '',
    });
    expect(personQueryInput(normalisePersonQuery({ certType: '02', certNo: 'usa310079060412', psnCertType: '07' }))).toMatchObject({
      mdtrt_cert_type: '02', mdtrt_cert_no: SMITH.certno, psn_cert_type: '07', certno: SMITH.certno,
    });
    expect(personQueryInput(normalisePersonQuery({ certType: '03', certNo: LI_SI.cardNo, cardSn: LI_SI.cardSn, ssn: LI_SI.certno }))).toMatchObject({
      mdtrt_cert_type: '03', mdtrt_cert_no: LI_SI.cardNo, card_sn: LI_SI.cardSn, psn_cert_type: '01', certno: LI_SI.certno,
    });
    expect(personQueryInput(normalisePersonQuery({ certType: '01', certNo: WANG_WU.ecToken }))).toMatchObject({
      mdtrt_cert_type: '01', mdtrt_cert_no: WANG_WU.ecToken, psn_cert_type: '', certno: '', card_sn: '',
    });
  });
});

describe('1101 against the simulator', () => {
  it('resolves the ID card (02/01), the 社保卡 (03 + card_sn + SSN) and the 医保电子凭证 (01)', async () => {
    const c = f.client();
    expect(await lookupPerson(c, { certType: '02', certNo: ZHANG_SAN.certno })).toMatchObject({ psn_no: ZHANG_SAN.psnNo, psn_name: '张三', psn_cert_type: '01' });
    expect(await lookupPerson(c, { certType: '03', certNo: LI_SI.cardNo, cardSn: LI_SI.cardSn, ssn: LI_SI.certno })).toMatchObject({ psn_no: LI_SI.psnNo, psn_name: '李四' });
    expect(await lookupPerson(c, { certType: '01', certNo: WANG_WU.ecToken })).toMatchObject({ psn_no: WANG_WU.psnNo, psn_name: '王五' });
  });

  it('resolves a typed number with full-width digits, and foreign and 港澳台 documents under their own 人员证件类型', async () => {
    const c = f.client();
    const fullWidth = ZHANG_SAN.certno.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(await lookupPerson(c, { certType: '02', certNo: fullWidth })).toMatchObject({ psn_no: ZHANG_SAN.psnNo });
    expect(await lookupPerson(c, { certType: '02', certNo: SMITH.certno, psnCertType: '07' })).toMatchObject({ psn_no: SMITH.psnNo, psn_name: SMITH.name, psn_cert_type: '07' });
    expect(await lookupPerson(c, { certType: '02', certNo: MARIA.certno, psnCertType: '07' })).toMatchObject({ psn_no: MARIA.psnNo, psn_name: MARIA.name });
    expect(await lookupPerson(c, { certType: '02', certNo: CHEN_JIAXIN.certno, psnCertType: '17' })).toMatchObject({ psn_name: CHEN_JIAXIN.name, psn_cert_type: '17' });
  });

  it('refuses a wrong combination like the real platform: a foreigner’s card sent as a resident ID, a resident as a passport holder, a card with someone else’s SSN', async () => {
    const c = f.client();
    // What the desk used to send for a 外国人永久居留证 (the wrapper no longer can: sent raw to show the platform's answer).
    const raw = (input: Record<string, unknown>) => c.call('1101', input);
    expect(await refusedWith(raw(personQueryInput({ certType: '02', certNo: SMITH.certno, psnCertType: '01' })))).toBe(
      '人员证件类型与证件号码不符：该号码不是居民身份证号码，请核对证件类型',
    );
    expect(await refusedWith(raw({ ...personQueryInput({ certType: '02', certNo: SMITH.certno, psnCertType: '07' }), certno: ZHANG_SAN.certno }))).toBe('证件号码与就诊凭证编号不一致');
    expect(await refusedWith(raw(personQueryInput({ certType: '02', certNo: SMITH.certno, psnCertType: '55' })))).toBe('人员证件类型 55 无效');
    // The permanent-residence number passes the passport's shape check, so only the platform can tell.
    expect(await refusedWith(lookupPerson(c, { certType: '02', certNo: SMITH.certno, psnCertType: '08' }))).toBe('人员证件类型与证件号码不符：该号码不是外国人护照号码，请核对证件类型');
    expect(await refusedWith(lookupPerson(c, { certType: '03', certNo: LI_SI.cardNo, cardSn: LI_SI.cardSn, ssn: ZHANG_SAN.certno }))).toBe('社会保障卡号与社会保障号码不属于同一人员');
    expect(await refusedWith(lookupPerson(c, { certType: '03', certNo: LI_SI.cardNo, cardSn: '0'.repeat(32) }))).toBe('卡识别码与社会保障卡号不符');
    expect(await refusedWith(lookupPerson(c, { certType: '01', certNo: 'Z'.repeat(40) }))).toMatch(/电子凭证无效/);
    expect(await refusedWith(lookupPerson(c, { certType: '02', certNo: '11010519491231002X' }))).toBe('未查询到该人员的参保信息');
  });

  it('catches a wrong check digit, a foreign number typed as a resident ID and a 社保卡 without its 卡识别码 before sending, in Chinese', async () => {
    const c = f.client();
    const before = calls();
    const wrongCheck = ZHANG_SAN.certno.slice(0, 17) + '9';
    await expect(lookupPerson(c, { certType: '02', certNo: wrongCheck })).rejects.toThrow('身份证号码有误：号码校验位错误');
    await expect(lookupPerson(c, { certType: '02', certNo: SMITH.certno })).rejects.toThrow(PlatformInputError);
    await expect(lookupPerson(c, { certType: '02', certNo: MARIA.certno })).rejects.toThrow(/外国人永久居留身份证/);
    await expect(lookupPerson(c, { certType: '02', certNo: SMITH.certno, psnCertType: '07' }).then(() => 'ok')).resolves.toBe('ok');
    const afterOne = calls();
    await expect(lookupPerson(c, { certType: '02', certNo: 'USA310079023012', psnCertType: '07' })).rejects.toThrow(/出生日期/);
    await expect(lookupPerson(c, { certType: '03', certNo: LI_SI.cardNo })).rejects.toThrow(/卡识别码/);
    await expect(lookupPerson(c, { certType: '03', certNo: LI_SI.cardNo, cardSn: LI_SI.cardSn, ssn: wrongCheck })).rejects.toThrow(/社会保障号码不合法/);
    await expect(lookupPerson(c, { certType: '02', certNo: ZHANG_SAN.certno, psnCertType: '42' })).rejects.toThrow('不支持的人员证件类型：42');
    expect(afterOne - before).toBe(1);
    expect(calls()).toBe(afterOne);
  });
});
