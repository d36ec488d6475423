/**
 * A 财政电子票据 QR scanned (keyboard wedge or serial scanner, shared/scanner) while the 零星报销 form is open
 * fills an invoice row: 票据代码, 号码, 校验码, 开票日期, 金额. Scans from before the form opened are not replayed.
 */
import { useEffect, useRef } from 'react';
import type { EInvoice } from '../../../../shared/scanner/e-invoice';
import { useDesk } from '../../store/desk-store';

export function useEInvoiceScans(onInvoice: (invoice: EInvoice) => void): void {
  const last = useDesk((s) => s.lastScan);
  const seen = useRef(last);
  const handler = useRef(onInvoice);
  handler.current = onInvoice;
  useEffect(() => {
    if (!last || last === seen.current) return;
    seen.current = last;
    if (last.scan.kind === 'e-invoice') handler.current(last.scan.invoice);
  }, [last]);
}

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
