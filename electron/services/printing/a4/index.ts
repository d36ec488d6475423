export { renderAcceptanceReceiptHtml, renderOneTimeNoticeHtml, type A4AcceptanceReceipt, type A4OneTimeNotice } from './templates';
export { renderPdf, PdfRenderError, type RenderPdfOptions } from './render-pdf';
export { esc } from './html';
export { chromiumA4Output, type A4Output } from './a4-output';
