/**
 * The signed paper of a case (resources/forms templates, loaded and validated once at start: a bad template
 * stops the app with the file and field named) and the 日结 — on A4 through the A4 output the composition root
 * was given, on the receipt printer through the print queue, and as CSV.
 */
import { renderDaySummaryReceipt } from '../../../native/protocols/escpos/day-summary';
import { shippedRegionCatalogue } from '../../services/catalogues/regions';
import { cstDate } from '../../services/cases/working-days';
import { CasePaper } from '../../services/paper/case-paper';
import { daySummary } from '../../services/paper/day-summary';
import { daySummaryCsv, daySummaryReceiptData, renderDaySummaryHtml } from '../../services/paper/day-summary-output';
import { loadFormTemplates } from '../../services/paper/form-template';
import type { Policy } from '../../services/policy';
import { ReceiptFolder } from '../../services/printing/receipt-folder';
import { actingOperator } from '../acting-operator';
import type { Feature } from '../context';
import type { DeviceManager } from '../devices/device-manager';
import { printOrQueue } from '../devices/printer-device';
import type { PlatformRuntime } from '../platform-runtime';

export interface PaperDeps {
  devices: DeviceManager;
  platform: PlatformRuntime;
  policy: Policy;
}

export const paperFeature: Feature<PaperDeps> = (ctx, { devices, platform, policy }) => {
  const templates = loadFormTemplates(ctx.config.paper.formsDir);
  const office = platform.platform.client.profile.agency.name;
  const pdfFolder = new ReceiptFolder(ctx.dataDir, ctx.clock);
  const paper = new CasePaper({
    db: ctx.db,
    templates,
    a4: ctx.a4,
    clock: ctx.clock,
    policyName: policy.name,
    regionName: (code) => shippedRegionCatalogue().lookup(code)?.fullName,
    pdfFolder,
  });
  const summaryOf = (date?: string) => daySummary(ctx.db, { date: date ?? cstDate(ctx.clock()), office, now: ctx.clock() });

  return {
    'paper.forms': ({ caseNo }) => {
      const out = paper.forms(caseNo);
      return {
        caseNo: out.caseNo,
        forms: out.forms.map((f) => ({ formId: f.formId, title: f.title, prints: f.prints.map((p) => ({ at: p.printedAt, by: p.printedBy, output: p.output, reprint: p.reprint })) })),
      };
    },
    'paper.print': async ({ caseNo, formId, pdf }, caller) => {
      const { print, path } = await paper.print(caseNo, formId, actingOperator(caller).code, { pdf });
      const what = `${print.title}${print.reprint ? '（补打）' : ''}`;
      return {
        output: print.output,
        path,
        reprint: print.reprint,
        message: path ? `${what}已保存 PDF：${path}` : `${what}已发送到打印机（A4）`,
      };
    },
    'daySummary.get': ({ date }) => summaryOf(date),
    'daySummary.printA4': async ({ date, pdf }) => {
      const html = renderDaySummaryHtml(summaryOf(date));
      if (ctx.a4.print && !pdf) {
        await ctx.a4.print(html);
        return { output: 'printer' as const, path: null, message: `日结单（${date}）已发送到打印机（A4）` };
      }
      const file = pdfFolder.prepare(`day-summary-${date}`);
      await ctx.a4.savePdf(html, file);
      pdfFolder.seal(file);
      return { output: 'pdf' as const, path: file, message: `日结单（${date}）已保存 PDF：${file}` };
    },
    'daySummary.printReceipt': ({ date }) => {
      const bytes = renderDaySummaryReceipt(daySummaryReceiptData(summaryOf(date)), 80);
      return printOrQueue(devices.printer, devices.printQueue, { what: `日结单（${date}）`, bytes });
    },
    'daySummary.csv': ({ date }) => ({ fileName: `日结-${date}.csv`, csv: daySummaryCsv(summaryOf(date)) }),
  };
};
