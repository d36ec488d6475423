import { describe, expect, it } from 'vitest';
import {
  checkDocumentNumber,
  checkDocumentNumberByCode,
  documentOfCardType,
  documentOfPsnCertType,
  IDENTITY_DOCUMENT_INFO,
  IDENTITY_DOCUMENTS,
  PSN_CERT_TYPE_NAMES,
} from '../../../../../electron/contract/vocabulary/identity-documents';
import { idCheckChar } from '../../../../../shared/id-number';

const withCheck = (first17: string) => first17 + idCheckChar(first17);
const RESIDENT = '990102196003150018';
const HK_RESIDENCE = '810000199205160027';
const FOREIGN_2017 = 'USA310079060412';
const FOREIGN_2023 = withCheck('93184019790604001');

describe('identity documents vocabulary', () => {
  it('gives every document a Chinese name and its own psn_cert_type code', () => {
    const codes = IDENTITY_DOCUMENTS.map((d) => IDENTITY_DOCUMENT_INFO[d].psnCertType);
    expect(new Set(codes).size).toBe(codes.length);
    expect(IDENTITY_DOCUMENT_INFO['resident-id'].psnCertType).toBe('01');
    expect(IDENTITY_DOCUMENT_INFO['hk-mo-tw-residence'].psnCertType).toBe('17');
    expect(IDENTITY_DOCUMENT_INFO['foreign-permanent'].psnCertType).toBe('07');
    for (const d of IDENTITY_DOCUMENTS) {
      expect(IDENTITY_DOCUMENT_INFO[d].name).toMatch(/[\u4e00-\u9fff]/);
      expect(documentOfPsnCertType(IDENTITY_DOCUMENT_INFO[d].psnCertType)).toBe(d);
      expect(PSN_CERT_TYPE_NAMES[IDENTITY_DOCUMENT_INFO[d].psnCertType]).toBe(IDENTITY_DOCUMENT_INFO[d].name);
    }
    expect(documentOfPsnCertType('90')).toBeUndefined();
    expect(documentOfCardType(undefined)).toBe('resident-id');
    expect(documentOfCardType('resident')).toBe('resident-id');
    expect(documentOfCardType('hk-mo-tw-residence')).toBe('hk-mo-tw-residence');
    expect(documentOfCardType('foreign-permanent')).toBe('foreign-permanent');
  });
});

describe('checkDocumentNumber', () => {
  it('accepts a resident ID, normalising full-width digits, spaces and a lower-case x, and returns its birth date', () => {
    expect(checkDocumentNumber('resident-id', RESIDENT)).toEqual({ ok: true, number: RESIDENT, birthDate: '1960-03-15' });
    const fullWidth = ' ９９０１０２ １９６００３１５００１８ ';
    expect(checkDocumentNumber('resident-id', fullWidth)).toMatchObject({ ok: true, number: RESIDENT });
    const x = withCheck('11010519491231002');
    expect(x.endsWith('X')).toBe(true);
    expect(checkDocumentNumber('resident-id', x.toLowerCase())).toMatchObject({ ok: true, number: x });
  });

  it('refuses a wrong check digit, a wrong length, a non-existent birth date and a 15-digit number, each in Chinese', () => {
    const wrong = RESIDENT.slice(0, 17) + (RESIDENT[17] === '9' ? '8' : '9');
    expect(checkDocumentNumber('resident-id', wrong)).toEqual({ ok: false, message: '身份证号码有误：号码校验位错误' });
    expect(checkDocumentNumber('resident-id', RESIDENT.slice(0, 17))).toEqual({ ok: false, message: '身份证号码有误：号码应为18位' });
    expect(checkDocumentNumber('resident-id', withCheck('99010219600230001'))).toMatchObject({ ok: false, message: expect.stringContaining('出生日期') });
    expect(checkDocumentNumber('resident-id', '990102600315001')).toEqual({ ok: false, message: '15位旧身份证号码不受理，请使用18位号码' });
    expect(checkDocumentNumber('resident-id', '')).toEqual({ ok: false, message: '请输入居民身份证号码' });
    expect(checkDocumentNumber('resident-id', '99010219600315001Z')).toMatchObject({ ok: false });
  });

  it('sends a 居住证 or a 2023 foreign number typed as a resident ID to the right document type', () => {
    expect(checkDocumentNumber('resident-id', HK_RESIDENCE)).toMatchObject({ ok: false, message: expect.stringContaining('港澳台居民居住证') });
    expect(checkDocumentNumber('resident-id', FOREIGN_2023)).toMatchObject({ ok: false, message: expect.stringContaining('外国人永久居留身份证') });
    expect(checkDocumentNumber('hk-mo-tw-residence', HK_RESIDENCE)).toEqual({ ok: true, number: HK_RESIDENCE, birthDate: '1992-05-16' });
    expect(checkDocumentNumber('hk-mo-tw-residence', RESIDENT)).toMatchObject({ ok: false, message: expect.stringContaining('810000') });
  });

  it('checks both foreign permanent-residence formats: 2017 (15, birth date) and 2023 (18, check character)', () => {
    expect(checkDocumentNumber('foreign-permanent', FOREIGN_2017)).toEqual({ ok: true, number: FOREIGN_2017, birthDate: null });
    expect(checkDocumentNumber('foreign-permanent', 'usa310079060412')).toMatchObject({ ok: true, number: FOREIGN_2017 });
    expect(checkDocumentNumber('foreign-permanent', 'USA310079023012')).toMatchObject({ ok: false, message: expect.stringContaining('出生日期') });
    expect(checkDocumentNumber('foreign-permanent', 'US3100790604123')).toMatchObject({ ok: false, message: expect.stringContaining('15位') });
    expect(checkDocumentNumber('foreign-permanent', FOREIGN_2023)).toEqual({ ok: true, number: FOREIGN_2023, birthDate: '1979-06-04' });
    const bad2023 = FOREIGN_2023.slice(0, 17) + (FOREIGN_2023[17] === '0' ? '1' : '0');
    expect(checkDocumentNumber('foreign-permanent', bad2023)).toMatchObject({ ok: false, message: expect.stringContaining('校验位') });
    expect(checkDocumentNumber('foreign-permanent', RESIDENT)).toMatchObject({ ok: false });
  });

  it('checks the passes and the passport by shape', () => {
    expect(checkDocumentNumber('hk-pass', 'h12345678')).toMatchObject({ ok: true, number: 'H12345678' });
    expect(checkDocumentNumber('hk-pass', 'M12345678')).toMatchObject({ ok: false, message: expect.stringContaining('H') });
    expect(checkDocumentNumber('mo-pass', 'M1234567890')).toMatchObject({ ok: true });
    expect(checkDocumentNumber('tw-pass', '12345678')).toMatchObject({ ok: true });
    expect(checkDocumentNumber('tw-pass', '1234567')).toMatchObject({ ok: false });
    expect(checkDocumentNumber('foreign-passport', 'E1234567')).toMatchObject({ ok: true });
    expect(checkDocumentNumber('foreign-passport', 'E12-34567')).toMatchObject({ ok: false });
    expect(checkDocumentNumberByCode('07', FOREIGN_2017)).toMatchObject({ ok: true });
    expect(checkDocumentNumberByCode('42', FOREIGN_2017)).toEqual({ ok: false, message: '不支持的人员证件类型：42' });
  });
});
