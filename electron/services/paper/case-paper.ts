/**
 * The signed paper of a case: which forms apply, and printing one — on the system printer where the A4
 * output has one (Electron's print dialog), else as a PDF in <dataDir>/receipts (browser mode) — recorded
 * in form_prints. Printing a form of a case again is a 补打, marked on the paper.
 */
import { AppError } from '../../contract/errors';
import { getCaseByNo, type CaseRecord } from '../cases/case-store';
import { cstDateTime } from '../cases/working-days';
import type { A4Output } from '../printing/a4';
import type { Db } from '../store/database';
import { caseFormValues, formsForCase, type FormValueContext } from './case-form-values';
import type { FormTemplate } from './form-template';
import { formPrintsOf, hasBeenPrinted, recordFormPrint, type FormPrint } from './form-prints';
import { renderFormHtml } from './render-form';

export interface CasePaperOptions {
  db: Db;
  templates: readonly FormTemplate[];
  a4: A4Output;
  clock: () => Date;
  policyName: string;
  regionName?: (code: string) => string | undefined;
  /** Where browser mode's PDFs go (printing/receipt-folder). */
  pdfFolder: { prepare(name: string): string; seal(file: string): void };
}

export interface CaseForm {
  formId: string;
  title: string;
  prints: FormPrint[];
}

export interface PrintedForm {
  print: FormPrint;
  /** The PDF written (browser mode or when asked for), else null. */
  path: string | null;
}

export class CasePaper {
  constructor(private readonly o: CasePaperOptions) {}

  private caseOrFail(caseNo: string): CaseRecord {
    const c = getCaseByNo(this.o.db, caseNo);
    if (!c) throw new AppError('not-found', `找不到办件 ${caseNo}`);
    return c;
  }

  private valueContext(): FormValueContext {
    return { db: this.o.db, now: this.o.clock(), policyName: this.o.policyName, regionName: this.o.regionName };
  }

  /** The forms of a case, each with its prints so far. */
  forms(caseNo: string): { caseNo: string; forms: CaseForm[] } {
    const c = this.caseOrFail(caseNo);
    const prints = formPrintsOf(this.o.db, c.id);
    return {
      caseNo,
      forms: formsForCase(this.o.db, this.o.templates, c).map((t) => ({ formId: t.id, title: t.title, prints: prints.filter((p) => p.formId === t.id) })),
    };
  }

  /** The form's HTML for this case (a 补打 carries the mark). */
  html(caseNo: string, formId: string): { html: string; template: FormTemplate; caseRecord: CaseRecord; reprint: boolean } {
    const c = this.caseOrFail(caseNo);
    const template = formsForCase(this.o.db, this.o.templates, c).find((t) => t.id === formId);
    if (!template) throw new AppError('not-found', `办件 ${caseNo} 没有表单 ${formId}`);
    const reprint = hasBeenPrinted(this.o.db, c.id, formId);
    const html = renderFormHtml(template, caseFormValues(this.valueContext(), c), reprint ? { reprintAt: cstDateTime(this.o.clock()) } : {});
    return { html, template, caseRecord: c, reprint };
  }

  /** Print on the system printer when there is one and no PDF was asked for; else save a PDF. */
  async print(caseNo: string, formId: string, by: string, opts: { pdf?: boolean } = {}): Promise<PrintedForm> {
    const { html, template, caseRecord } = this.html(caseNo, formId);
    let path: string | null = null;
    if (this.o.a4.print && !opts.pdf) {
      await this.o.a4.print(html);
    } else {
      path = this.o.pdfFolder.prepare(`${caseNo}-${formId}`);
      await this.o.a4.savePdf(html, path);
      this.o.pdfFolder.seal(path);
    }
    const print = recordFormPrint(this.o.db, {
      caseId: caseRecord.id,
      formId,
      title: template.title,
      output: path ? 'pdf' : 'printer',
      printedBy: by,
      now: this.o.clock(),
    });
    return { print, path };
  }
}
