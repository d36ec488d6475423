/**
 * Where A4 forms go. Electron prints through the system print dialog and saves PDFs with printToPDF;
 * browser mode and the CLI have no print dialog, so they save PDFs through Debian's Chromium.
 */
import { closeSharedPdfRenderers, renderPdf } from './render-pdf';

export interface A4Output {
  /** Write the HTML form as an A4 PDF file. */
  savePdf(html: string, file: string): Promise<void>;
  /** Send the HTML form to a system printer; absent where there is none (browser mode). */
  print?(html: string): Promise<void>;
  /** Release what the output holds (the shared Chromium); called at app close. */
  close?(): Promise<void>;
}

export const chromiumA4Output: A4Output = { savePdf: (html, file) => renderPdf(html, file), close: closeSharedPdfRenderers };
