/**
 * A paste from a spreadsheet into the 费用明细 grid: one fee item per line, cells separated by Tab, in the
 * grid's column order 名称, 类别, 金额[, 超限价金额[, 先行自付%]]. Pure: text in, rows and problems out.
 *
 * Cells are NFKC-normalised first (full-width digits, letters, ￥ and ，, as a Chinese IME or a Chinese
 * spreadsheet gives them), amounts may carry thousands separators, a ¥ sign or 元. Every line that cannot
 * be a row is returned as a problem with its line number and a reason in Chinese; none is dropped silently.
 * The amounts produced are exactly what the form's own rule accepts (contract: yuanText), so a pasted row is
 * validated again by the form like a typed one.
 */
import { CAPS } from '../../../electron/contract/field-rules';
import { FEE_CATEGORIES } from '../../../electron/contract/vocabulary/reimbursement';

export type FeeCategory = (typeof FEE_CATEGORIES)[number];

/** The form's cap on 费用明细 rows (contract ReimbursementForm: items.max). */
export const MAX_FEE_ROWS = 200;

export interface FeeRow {
  name: string;
  category: FeeCategory;
  amount: string;
  overLimit: string;
  selfPayRatio: string;
}

export interface PasteProblem {
  /** 1-based line in the pasted text. */
  line: number;
  /** The line as pasted (tabs shown as they are). */
  text: string;
  reason: string;
}

export interface FeePaste {
  rows: Array<{ line: number; row: FeeRow }>;
  problems: PasteProblem[];
  /** The first line was a column header (名称 …) and was skipped. */
  header: boolean;
}

/** True when a paste is more than one cell: it goes to the grid, not into the focused input. */
export function isMultiCellPaste(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/[\r\n]+$/, ''));
}

const HEADER_NAMES = ['名称', '项目名称', '项目', '费用名称', '费用项目', '明细名称', '药品名称'];
const MONEY = /^\d{1,10}(\.\d{1,2})?$/;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?$/;
const RATIO = /^(100|\d{1,2})(\.\d{1,2})?$/;

const norm = (cell: string) => cell.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** 甲 / 甲类 / 甲类药品 → 甲; anything else is not a category. */
function category(cell: string): FeeCategory | null {
  const m = /^([甲乙丙])类?(药品|项目)?$/.exec(cell);
  return m && (FEE_CATEGORIES as readonly string[]).includes(m[1]) ? (m[1] as FeeCategory) : null;
}

/** A money cell as the clerk's spreadsheet shows it → the form's 元 text, or a reason it is not one. */
export function moneyCell(cell: string, label: string): { value: string } | { reason: string } {
  const raw = cell;
  let s = cell.replace(/^¥\s*/, '').replace(/\s*元$/, '');
  if (s.startsWith('-')) return { reason: `${label}“${raw}”不能为负数` };
  if (s.includes(',')) {
    if (!GROUPED.test(s)) return { reason: `${label}“${raw}”的千位分隔符位置不对（应如 1,234.50）` };
    s = s.replace(/,/g, '');
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return { reason: `${label}“${raw}”不是数字金额` };
  if (!MONEY.test(s)) return { reason: `${label}“${raw}”应为以元为单位的金额，最多两位小数` };
  return { value: s };
}

function ratioCell(cell: string): { value: string } | { reason: string } {
  const s = cell.replace(/\s*%$/, '');
  return RATIO.test(s) ? { value: s } : { reason: `先行自付比例“${cell}”应为 0–100 的百分数` };
}

function isHeader(cells: string[]): boolean {
  const first = cells[0] ?? '';
  return HEADER_NAMES.includes(first) || (first.includes('名称') && !/\d/.test(cells[2] ?? ''));
}

function parseLine(cells: string[]): { row: FeeRow } | { reason: string } {
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop(); // a spreadsheet's empty trailing cells
  if (cells.length < 3) return { reason: `应至少有名称、类别、金额三列（用 Tab 分隔），此行只有 ${cells.length} 列` };
  if (cells.length > 5) return { reason: `列数过多（${cells.length} 列）：只能有名称、类别、金额、超限价金额、先行自付% 五列` };
  const [name, cat, amount, overLimit = '', ratio = ''] = cells;
  if (name === '') return { reason: '缺少项目名称' };
  if (name.length > CAPS.itemName) return { reason: `项目名称超过 ${CAPS.itemName} 个字` };
  const c = category(cat);
  if (!c) return { reason: cat === '' ? '缺少类别（甲、乙或丙）' : `类别“${cat}”应为甲、乙或丙` };
  if (amount === '') return { reason: '缺少金额' };
  const a = moneyCell(amount, '金额');
  if ('reason' in a) return a;
  const o = overLimit === '' ? { value: '' } : moneyCell(overLimit, '超限价金额');
  if ('reason' in o) return o;
  const r = ratio === '' ? { value: '' } : ratioCell(ratio);
  if ('reason' in r) return r;
  return { row: { name, category: c, amount: a.value, overLimit: o.value, selfPayRatio: r.value } };
}

/**
 * Parses a pasted block. At most `room` rows are produced (what is left of MAX_FEE_ROWS below the row pasted into); lines past it are
 * problems too, so the clerk sees exactly which were not taken.
 */
export function parseFeePaste(text: string, room = Number.POSITIVE_INFINITY): FeePaste {
  const out: FeePaste = { rows: [], problems: [], header: false };
  const lines = text.split(/\r\n|\n|\r/);
  let seenContent = false;
  lines.forEach((rawLine, i) => {
    const line = i + 1;
    if (rawLine.trim() === '') return; // a blank line holds nothing to lose
    const cells = rawLine.split('\t').map(norm);
    if (!seenContent) {
      seenContent = true;
      if (isHeader(cells)) {
        out.header = true;
        return;
      }
    }
    const parsed = parseLine(cells);
    if ('reason' in parsed) out.problems.push({ line, text: rawLine, reason: parsed.reason });
    else if (out.rows.length >= room) out.problems.push({ line, text: rawLine, reason: `费用明细最多 ${MAX_FEE_ROWS} 条，此行未导入` });
    else out.rows.push({ line, row: parsed.row });
  });
  return out;
}
