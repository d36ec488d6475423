/**
 * 受理回执 (acceptance receipt) on receipt paper, from a plain data object. The ID number is always
 * printed masked: the receipt leaves the office with the citizen.
 */
import { maskIdNumber } from '../../../shared/id-number';
import { EscPosBuilder } from './builder';
import { formatFen, rule, type PaperWidth } from './layout';

export interface AcceptanceReceiptData {
  /** Office / hall name printed as the heading, e.g. "XX市医疗保障局 政务服务窗口". */
  office: string;
  /** 办件编号 */
  caseNumber: string;
  applicantName: string;
  /** Full ID number; printed masked. */
  idNumber: string;
  /** 办理事项, optionally with an amount in 分 (e.g. a 零星报销 claim). */
  items: Array<{ name: string; amountFen?: number }>;
  /** 已收材料 */
  materials: string[];
  /** 受理时间 as shown to the citizen (already in local time), e.g. "2024-03-15 09:30". */
  acceptedAt: string;
  /** 经办人 */
  clerk: string;
  /** 承诺办结日期 YYYY-MM-DD */
  committedDate: string;
  /** Optional closing lines, e.g. a phone number for enquiries. */
  notes?: string[];
}

export function renderAcceptanceReceipt(data: AcceptanceReceiptData, paper: PaperWidth = 80): Uint8Array {
  const b = new EscPosBuilder(paper).init().chineseMode(true);
  b.align('center').bold(true).size(2, 2).wrapped('受理回执').size(1, 1).bold(false);
  b.wrapped(data.office).align('left').line(rule(b.columns));
  b.row('办件编号', data.caseNumber);
  b.row('申请人', data.applicantName);
  b.row('身份证号', maskIdNumber(data.idNumber));
  b.row('受理时间', data.acceptedAt);
  b.line(rule(b.columns)).bold(true).line('办理事项').bold(false);
  for (const item of data.items) {
    if (item.amountFen === undefined) b.wrapped(`· ${item.name}`);
    else b.row(`· ${item.name}`, `${formatFen(item.amountFen)}元`);
  }
  b.bold(true).line('已收材料').bold(false);
  if (data.materials.length === 0) b.line('（无）');
  data.materials.forEach((m, i) => b.wrapped(`${i + 1}. ${m}`));
  b.line(rule(b.columns));
  b.row('经办人', data.clerk);
  b.row('承诺办结日期', data.committedDate);
  for (const n of data.notes ?? []) b.wrapped(n);
  b.feed(3).cut();
  return b.bytes();
}

/** The `counter print-test` page: Chinese text, all alignments, sizes, bold, a money row and a cut. */
export function renderTestPage(paper: PaperWidth, printedAt: string): Uint8Array {
  const b = new EscPosBuilder(paper).init().chineseMode(true);
  b.align('center').size(2, 2).line('打印测试').size(1, 1);
  b.line(`纸宽 ${paper}mm · ${b.columns} 列`);
  b.align('left').line(rule(b.columns));
  b.line('左对齐：医保综合柜员工作站');
  b.align('center').line('居中：受理回执');
  b.align('right').line('右对齐：ABC 123');
  b.align('left').bold(true).line('粗体：一次性告知单').bold(false);
  b.size(1, 2).line('倍高').size(2, 1).line('倍宽').size(1, 1);
  b.row('金额', `${formatFen(123456)}元`);
  b.line('0123456789'.repeat(Math.ceil(b.columns / 10)).slice(0, b.columns));
  b.line('汉'.repeat(b.columns / 2));
  b.line(rule(b.columns)).line(printedAt);
  b.feed(3).cut();
  return b.bytes();
}
