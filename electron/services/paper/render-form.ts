/**
 * A form template filled with a case's values, as one self-contained A4 HTML page (the same page CSS as the
 * 受理回执), for the A4 output (Electron's print dialog, or Chromium PDF in browser mode). Every value goes
 * through esc(); a field the case lacks prints as an empty cell for the applicant or clerk to fill by hand.
 */
import { formatFen } from '../../../native/protocols/escpos/layout';
import { esc, page } from '../printing/a4/html';
import { fillText, type FormValues, type SettlementFigures } from './form-fields';
import type { FormTemplate } from './form-template';

const FORM_CSS = `
.sign { flex-wrap: wrap; gap: 6mm 0; }
.sign div { width: auto; min-width: 30%; }
.reprint { text-align: right; font-size: 9.5pt; color: #333; }
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; }
td.money { text-align: right; font-family: "Noto Sans Mono CJK SC", monospace; }
.explain { font-size: 10pt; line-height: 1.6; }
.foot { margin-top: 8mm; font-size: 9.5pt; color: #333; }
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
  return `<table>
${rows.map(([l, v]) => `<tr><th>${esc(l)}</th><td class="money">${esc(yuan(v))}</td></tr>`).join('\n')}
<tr><th>基金支付合计</th><td class="money"><strong>${esc(yuan(fund))}</strong></td></tr>
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
  if (v.fields.caseNo) parts.push(`<div class="no">办件编号：${esc(v.fields.caseNo)}</div>`);
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
  parts.push(`<div class="foot">打印时间：${esc(v.fields.printedAt ?? '')}</div>`);
  return page(t.title, `<style>${FORM_CSS}</style>\n${parts.join('\n')}`);
}
