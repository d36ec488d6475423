import { describe, expect, it } from 'vitest';
import { normalizeAmount, normalizeCode, normalizeNumber, normalizePhone, normalizeText } from '../../../shared/normalize';
import { ReimbursementForm, SpecialDiseaseForm } from '../../../electron/contract/features/cases';

describe('normalising what the clerk types', () => {
  it('NFKC: full-width digits, letters and the ideographic space', () => {
    expect(normalizeText('　ＡＢＣ１２３　')).toBe('ABC123');
  });

  it.each([
    ['１２３．５０', '123.50'],
    ['1,234.50', '1234.50'],
    ['1，234．50', '1234.50'],
    ['12,345,678', '12345678'],
    ['¥ 12.5', '12.5'],
    ['￥12', '12'],
    ['12 元', '12'],
    [' 0.50 ', '0.50'],
  ])('amount %s → %s', (typed, filed) => expect(normalizeAmount(typed)).toBe(filed));

  it.each([
    // Not a thousands grouping, or not an amount: left as typed for the schema to refuse.
    ['1,23'],
    ['12,3456'],
    ['-12'],
    ['12.345'],
    ['abc'],
  ])('amount %s is not guessed', (typed) => expect(normalizeAmount(typed)).toBe(typed));

  it.each([
    ['138-0013-8000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086-13800138000', '13800138000'],
    ['010-12345678', '010-12345678'],
    ['0571 8888 1234', '0571-88881234'],
    ['(0571)88881234', '0571-88881234'],
    ['01012345678', '01012345678'],
  ])('phone %s → %s', (typed, filed) => expect(normalizePhone(typed)).toBe(filed));

  it.each([['13800138000x'], ['138\n00138000'], ['电话13800138000'], ['138-0013-800']])('phone %j is not made valid', (typed) => {
    expect(normalizePhone(typed)).not.toMatch(/^1\d{10}$/);
  });

  it('codes: trimmed, inner spaces dropped, upper-case', () => {
    expect(normalizeCode(' ｈ３３０１ 0600001 ')).toBe('H33010600001');
    expect(normalizeCode('d001')).toBe('D001');
  });

  it('percentages: the % sign and spaces go', () => {
    expect(normalizeNumber('１０ ％')).toBe('10');
    expect(normalizeNumber('12.5')).toBe('12.5');
  });
});

describe('the contract forms file the normalised values', () => {
  const sd = {
    insutype: '390',
    diseaseCode: 'M01600',
    hospitalCode: 'ｈ99010100001',
    hospitalName: '示例医院',
    assessedOn: '2026-12-01',
    doctorCode: 'd001',
    doctorName: '王医生',
    begndate: '2026-12-01',
    enddate: '',
    tel: '138-0013-8000',
    addr: '',
  };

  it('特门: phone and codes', () => {
    const out = SpecialDiseaseForm.parse(sd);
    expect(out).toMatchObject({ tel: '13800138000', hospitalCode: 'H99010100001', doctorCode: 'D001' });
  });

  it('still refuses what normalisation cannot make right', () => {
    expect(SpecialDiseaseForm.safeParse({ ...sd, tel: '138-0013-800' }).success).toBe(false);
    expect(SpecialDiseaseForm.safeParse({ ...sd, hospitalCode: '' }).success).toBe(false);
  });

  it('零星报销: amounts, ratios and invoice codes', () => {
    const out = ReimbursementForm.parse({
      insutype: '390',
      reason: '03',
      hospitalCode: 'h1',
      hospitalName: '示例医院',
      hospitalLevel: '3',
      visitType: 'inpatient',
      begndate: '2026-12-01',
      enddate: '2026-12-03',
      outOfArea: 'none',
      diseaseCode: '',
      retired: null,
      items: [{ name: '床位费', category: '乙', amount: '1,234.50', overLimit: '１２．００', selfPayRatio: '１０％' }],
      invoices: [{ code: 'ab12 34', no: '０００１', amount: '1234.5' }],
      memo: '',
    });
    expect(out.items[0]).toMatchObject({ amount: '1234.50', overLimit: '12.00', selfPayRatio: '10' });
    expect(out.invoices[0]).toEqual({ code: 'AB1234', no: '0001', amount: '1234.5', checkCode: '', issueDate: '' });
  });
});
