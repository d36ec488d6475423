/**
 * 医疗收费电子票据 (medical e-invoice, 财政电子票据) QR payloads. Pure (no Node imports).
 *
 * Accepted shapes (anything else is not an e-invoice):
 * 1. Comma-separated: `版本,票据代码,票据号码,校验码,开票日期,金额[,更多字段…]`
 *    e.g. `01,33060124,0001234567,a1B2c3,20240315,1234.50`. 版本 is 1–4 digits; extra fields are ignored.
 * 2. URL with a query string (http or https, any host/path), parameter names matched case-insensitively:
 *    票据代码 billcode | bill_code | pjdm · 票据号码 billno | bill_no | billnumber | pjhm ·
 *    校验码 checkcode | check_code | random | jym · 开票日期 billdate | bill_date | date | kprq ·
 *    金额 amount | total | totalamount | je.
 * Field rules: 票据代码 exactly 8 digits; 票据号码 exactly 10 digits; 校验码 exactly 6 letters/digits (case kept);
 * 开票日期 YYYYMMDD or YYYY-MM-DD naming a real day (1900–2099), returned as YYYY-MM-DD;
 * 金额 in yuan, digits with at most 2 decimals, no sign, converted to integer 分 from the string (never floats).
 */
import { isRealDate } from '../id-number';

export interface EInvoice {
  format: 'csv' | 'url';
  /** 票据代码, 8 digits. */
  billCode: string;
  /** 票据号码, 10 digits. */
  billNumber: string;
  /** 校验码, 6 characters. */
  checkCode: string;
  /** 开票日期, YYYY-MM-DD. */
  issueDate: string;
  /** 金额 in 分. */
  amountFen: number;
}

export type EInvoiceParse =
  | { ok: true; invoice: EInvoice }
  /** The text is shaped like an e-invoice but a field is wrong: reason is a Chinese message. */
  | { ok: false; looksLikeInvoice: true; reason: string }
  | { ok: false; looksLikeInvoice: false };

const PARAM_ALIASES: Record<keyof Omit<EInvoice, 'format' | 'amountFen'> | 'amount', string[]> = {
  billCode: ['billcode', 'bill_code', 'pjdm'],
  billNumber: ['billno', 'bill_no', 'billnumber', 'pjhm'],
  checkCode: ['checkcode', 'check_code', 'random', 'jym'],
  issueDate: ['billdate', 'bill_date', 'date', 'kprq'],
  amount: ['amount', 'total', 'totalamount', 'je'],
};

export function parseEInvoice(text: string): EInvoiceParse {
  if (/^https?:\/\//i.test(text)) return parseUrlForm(text);
  if (text.includes(',')) return parseCsvForm(text);
  return { ok: false, looksLikeInvoice: false };
}

function parseCsvForm(text: string): EInvoiceParse {
  const f = text.split(',').map((s) => s.trim());
  // Shape test: version digits then an 8-ish digit code and a digit number; otherwise it is not ours.
  if (f.length < 6 || !/^\d{1,4}$/.test(f[0]) || !/^\d{6,12}$/.test(f[1]) || !/^\d{6,14}$/.test(f[2])) {
    return { ok: false, looksLikeInvoice: false };
  }
  return validateFields('csv', f[1], f[2], f[3], f[4], f[5]);
}

function parseUrlForm(text: string): EInvoiceParse {
  const q = text.indexOf('?');
  if (q < 0) return { ok: false, looksLikeInvoice: false };
  const params = new Map<string, string>();
  for (const pair of text.slice(q + 1).split(/[&#]/)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = safeDecode(pair.slice(0, eq)).toLowerCase();
    if (!params.has(name)) params.set(name, safeDecode(pair.slice(eq + 1)).trim());
  }
  const pick = (names: string[]) => names.map((n) => params.get(n)).find((v) => v !== undefined);
  const code = pick(PARAM_ALIASES.billCode);
  const number = pick(PARAM_ALIASES.billNumber);
  if (code === undefined && number === undefined) return { ok: false, looksLikeInvoice: false };
  return validateFields(
    'url',
    code ?? '',
    number ?? '',
    pick(PARAM_ALIASES.checkCode) ?? '',
    pick(PARAM_ALIASES.issueDate) ?? '',
    pick(PARAM_ALIASES.amount) ?? '',
  );
}

function validateFields(
  format: EInvoice['format'],
  billCode: string,
  billNumber: string,
  checkCode: string,
  date: string,
  amount: string,
): EInvoiceParse {
  const bad = (reason: string): EInvoiceParse => ({ ok: false, looksLikeInvoice: true, reason });
  if (!/^\d{8}$/.test(billCode)) return bad('电子票据的票据代码应为8位数字');
  if (!/^\d{10}$/.test(billNumber)) return bad('电子票据的票据号码应为10位数字');
  if (!/^[0-9A-Za-z]{6}$/.test(checkCode)) return bad('电子票据的校验码应为6位字母或数字');
  const compact = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date.replace(/-/g, '') : date;
  if (!/^\d{8}$/.test(compact) || !isRealDate(compact)) return bad('电子票据的开票日期无效');
  const amountFen = yuanToFen(amount);
  if (amountFen === null) return bad('电子票据的金额无效（应为元，最多两位小数）');
  const issueDate = `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
  return { ok: true, invoice: { format, billCode, billNumber, checkCode, issueDate, amountFen } };
}

/**
 * "1234.5" → 123450 分, exactly from the digits. Accepts up to 10 integer digits and at most 2 decimals,
 * no sign, no exponent, no thousands separators; returns null for anything else.
 */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const fraction = (m[2] ?? '').padEnd(2, '0');
  return Number(m[1]) * 100 + Number(fraction);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
