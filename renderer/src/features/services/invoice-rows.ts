/** Where a scanned e-invoice goes among the form's invoice rows, and the row it makes. Pure. */
import type { EInvoice } from '../../../../shared/scanner/e-invoice';

/** 分 → the 元 text the form holds ("1234.50"). */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export interface InvoiceFields {
  code: string;
  no: string;
  amount: string;
  checkCode?: string;
  issueDate?: string;
}

/** Where a scanned invoice goes: the row that already holds it, the first empty row, or a new one. */
export function placeScannedInvoice(rows: readonly InvoiceFields[], inv: EInvoice): { kind: 'duplicate' | 'fill' | 'append'; row: number } {
  const dup = rows.findIndex((r) => r.code.trim() === inv.billCode && r.no.trim() === inv.billNumber);
  if (dup >= 0) return { kind: 'duplicate', row: dup };
  const empty = rows.findIndex((r) => !r.code.trim() && !r.no.trim() && !r.amount.trim());
  return empty >= 0 ? { kind: 'fill', row: empty } : { kind: 'append', row: rows.length };
}

export const scannedRow = (inv: EInvoice): Required<InvoiceFields> => ({
  code: inv.billCode,
  no: inv.billNumber,
  amount: fenToYuanText(inv.amountFen),
  checkCode: inv.checkCode,
  issueDate: inv.issueDate,
});
