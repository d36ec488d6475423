/**
 * The 日结 on paper and in a file: an A4 page (the A4 output), receipt-printer lines (native ESC/POS
 * day-summary) and CSV in UTF-8 with a BOM so Excel opens the Chinese text. Money prints in 元 from 分.
 */
import type { DaySummary, SummaryBlock } from '../../contract/features/day-summary';
import { formatFen } from '../../../native/protocols/escpos/layout';
import type { DaySummaryReceiptData } from '../../../native/protocols/escpos/day-summary';
import { esc, page } from '../printing/a4/html';

const STATE_COLUMNS = ['待上报', '已上报', '需人工处理', '已撤销'] as const;

function countsTable(b: SummaryBlock): string {
  if (b.counts.length === 0) return '<p class="note">当日无办件。</p>';
  const rows = b.counts
    .map((c) => `<tr><td>${esc(c.kindLabel)}</td><td>${c.accepted}</td><td>${c.filed}</td><td>${c.needsClerk}</td><td>${c.cancelled}</td><td>${c.total}</td></tr>`)
    .join('');
  return `<table class="counts"><tr><th>办理事项</th>${STATE_COLUMNS.map((s) => `<th>${s}</th>`).join('')}<th>合计</th></tr>${rows}</table>`;
}

function figures(b: SummaryBlock): string {
  const cells: Array<[string, string]> = [
    ['办件合计', `${b.total} 件`],
    ['零星报销申报金额', `${formatFen(b.claimedFen)} 元`],
    ['基金支付（已上报）', `${formatFen(b.paidFen)} 元`],
    ['容缺未补齐', `${b.pendingOpen} 件（逾期 ${b.pendingOverdue} 件）`],
    ['差评', `${b.badRatings} 件`],
  ];
  return `<table>${cells.map(([l, v]) => `<tr><th>${esc(l)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
}

export function renderDaySummaryHtml(s: DaySummary): string {
  const ops = s.operators
    .map((o) => `<section class="op"><h2>经办人 ${esc(o.name)}（${esc(o.code)}）</h2>${figures(o)}${countsTable(o)}</section>`)
    .join('\n');
  return page(
    `日结 ${s.date}`,
    `<style>
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; }
table.counts th { width: auto; text-align: center; }
table.counts td { text-align: center; }
table.counts td:first-child { text-align: left; }
section.op, .sign { break-inside: avoid; }
</style>
<h1>日结单</h1>
<div class="sub">${esc(s.office)}</div>
<div class="no">日期：${esc(s.date)}&emsp;生成时间：${esc(s.generatedAt)}</div>
<h2>本窗口合计</h2>
${figures(s.desk)}
${countsTable(s.desk)}
${ops || '<p class="note">当日没有经办人办件。</p>'}
<div class="sign"><div>经办人签名：<span class="line"></span></div><div>主管复核：<span class="line"></span></div></div>`,
  );
}

export function daySummaryReceiptData(s: DaySummary): DaySummaryReceiptData {
  const block = (b: SummaryBlock) => ({
    counts: b.counts.map((c) => ({ label: c.kindLabel, total: c.total, detail: `待上报${c.accepted} 已上报${c.filed} 需处理${c.needsClerk} 撤销${c.cancelled}` })),
    total: b.total,
    claimedFen: b.claimedFen,
    paidFen: b.paidFen,
    pendingOpen: b.pendingOpen,
    pendingOverdue: b.pendingOverdue,
    badRatings: b.badRatings,
  });
  return {
    office: s.office,
    date: s.date,
    generatedAt: s.generatedAt,
    desk: block(s.desk),
    operators: s.operators.map((o) => ({ title: `${o.name}（${o.code}）`, ...block(o) })),
  };
}

/** One CSV cell: quoted when needed, and a leading = + - @ defused so Excel does not run it as a formula. */
function cell(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const line = (cells: Array<string | number>) => cells.map(cell).join(',');

export function daySummaryCsv(s: DaySummary): string {
  const scopes: Array<{ scope: string; code: string; name: string; b: SummaryBlock }> = [
    { scope: '本窗口', code: '', name: '', b: s.desk },
    ...s.operators.map((o) => ({ scope: '经办人', code: o.code, name: o.name, b: o as SummaryBlock })),
  ];
  const out: string[] = [];
  out.push(line(['日期', '范围', '工号', '姓名', '办理事项', ...STATE_COLUMNS, '小计']));
  for (const { scope, code, name, b } of scopes) {
    for (const c of b.counts) out.push(line([s.date, scope, code, name, c.kindLabel, c.accepted, c.filed, c.needsClerk, c.cancelled, c.total]));
  }
  out.push('');
  out.push(line(['日期', '范围', '工号', '姓名', '办件合计', '申报金额（元）', '基金支付（元）', '容缺未补齐', '容缺逾期', '差评']));
  for (const { scope, code, name, b } of scopes) {
    out.push(line([s.date, scope, code, name, b.total, formatFen(b.claimedFen), formatFen(b.paidFen), b.pendingOpen, b.pendingOverdue, b.badRatings]));
  }
  return `\uFEFF${out.join('\r\n')}\r\n`;
}
