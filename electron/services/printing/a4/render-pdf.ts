/**
 * Browser mode has no Electron print dialog: A4 HTML is saved as PDF through Debian's Chromium driven by
 * playwright-core, always through the process's one shared, bounded renderer per Chromium binary
 * (./pdf-renderer), so parallel requests queue instead of each starting a browser. The page never loads
 * anything from the network (templates are self-contained).
 */
import { DEFAULT_CHROMIUM, PdfRenderer } from './pdf-renderer';

export { PdfRenderError } from './pdf-renderer';

export interface RenderPdfOptions {
  executablePath?: string;
  timeoutMs?: number;
}

const shared = new Map<string, PdfRenderer>();

/** The process's renderer for one Chromium binary, created on first use. */
export function sharedPdfRenderer(executablePath = DEFAULT_CHROMIUM): PdfRenderer {
  let renderer = shared.get(executablePath);
  if (!renderer) shared.set(executablePath, (renderer = new PdfRenderer({ executablePath })));
  return renderer;
}

export function renderPdf(html: string, outFile: string, options: RenderPdfOptions = {}): Promise<void> {
  return sharedPdfRenderer(options.executablePath).render(html, outFile, options.timeoutMs ?? 30_000);
}

/** Finish queued renders and close the shared browsers (at app close; a later render relaunches). */
export async function closeSharedPdfRenderers(): Promise<void> {
  await Promise.all([...shared.values()].map((r) => r.close()));
}
