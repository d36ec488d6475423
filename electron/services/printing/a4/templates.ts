/**
 * A4 forms as full HTML documents, from plain data: 受理回执 (acceptance receipt) and 一次性告知单
 * (one-time notice listing every missing item at once). Printed by Electron (webContents.print) or, in
 * browser mode, saved as PDF through Chromium (render-pdf.ts). ID numbers are printed masked.
 */
import { maskIdNumber } from '../../../../shared/id-number';
import { formatFen } from '../../../../native/protocols/escpos/layout';
import type { AcceptanceReceiptData } from '../../../../native/protocols/escpos/receipt';
import { esc, page } from './html';
import { PROVISIONAL_ACCEPTANCE_NOTE } from '../../../contract/vocabulary/identity-documents';

/** The same 受理回执 as the receipt printer's, plus what only the A4 form has room for. */
export interface A4AcceptanceReceipt extends Omit<AcceptanceReceiptData, 'notes'> {
  /** 容缺受理: minor materials still to be supplied, with the deadline. */
  pending?: { materials: string[]; deadline: string };
  contactPhone?: string;
  /** 临时受理（待核验）: printed as a marked row at the top. */
  provisional?: boolean;
}

export function renderAcceptanceReceiptHtml(d: A4AcceptanceReceipt): string {
  const items = d.items
    .map((i) => `<li>${esc(i.name)}${i.amountFen === undefined ? '' : `（申请金额 ${esc(formatFen(i.amountFen))} 元）`}</li>`)
    .join('');
  const materials = d.materials.length ? `<ol>${d.materials.map((m) => `<li>${esc(m)}</li>`).join('')}</ol>` : '（无）';
  const pending = d.pending
    ? `<tr><th>容缺材料</th><td><ol>${d.pending.materials.map((m) => `<li>${esc(m)}</li>`).join('')}</ol>请于 ${esc(d.pending.deadline)} 前补齐。</td></tr>`
    : '';
  return page(
    '受理回执',
    `<h1>受理回执</h1>
<div class="sub">${esc(d.office)}</div>
<div class="no">办件编号：${esc(d.caseNumber)}</div>
<table>
${d.provisional ? `<tr><th>临时受理</th><td><b>${esc(PROVISIONAL_ACCEPTANCE_NOTE)}</b></td></tr>` : ''}
<tr><th>申请人</th><td>${esc(d.applicantName)}</td></tr>
<tr><th>身份证号码</th><td>${esc(maskIdNumber(d.idNumber))}</td></tr>
<tr><th>办理事项</th><td><ol>${items}</ol></td></tr>
<tr><th>已收材料</th><td>${materials}</td></tr>
${pending}
<tr><th>受理时间</th><td>${esc(d.acceptedAt)}</td></tr>
<tr><th>承诺办结日期</th><td>${esc(d.committedDate)}</td></tr>
<tr><th>经办人</th><td>${esc(d.clerk)}</td></tr>
</table>
<p class="note">您的申请已受理。请妥善保管本回执，凭办件编号查询办理进度${d.contactPhone ? `，咨询电话：${esc(d.contactPhone)}` : ''}。</p>
<div class="sign"><div>申请人签名：<span class="line"></span></div><div>经办人签名：<span class="line"></span></div></div>
<div class="seal">（受理窗口盖章）</div>`,
  );
}

export interface A4OneTimeNotice {
  office: string;
  /** Optional reference, e.g. a 办件编号 or 告知单号. */
  noticeNumber?: string;
  applicantName: string;
  idNumber: string;
  /** 申请事项 */
  item: string;
  /** Every missing or non-conforming material, with what is required. */
  missing: Array<{ material: string; requirement: string }>;
  issuedAt: string;
  clerk: string;
  contactPhone?: string;
}

export function renderOneTimeNoticeHtml(d: A4OneTimeNotice): string {
  const rows = d.missing
    .map((m, i) => `<tr><td style="width:12mm;text-align:center">${i + 1}</td><td>${esc(m.material)}</td><td>${esc(m.requirement)}</td></tr>`)
    .join('');
  return page(
    '一次性告知单',
    `<h1>一次性告知单</h1>
<div class="sub">${esc(d.office)}</div>
${d.noticeNumber ? `<div class="no">编号：${esc(d.noticeNumber)}</div>` : ''}
<p class="note">${esc(d.applicantName)}（身份证号码 ${esc(maskIdNumber(d.idNumber))}）：</p>
<p class="note">您申请办理的<strong>${esc(d.item)}</strong>，经审核，所提交材料尚不齐全或不符合要求。现一次性告知需补正的全部内容如下：</p>
<table>
<tr><th style="width:12mm">序号</th><th style="width:48mm">材料名称</th><th style="width:auto">补正要求</th></tr>
${rows}
</table>
<p class="note">请按上述要求一次补齐材料后再次提交。本告知单所列以外的材料，不再要求补正${d.contactPhone ? `。咨询电话：${esc(d.contactPhone)}` : ''}。</p>
<div class="sign"><div>经办人：${esc(d.clerk)}</div><div>告知日期：${esc(d.issuedAt)}</div></div>
<div class="sign"><div>申请人签收：<span class="line"></span></div><div></div></div>
<div class="seal">（受理窗口盖章）</div>`,
  );
}
