import { describe, expect, it } from 'vitest';
import { checkInvoices, type InvoiceRow } from '../../../shared/invoice-checks';

const visit = { begndate: '2026-11-20', enddate: '2026-11-25' };
const items = [{ amount: '1000.00' }, { amount: '234.50' }];
const einv = (over: Partial<InvoiceRow> = {}): InvoiceRow => ({ code: '33060124', no: '0001234567', amount: '1234.50', checkCode: 'a1B2c3', issueDate: '2026-11-25', ...over });

describe('invoice rows', () => {
  it('a good e-invoice and a paper invoice that add up pass', () => {
    expect(checkInvoices([einv()], items, visit)).toEqual([]);
    expect(checkInvoices([einv({ amount: '1000' }), { code: '110101', no: '00000001', amount: '234.5' }], items, visit)).toEqual([]);
  });

  it('the same 代码+号码 twice is flagged on the later row, naming the first', () => {
    const rows = [einv({ amount: '1234.50' }), einv({ amount: '0', checkCode: '', issueDate: '' })];
    expect(checkInvoices(rows, items, visit)).toEqual([{ row: 1, field: 'no', message: '与第 1 张票据重复（票据代码、号码相同），同一张票据只能填写一次' }]);
  });

  it('same code, other number is no duplicate', () => {
    expect(checkInvoices([einv({ amount: '1000' }), einv({ no: '0001234568', amount: '234.50' })], items, visit)).toEqual([]);
  });

  it('a 校验码 that does not fit', () => {
    expect(checkInvoices([einv({ checkCode: 'a1B2c' })], items, visit)).toEqual([{ row: 0, field: 'checkCode', message: '校验码应为 6 位字母或数字' }]);
    expect(checkInvoices([einv({ checkCode: 'a1B2c!' })], items, visit)[0].field).toBe('checkCode');
    // A 校验码 on a code that is not an e-invoice's.
    expect(checkInvoices([einv({ code: '110101' })], items, visit)).toEqual([
      { row: 0, field: 'checkCode', message: '校验码与票据不符（电子票据代码 8 位、号码 10 位）' },
    ]);
  });

  it('a 开票日期 before or after the visit', () => {
    expect(checkInvoices([einv({ issueDate: '2026-11-19' })], items, visit)).toEqual([
      { row: 0, field: 'issueDate', message: '开票日期 2026-11-19 不在就诊期间（2026-11-20 至 2026-11-25）' },
    ]);
    expect(checkInvoices([einv({ issueDate: '2026-11-26' })], items, visit)[0].field).toBe('issueDate');
    expect(checkInvoices([einv({ issueDate: '2026-11-20' })], items, visit)).toEqual([]);
    // No visit dates yet: nothing to compare with.
    expect(checkInvoices([einv({ issueDate: '2020-01-01' })], items, { begndate: '', enddate: '' })).toEqual([]);
  });

  it('a total that does not match the fee items, flagged on the last row', () => {
    const rows = [einv({ amount: '1000' }), { code: '110101', no: '00000001', amount: '234.49' }];
    expect(checkInvoices(rows, items, visit)).toEqual([{ row: 1, field: 'amount', message: '票据金额合计 1234.49 元与费用明细合计 1234.50 元不一致' }]);
  });

  it('no total check while an amount is still not a valid one', () => {
    expect(checkInvoices([einv({ amount: '12.345' })], items, visit)).toEqual([]);
    expect(checkInvoices([einv()], [{ amount: '' }], visit)).toEqual([]);
  });
});
