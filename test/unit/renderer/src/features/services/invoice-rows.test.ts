import { describe, expect, it } from 'vitest';
import { fenToYuanText, placeScannedInvoice, scannedRow } from '../../../../../../renderer/src/features/services/invoice-rows';
import { parseEInvoice, type EInvoice } from '../../../../../../shared/scanner/e-invoice';

const scanned = (): EInvoice => {
  const r = parseEInvoice('01,33060124,0001234567,a1B2c3,20261201,1234.50');
  if (!r.ok) throw new Error('sample did not parse');
  return r.invoice;
};

describe('a scanned e-invoice in the invoice rows', () => {
  it('makes a full row: 代码, 号码, 校验码 (case kept), 开票日期, 金额 in 元', () => {
    expect(scannedRow(scanned())).toEqual({ code: '33060124', no: '0001234567', amount: '1234.50', checkCode: 'a1B2c3', issueDate: '2026-12-01' });
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYuanText(100000)).toBe('1000.00');
  });

  it('fills the first empty row, else appends', () => {
    const empty = { code: '', no: '', amount: '' };
    const paper = { code: '110101', no: '00000001', amount: '10' };
    expect(placeScannedInvoice([empty], scanned())).toEqual({ kind: 'fill', row: 0 });
    expect(placeScannedInvoice([paper, empty], scanned())).toEqual({ kind: 'fill', row: 1 });
    expect(placeScannedInvoice([paper], scanned())).toEqual({ kind: 'append', row: 1 });
  });

  it('a row with only an amount typed is not empty: nothing typed is overwritten', () => {
    expect(placeScannedInvoice([{ code: '', no: '', amount: '99' }], scanned())).toEqual({ kind: 'append', row: 1 });
  });

  it('the same invoice scanned twice is not added again', () => {
    expect(placeScannedInvoice([{ code: '33060124', no: ' 0001234567 ', amount: '1234.50' }], scanned())).toEqual({ kind: 'duplicate', row: 0 });
  });
});
