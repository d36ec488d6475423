/**
 * The checks a row of invoices gets before 试算 and 受理, each answered beside the row it is about:
 * - the same 票据代码 + 票据号码 twice (an invoice is reimbursed once);
 * - a 校验码 that does not fit: the 财政电子票据 校验码 is 6 letters or digits and belongs to an e-invoice
 *   (8-digit 票据代码, 10-digit 票据号码), so a 校验码 on any other code is a typing or scanning slip;
 * - a 开票日期 outside the visit (before its first day or after its last);
 * - invoices that do not add up to the fee items (the platform refuses such a claim).
 * Pure: the contract's form schema runs it (host and renderer alike).
 */
import { yuanToFen } from './scanner/e-invoice';

export interface InvoiceRow {
  code: string;
  no: string;
  amount: string;
  checkCode?: string;
  issueDate?: string;
}

export interface InvoiceIssue {
  /** Row index, 0-based. */
  row: number;
  field: 'code' | 'no' | 'amount' | 'checkCode' | 'issueDate';
  message: string;
}

const fmt = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export function checkInvoices(
  invoices: readonly InvoiceRow[],
  items: ReadonlyArray<{ amount: string }>,
  visit: { begndate: string; enddate: string },
): InvoiceIssue[] {
  const issues: InvoiceIssue[] = [];
  const seen = new Map<string, number>();
  invoices.forEach((inv, row) => {
    if (inv.code && inv.no) {
      const key = `${inv.code}|${inv.no}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, row);
      else issues.push({ row, field: 'no', message: `与第 ${first + 1} 张票据重复（票据代码、号码相同），同一张票据只能填写一次` });
    }
    const check = inv.checkCode ?? '';
    if (check) {
      if (!/^[0-9A-Za-z]{6}$/.test(check)) issues.push({ row, field: 'checkCode', message: '校验码应为 6 位字母或数字' });
      else if (!/^\d{8}$/.test(inv.code) || !/^\d{10}$/.test(inv.no))
        issues.push({ row, field: 'checkCode', message: '校验码与票据不符（电子票据代码 8 位、号码 10 位）' });
    }
    const date = inv.issueDate ?? '';
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(visit.begndate) && /^\d{4}-\d{2}-\d{2}$/.test(visit.enddate)) {
      if (date < visit.begndate || date > visit.enddate)
        issues.push({ row, field: 'issueDate', message: `开票日期 ${date} 不在就诊期间（${visit.begndate} 至 ${visit.enddate}）` });
    }
  });
  const invoiceFen = sum(invoices.map((i) => i.amount));
  const itemFen = sum(items.map((i) => i.amount));
  if (invoices.length > 0 && invoiceFen !== null && itemFen !== null && invoiceFen !== itemFen) {
    issues.push({
      row: invoices.length - 1,
      field: 'amount',
      message: `票据金额合计 ${fmt(invoiceFen)} 元与费用明细合计 ${fmt(itemFen)} 元不一致`,
    });
  }
  return issues;
}

/** The total in 分, or null while any amount is not (yet) a valid one: nothing to compare then. */
function sum(amounts: readonly string[]): number | null {
  let total = 0;
  for (const a of amounts) {
    const fen = yuanToFen(a.trim());
    if (fen === null) return null;
    total += fen;
  }
  return total;
}
