export { renderAcceptanceReceiptHtml, renderOneTimeNoticeHtml, type A4AcceptanceReceipt, type A4OneTimeNotice } from './templates';
export { renderPdf, sharedPdfRenderer, closeSharedPdfRenderers, PdfRenderError, type RenderPdfOptions } from './render-pdf';
export { PdfRenderer, type PdfRendererOptions, type PdfRendererStats } from './pdf-renderer';
export { esc } from './html';
export { chromiumA4Output, type A4Output } from './a4-output';
