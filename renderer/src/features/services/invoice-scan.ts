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
