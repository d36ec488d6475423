import { describe, expect, it } from 'vitest';
import { classifyScan, redactScan } from '../../../../shared/scanner/classify';
import { yuanToFen, parseEInvoice } from '../../../../shared/scanner/e-invoice';

describe('classifyScan: good codes', () => {
  it('recognises an ID number with a valid check character (X upper or lower case)', () => {
    expect(classifyScan('11010519491231002X')).toEqual({
      kind: 'id-number',
      raw: '11010519491231002X',
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: '2',
    });
    const lower = classifyScan('33010619850312001x');
    expect(lower.kind === 'id-number' && lower.idNumber).toBe('33010619850312001X');
    const male = classifyScan('440304200101011236');
    expect(male.kind === 'id-number' && male.sex).toBe('1');
  });

  it('recognises a third-generation 社保卡 card number (letter + 8 digits)', () => {
    expect(classifyScan('A12345678')).toEqual({ kind: 'sscard-number', raw: 'A12345678', cardNumber: 'A12345678' });
    expect(classifyScan('d00012345')).toMatchObject({ kind: 'sscard-number', cardNumber: 'D00012345' });
  });

  it('parses the comma-separated e-invoice form', () => {
    expect(classifyScan('01,33060124,0001234567,a1B2c3,20240315,1234.50,extra,fields')).toMatchObject({
      kind: 'e-invoice',
      invoice: { format: 'csv', billCode: '33060124', billNumber: '0001234567', checkCode: 'a1B2c3', issueDate: '2024-03-15', amountFen: 123450 },
    });
  });

  it('parses the URL e-invoice form with aliases, any case, percent-encoding and ISO dates', () => {
    const r = classifyScan('HTTPS://pj.example.cn/v?PJDM=33060124&pjhm=0001234568&JYM=Z9y8X7&kprq=2024-02-29&je=0.05&x=%E4%B8%AD');
    expect(r).toMatchObject({
      kind: 'e-invoice',
      invoice: { format: 'url', billCode: '33060124', billNumber: '0001234568', checkCode: 'Z9y8X7', issueDate: '2024-02-29', amountFen: 5 },
    });
  });

  it('accepts an opaque 医保电子凭证 payload by shape, and a province pattern when given', () => {
    const code = 'CH3301A8F3E9D2C17B4056E0A9F1B2C3D4E5F60718293A4B5C6D7E';
    expect(classifyScan(code)).toEqual({ kind: 'ec-voucher', raw: code, code });
    expect(classifyScan('EC:ABC', { ecVoucherPatterns: [/^EC:[A-Z]{3}$/] })).toMatchObject({ kind: 'ec-voucher' });
    expect(classifyScan(code, { ecVoucherPatterns: [/^EC:/] }).kind).toBe('unrecognised');
  });
});

describe('classifyScan: bad codes are unrecognised with a reason, never guessed', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['ID with wrong check digit', '110105194912310021', /校验位错误/],
    ['ID with impossible birth date', '110105194902301234', /出生日期不存在/],
    ['15-digit old ID', '110105491231002', /15位/],
    ['17 digits', '11010519491231002', /无法识别/],
    ['card number with 7 digits', 'A1234567', /无法识别/],
    ['card number with two letters', 'AB1234567', /无法识别/],
    ['EAN-13 product code', '6901234567892', /无法识别/],
    ['invoice with 7-digit 票据代码', '01,3306012,0001234567,a1B2c3,20240315,1.00', /票据代码/],
    ['invoice with 9-digit 票据号码', '01,33060124,000123456,a1B2c3,20240315,1.00', /票据号码/],
    ['invoice with 5-char 校验码', '01,33060124,0001234567,a1B2c,20240315,1.00', /校验码/],
    ['invoice with 31 February', '01,33060124,0001234567,a1B2c3,20240231,1.00', /开票日期/],
    ['invoice with 3 decimals', '01,33060124,0001234567,a1B2c3,20240315,1.005', /金额/],
    ['invoice with negative amount', '01,33060124,0001234567,a1B2c3,20240315,-1.00', /金额/],
    ['invoice with exponent amount', '01,33060124,0001234567,a1B2c3,20240315,1e3', /金额/],
    ['invoice URL missing 校验码', 'https://x.cn/v?billcode=33060124&billno=0001234567&date=20240315&amount=1', /校验码/],
    ['URL without invoice parameters', 'https://www.example.com/?a=1', /无法识别/],
    ['all one character', 'A'.repeat(40), /无法识别/],
    ['empty', '   ', /为空/],
    ['too long', 'A1'.repeat(3000), /过长/],
  ];
  it.each(cases)('%s', (_name, input, reason) => {
    const r = classifyScan(input);
    expect(r.kind).toBe('unrecognised');
    expect(r.kind === 'unrecognised' && r.reason).toMatch(reason);
  });
});

describe('yuanToFen', () => {
  it('converts exactly from the string', () => {
    expect(yuanToFen('0')).toBe(0);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('0.29')).toBe(29); // 0.29 * 100 is 28.999999999999996 in floats
    expect(yuanToFen('1234.5')).toBe(123450);
    expect(yuanToFen('9999999999.99')).toBe(999999999999);
  });
  it('rejects anything else', () => {
    for (const bad of ['', '.5', '1.', '1.234', '+1', '-1', '1,000', '1e2', ' 1', 'NaN', '12345678901']) expect(yuanToFen(bad)).toBeNull();
  });
});

describe('parseEInvoice shape detection', () => {
  it('ignores comma text that is not invoice-shaped', () => {
    expect(parseEInvoice('a,b,c,d,e,f')).toEqual({ ok: false, looksLikeInvoice: false });
    expect(parseEInvoice('1,2,3')).toEqual({ ok: false, looksLikeInvoice: false });
  });
});

describe('redactScan', () => {
  it('masks ID numbers in results and in unrecognised ID-like text, leaves others alone', () => {
    const id = redactScan(classifyScan('11010519491231002X'));
    expect(JSON.stringify(id)).not.toContain('1949');
    expect(id.kind === 'id-number' && id.idNumber).toBe('110105********002X');
    expect(JSON.stringify(redactScan(classifyScan('110105194912310021')))).not.toContain('19491231');
    expect(redactScan(classifyScan('A12345678'))).toEqual(classifyScan('A12345678'));
  });
});
