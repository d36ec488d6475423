/**
 * The 办件 work list in the app: search, one case in full, CSV export, and the follow-up of 容缺 and
 * 需人工处理 cases (services/desk/case-list.ts, case-followup.ts). The operator is the caller's; 作废 is a
 * supervisor's (access-policy: the host refuses anyone else before this runs).
 */
import iconv from 'iconv-lite';
import type { CaseSearch } from '../../contract/features/worklist';
import { loadHolidayCalendar } from '../../services/catalogues/holiday-calendar';
import { cstDate } from '../../services/cases/working-days';
import { CaseFollowUp } from '../../services/desk/case-followup';
import { casesCsv, searchCases, todaySearch } from '../../services/desk/case-list';
import { actingOperator, envelopeOperatorOf } from '../acting-operator';
import type { Feature } from '../context';
import type { PlatformRuntime } from '../platform-runtime';

/** The app connection's page cache, in KiB (SQLite's negative cache_size). */
export const WORKLIST_CACHE_KIB = 65_536;

export interface WorklistDeps {
  platform: PlatformRuntime;
}

/** An empty search is today's work list; otherwise the filters as given (dates only where set). */
function withDefaults(q: CaseSearch, now: Date): CaseSearch {
  const empty = !q.text?.trim() && !q.from && !q.to && !q.kind && !q.state && !q.operator;
  return empty ? { ...todaySearch(now), limit: q.limit } : q;
}

export const worklistFeature: Feature<WorklistDeps> = (ctx, { platform: runtime }) => {
  // Every page read from the file is decrypted. A search by surname or over open 容缺 cases touches pages all
  // over a year of cases: 64 MB of page cache keeps them decrypted, where the 2 MB default made such a search
  // 10× slower (test/bench/worklist.bench.ts sets the same).
  ctx.db.pragma(`cache_size = -${WORKLIST_CACHE_KIB}`);
  const profile = runtime.platform.client.profile;
  const followUp = new CaseFollowUp({
    db: ctx.db,
    outbox: runtime.outbox,
    clock: ctx.clock,
    office: { region: ctx.config.site.regionCode, site: ctx.config.site.windowCode },
    calendar: loadHolidayCalendar({ dataDir: ctx.dataDir }),
    longTermMinMonths: profile.remoteRegistration.longTermMinMonths,
  });
  const operatorOf = (caller: Parameters<typeof actingOperator>[0]) => envelopeOperatorOf(actingOperator(caller));

  return {
    'cases.search': (q) => searchCases(ctx.db, withDefaults(q, ctx.clock())),
    'cases.detail': ({ caseNo }) => followUp.detail(caseNo),
    'cases.export': ({ encoding, ...q }) => {
      const { rows } = searchCases(ctx.db, { ...withDefaults(q, ctx.clock()), limit: 500 });
      const text = casesCsv(rows);
      // UTF-8 with a BOM, or GB18030: either way Excel on a Chinese Windows opens it without garbling.
      const bytes = encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
      return { fileName: `办件-${cstDate(ctx.clock())}.csv`, base64: bytes.toString('base64'), count: rows.length };
    },
    'cases.followUps': () => followUp.followUps(),
    'cases.completeMaterials': ({ caseNo, received, note }, caller) => followUp.completeMaterials(caseNo, received, note, operatorOf(caller)),
    'cases.contacted': ({ caseNo, note }, caller) => (followUp.contacted(caseNo, note, operatorOf(caller)), { ok: true as const }),
    'cases.resubmit': ({ caseNo, corrections, note }, caller) => followUp.resubmit(caseNo, corrections, note, operatorOf(caller)),
    'cases.void': ({ caseNo, reason }, caller) => (followUp.void(caseNo, reason, operatorOf(caller)), { ok: true as const }),
    'cases.settleElsewhere': ({ caseNo, note }, caller) => (followUp.settleElsewhere(caseNo, note, operatorOf(caller)), { ok: true as const }),
  };
};
