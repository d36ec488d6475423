/**
 * 日结: the day's summary of this desk and of each operator — cases by service and state, amounts claimed and
 * paid in 分, 容缺 still open, 差评 — printable on A4 and on the receipt printer, exportable as CSV.
 */
import { z } from 'zod';
import { isRealDate } from '../field-rules';
import { method } from '../spec';
import { PrintOutcome } from './devices';

const day = z
  .string({ error: '请选择日期' })
  .trim()
  .refine(isRealDate, '日期应为有效日期（YYYY-MM-DD）');

export const SummaryCount = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  /** Cases accepted that day, by their state now. */
  accepted: z.number().int(),
  filed: z.number().int(),
  needsClerk: z.number().int(),
  cancelled: z.number().int(),
  total: z.number().int(),
});

export const SummaryBlock = z.object({
  counts: z.array(SummaryCount),
  total: z.number().int(),
  /** 零星报销 accepted that day and not cancelled: 申报金额 (费用总额) and, of those the platform filed, 基金支付. */
  claimedFen: z.number().int(),
  paidFen: z.number().int(),
  /** Cases accepted 容缺 whose materials are still missing (any day up to this one), and of them past the deadline. */
  pendingOpen: z.number().int(),
  pendingOverdue: z.number().int(),
  /** 差评 of the day (好差评 不满意 / 非常不满意), counted for the clerk who accepted the case. */
  badRatings: z.number().int(),
});
export type SummaryBlock = z.infer<typeof SummaryBlock>;

export const DaySummary = z.object({
  date: z.string(),
  office: z.string(),
  generatedAt: z.string(),
  desk: SummaryBlock,
  operators: z.array(SummaryBlock.extend({ code: z.string(), name: z.string() })),
});
export type DaySummary = z.infer<typeof DaySummary>;

export const daySummaryMethods = {
  'daySummary.get': method(z.object({ date: day.optional() }).strict(), DaySummary, '日结: the day’s summary (China date; default today) for the desk and each operator'),
  'daySummary.printA4': method(
    z.object({ date: day, pdf: z.boolean().optional() }).strict(),
    z.object({ output: z.enum(['printer', 'pdf']), path: z.string().nullable(), message: z.string() }),
    'Print the 日结 on A4 (system printer in Electron; PDF in browser mode or when pdf is set)',
  ),
  'daySummary.printReceipt': method(z.object({ date: day }).strict(), PrintOutcome, 'Print the 日结 on the receipt printer (ESC/POS); paper out/offline keeps it queued'),
  'daySummary.csv': method(
    z.object({ date: day }).strict(),
    z.object({ fileName: z.string(), csv: z.string() }),
    'The 日结 as CSV (UTF-8 with BOM, so Excel opens it)',
  ),
};
