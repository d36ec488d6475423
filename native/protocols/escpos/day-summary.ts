/**
 * 日结 (day summary) on receipt paper: the desk's totals, then each operator's, with money in 元.
 * No personal data: counts and amounts only (operators by name and 工号).
 */
import { EscPosBuilder } from './builder';
import { formatFen, rule, type PaperWidth } from './layout';

export interface DaySummaryBlockData {
  counts: Array<{ label: string; total: number; detail: string }>;
  total: number;
  claimedFen: number;
  paidFen: number;
  pendingOpen: number;
  pendingOverdue: number;
  /** 差评 of the day. */
  badRatings: number;
}

export interface DaySummaryReceiptData {
  office: string;
  date: string;
  generatedAt: string;
  desk: DaySummaryBlockData;
  operators: Array<DaySummaryBlockData & { title: string }>;
}

function block(b: EscPosBuilder, d: DaySummaryBlockData): void {
  for (const c of d.counts) {
    b.row(c.label, `${c.total}件`);
    b.wrapped(`  ${c.detail}`);
  }
  b.row('办件合计', `${d.total}件`);
  b.row('申报金额', `${formatFen(d.claimedFen)}元`);
  b.row('基金支付(已上报)', `${formatFen(d.paidFen)}元`);
  b.row('容缺未补齐', `${d.pendingOpen}件(逾期${d.pendingOverdue})`);
  b.row('差评', `${d.badRatings}件`);
}

export function renderDaySummaryReceipt(data: DaySummaryReceiptData, paper: PaperWidth = 80): Uint8Array {
  const b = new EscPosBuilder(paper).init().chineseMode(true);
  b.align('center').bold(true).size(2, 2).wrapped('日结单').size(1, 1).bold(false);
  b.wrapped(data.office).line(data.date).align('left').line(rule(b.columns));
  b.bold(true).line('本窗口合计').bold(false);
  block(b, data.desk);
  for (const o of data.operators) {
    b.line(rule(b.columns)).bold(true).wrapped(`经办人 ${o.title}`).bold(false);
    block(b, o);
  }
  b.line(rule(b.columns)).line(`生成时间 ${data.generatedAt}`);
  b.feed(3).cut();
  return b.bytes();
}
