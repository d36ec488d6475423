/**
 * 好差评 after each case: the clerk's desk asks the citizen-facing screen (a second window) to show the
 * rating for the case just accepted; the citizen taps one of five levels, the bottom two with a reason; the
 * supervisor sees the 差评 list. A request names no person: only the 办件编号, the service and the clerk.
 */
import { z } from 'zod';
import { method } from '../spec';
import { isComplaint } from '../vocabulary/satisfaction';

const caseNo = z.string().trim().regex(/^\d{23}$/, '办件编号应为 23 位数字');
const Level = z.number({ error: '请选择评价' }).int().min(1, '请选择评价').max(5, '请选择评价');

export const RatingRequest = z.object({
  caseNo: z.string(),
  serviceName: z.string(),
  clerkName: z.string(),
  requestedAt: z.string(),
});
export type RatingRequest = z.infer<typeof RatingRequest>;

export const RatingRecord = z.object({
  caseNo: z.string(),
  level: z.number().int(),
  levelName: z.string(),
  reason: z.string().nullable(),
  ratedAt: z.string(),
});
export type RatingRecord = z.infer<typeof RatingRecord>;

export const Complaint = RatingRecord.extend({
  serviceName: z.string(),
  operatorCode: z.string(),
  operatorName: z.string().nullable(),
  acceptedAt: z.string(),
});
export type Complaint = z.infer<typeof Complaint>;

export const RatingSubmit = z
  .object({
    caseNo,
    level: Level,
    reason: z
      .string()
      .trim()
      .max(200, '原因最多 200 个字')
      .optional()
      .transform((s) => (s ? s.normalize('NFKC') : undefined)),
  })
  .strict()
  .refine((r) => !isComplaint(r.level) || (r.reason !== undefined && r.reason.length > 0), {
    path: ['reason'],
    message: '请选择或填写不满意的原因',
  });

export const ratingMethods = {
  'rating.request': method(
    z.object({ caseNo }).strict(),
    RatingRequest,
    'Ask the citizen-facing screen to rate this case (好差评)',
  ),
  'rating.pending': method(z.object({}).strict(), RatingRequest.nullable(), 'The rating the citizen screen should show now, if any'),
  'rating.submit': method(RatingSubmit, RatingRecord, "The citizen's rating of a case: one per case"),
  'rating.ofCase': method(z.object({ caseNo }).strict(), RatingRecord.nullable(), 'The rating a case received, if any'),
  'rating.complaints': method(
    z
      .object({
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD').optional(),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD').optional(),
        limit: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
    z.array(Complaint),
    '差评 list for the supervisor, newest first',
  ),
};

export const ratingEvents = {
  /** The citizen screen shows the rating for this case (null: withdraw it, e.g. the clerk moved on unrated). */
  'rating.requested': RatingRequest.nullable(),
  /** A rating arrived: the clerk's receipt shows it. */
  'rating.recorded': RatingRecord,
};

