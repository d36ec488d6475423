/**
 * A form template filled with a case's values, as one self-contained A4 HTML page (the same page CSS as the
 * 受理回执), for the A4 output (Electron's print dialog, or Chromium PDF in browser mode). Every value goes
 * through esc(); a field the case lacks prints as an empty cell for the applicant or clerk to fill by hand.
 */
import { formatFen } from '../../../native/protocols/escpos/layout';
import { esc, page } from '../printing/a4/html';
import { fillText, type FormValues, type SettlementFigures } from './form-fields';
import type { FormTemplate } from './form-template';

// Compact enough that a form and its signature lines fit one A4 page; the signatures never split off alone.
const FORM_CSS = `
body { font-size: 11pt; }
h1 { font-size: 18pt; margin-bottom: 2mm; }
.sub { margin-bottom: 3mm; }
table { margin-bottom: 3mm; }
th, td { padding: 1.3mm 3mm; }
th { width: 32mm; }
.note { margin: 2mm 0; line-height: 1.6; }
.sign { flex-wrap: wrap; gap: 6mm 0; margin-top: 10mm; break-inside: avoid; }
.sign div { width: auto; min-width: 30%; }
.reprint { text-align: right; font-size: 9.5pt; color: #333; }
h2 { font-size: 12pt; margin: 3mm 0 1.5mm; }
td.money { text-align: right; font-family: "Noto Sans Mono CJK SC", monospace; }
.explain { font-size: 9.5pt; line-height: 1.5; margin: 0; }
`;

const yuan = (fen: number) => `${formatFen(fen)} 元`;

function settlementTable(s: SettlementFigures): string {
  const rows: Array<[string, number]> = [
    ['费用总额', s.total],
    ['全自费金额', s.fullOwnPay],
    ['先行自付金额', s.preSelfPay],
    ['符合政策范围金额', s.inscope],
    ['本次起付标准', s.deductible],
    ['统筹基金支付', s.fundPay],
    ['大病保险支付', s.seriousIllnessPay],
    ['医疗救助支付', s.assistancePay],
    ['个人负担', s.personalPay],
  ];
  const fund = s.fundPay + s.seriousIllnessPay + s.assistancePay;
  rows.push(['基金支付合计', fund]);
  // Two figures a row, so the figures, the explanation and the signatures fit one page.
  const pairs: string[] = [];
  for (let i = 0; i < rows.length; i += 2) {
    pairs.push(
      `<tr>${rows
        .slice(i, i + 2)
        .map(([l, v]) => `<th>${esc(l)}</th><td class="money">${l === '基金支付合计' ? `<strong>${esc(yuan(v))}</strong>` : esc(yuan(v))}</td>`)
        .join('')}</tr>`,
    );
  }
  return `<table>
${pairs.join('\n')}
</table>
<p class="note">计算依据：${esc(s.policyName)}</p>
<ol class="explain">${s.explain.map((l) => `<li>${esc(l)}</li>`).join('')}</ol>`;
}

export interface RenderFormOptions {
  /** 补打: printed again after a first print, with when. */
  reprintAt?: string;
}

export function renderFormHtml(t: FormTemplate, v: FormValues, opts: RenderFormOptions = {}): string {
  const fill = (s: string) => esc(fillText(s, v.fields));
  const parts: string[] = [];
  parts.push(`<h1>${esc(t.title)}</h1>`);
  parts.push(`<div class="sub">${fill(t.subtitle ?? '{{office}}')}</div>`);
  if (opts.reprintAt) parts.push(`<div class="reprint">补打 · ${esc(opts.reprintAt)}</div>`);
  // The print time beside the case number (top right), so it never spills onto a page of its own.
  parts.push(`<div class="no">${v.fields.caseNo ? `办件编号：${esc(v.fields.caseNo)}&emsp;` : ''}打印时间：${esc(v.fields.printedAt ?? '')}</div>`);
  for (const s of t.sections) {
    if (s.heading) parts.push(`<h2>${esc(s.heading)}</h2>`);
    switch (s.type) {
      case 'fields':
        parts.push(`<table>\n${s.rows.map((r) => `<tr><th>${esc(r.label)}</th><td>${fill(r.value)}</td></tr>`).join('\n')}\n</table>`);
        break;
      case 'list': {
        const items = v.lists[s.items] ?? [];
        const body = items.length ? `<ol>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ol>` : esc(s.empty);
        parts.push(`<table><tr><th>${esc(s.label)}</th><td>${body}</td></tr></table>`);
        break;
      }
      case 'text':
        parts.push(s.paragraphs.map((p) => `<p class="note">${fill(p)}</p>`).join('\n'));
        break;
      case 'settlement':
        parts.push(v.settlement ? settlementTable(v.settlement) : '<p class="note">（本办件没有结算记录）</p>');
        break;
    }
  }
  if (t.note) parts.push(`<p class="note">${fill(t.note)}</p>`);
  parts.push(
    `<div class="sign">${t.signatures.map((g) => `<div>${esc(g.label)}：<span class="line">${g.value ? fill(g.value) : ''}</span></div>`).join('')}</div>`,
  );
  return page(t.title, `<style>${FORM_CSS}</style>\n${parts.join('\n')}`);
}
