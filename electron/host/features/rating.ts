/**
 * 好差评: the pending request the citizen screen shows (held here, in memory: one desk, one citizen screen,
 * and a restart simply leaves the case unrated), the citizen's submission, and the supervisor's 差评 list.
 * The citizen screen can rate only the case the desk asked about, once.
 */
import { AppError } from '../../contract/errors';
import type { RatingRequest } from '../../contract/features/rating';
import { CASE_KIND_NAMES, SERVICE_KINDS, type ServiceKind } from '../../contract/vocabulary/case-kinds';
import { getCaseByNo } from '../../services/cases/case-store';
import { listComplaints, ratingOf, recordRating } from '../../services/cases/ratings';
import { actingOperator } from '../acting-operator';
import type { Feature } from '../context';

/** A request nobody answers is withdrawn after this long, so the next citizen never sees the last one's case. */
export const RATING_REQUEST_TTL_MS = 10 * 60_000;

/** 'YYYY-MM-DD' in China time → the ISO instant that day starts. */
const chinaDayStart = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const nextDay = (day: string) => new Date(new Date(`${day}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();

export const ratingFeature: Feature = (ctx) => {
  let pending: { request: RatingRequest; at: number } | null = null;
  const current = () => {
    if (pending && ctx.clock().getTime() - pending.at > RATING_REQUEST_TTL_MS) pending = null;
    return pending?.request ?? null;
  };

  return {
    'rating.request': ({ caseNo }, caller) => {
      const c = getCaseByNo(ctx.db, caseNo);
      if (!c) throw new AppError('not-found', `找不到办件 ${caseNo}`);
      if (!(SERVICE_KINDS as readonly string[]).includes(c.kind)) throw new AppError('invalid-input', '撤销办件不需要评价');
      if (ratingOf(ctx.db, caseNo)) throw new AppError('duplicate', '该办件已评价');
      const now = ctx.clock();
      const request: RatingRequest = {
        caseNo,
        serviceName: CASE_KIND_NAMES[c.kind as ServiceKind],
        clerkName: actingOperator(caller).name,
        requestedAt: now.toISOString(),
      };
      pending = { request, at: now.getTime() };
      ctx.events.emit('rating.requested', request);
      return request;
    },
    'rating.pending': () => current(),
    'rating.submit': ({ caseNo, level, reason }) => {
      if (current()?.caseNo !== caseNo) throw new AppError('not-found', '没有待评价的办件，请向工作人员确认');
      const rating = recordRating(ctx.db, { caseNo, level: level as 1 | 2 | 3 | 4 | 5, reason }, ctx.clock());
      pending = null;
      ctx.events.emit('rating.requested', null);
      ctx.events.emit('rating.recorded', rating);
      return rating;
    },
    'rating.ofCase': ({ caseNo }) => ratingOf(ctx.db, caseNo),
    'rating.complaints': ({ from, to, limit }) =>
      listComplaints(ctx.db, { from: from ? chinaDayStart(from) : undefined, to: to ? nextDay(to) : undefined, limit }),
  };
};
