/**
 * The signed paper of a case (申请表, 备案表, 承诺书, 结算单, 撤销申请): the forms that apply to it, from the
 * templates in resources/forms/, and printing one on A4 — the print dialog in Electron, a PDF in browser mode —
 * recorded with who and when; printing a form again is a 补打.
 */
import { z } from 'zod';
import { method } from '../spec';

const caseNo = z.string().trim().regex(/^\d{23}$/, '办件编号应为 23 位数字');
const formId = z.string().trim().regex(/^[a-z][a-z0-9-]{1,40}$/, '表单编号格式不正确');

export const FormPrintView = z.object({
  at: z.string(),
  by: z.string(),
  output: z.enum(['printer', 'pdf']),
  reprint: z.boolean(),
});

export const CaseFormView = z.object({ formId: z.string(), title: z.string(), prints: z.array(FormPrintView) });
export type CaseFormView = z.infer<typeof CaseFormView>;

export const paperMethods = {
  'paper.forms': method(
    z.object({ caseNo }).strict(),
    z.object({ caseNo: z.string(), forms: z.array(CaseFormView) }),
    'The A4 forms that apply to a case (from resources/forms), each with its prints so far',
  ),
  'paper.print': method(
    z.object({ caseNo, formId, pdf: z.boolean().optional() }).strict(),
    z.object({ output: z.enum(['printer', 'pdf']), path: z.string().nullable(), reprint: z.boolean(), message: z.string() }),
    'Print one form of a case on A4 (system printer in Electron; PDF under <dataDir>/receipts in browser mode or when pdf is set); again = 补打',
  ),
};
