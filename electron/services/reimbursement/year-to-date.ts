/**
 * What a person used this year, in one place for the person panel and the 零星报销 试算: the platform's 5206
 * figures (which include other institutions' settlements) plus this workstation's settled claims the platform
 * does not know yet — a local claim is "known" when the platform lists its 报销流水号 or any of its 票据, and then
 * it is not counted twice. The answer says where the figures came from. Offline, the platform's last answer
 * (kept per person and year) stands in for it, and the answer says so.
 */
import { claimUsage, emptyYtd, type Ytd } from '../policy';
import { PlatformError, type PlatformClient } from '../platform/client';
import { PlatformInputError } from '../platform/transactions/shared';
import { emptyTotals, queryAccumulation, type AccumulationTotals, type PlatformAccumulation } from '../platform/transactions/accumulation';
import { keepAccumulation, lastAccumulation } from '../platform/accumulation-cache';
import type { Db } from '../store/database';
import { keyedSettledClaimsOf, type KeyedSettledClaim } from './settled-claims';

/** platform: 平台累计 only; local: 本机结算 only; merged: 两者合并. */
export type YtdSource = 'platform' | 'local' | 'merged';

export interface YearToDate {
  year: number;
  /** The engine's accumulators (what the next claim's `ytd` is). */
  ytd: Ytd;
  /** 住院起付线 paid this year (shown, not an engine input). */
  inpatientDeductiblePaid: number;
  source: YtdSource;
  /** The platform could not be asked now (its figures, if any, are the last answer kept here). */
  offline: boolean;
  /** When the platform's figures were obtained (ISO UTC), null without any. */
  platformAsOf: string | null;
  /** This workstation's claims counted on top of the platform's figures (or alone). */
  localClaimsAdded: number;
  /** Local claims left out because the platform already counts them. */
  localClaimsKnownToPlatform: number;
}

const SCALARS = ['admissions', 'fundPaid', 'outpatientFundPaid', 'seriousDeductibleUsed', 'seriousPaid', 'assistanceDeductibleUsed', 'assistancePaid'] as const;

const billKey = (b: { code: string; no: string }) => `${b.code.trim()}|${b.no.trim()}`;

function knownToPlatform(claim: KeyedSettledClaim, platform: PlatformAccumulation): boolean {
  const setlIds = new Set(platform.settlements.map((s) => s.setlId).filter(Boolean));
  if (claim.claimSn && setlIds.has(claim.claimSn)) return true;
  const bills = new Set(platform.settlements.flatMap((s) => s.bills.map(billKey)));
  return claim.invoices.some((i) => bills.has(billKey(i)));
}

function deductibleOf(claim: KeyedSettledClaim): number {
  const c = claim.claim as { visit: { type?: string } };
  const r = claim.result as { deductible?: number };
  return c.visit.type === 'inpatient' && typeof r.deductible === 'number' ? r.deductible : 0;
}

/**
 * Pure merge: the platform's totals (null when there are none) plus every non-reversed local claim of `year`
 * that the platform does not list.
 */
export function mergeYearToDate(
  year: number,
  platform: { accumulation: PlatformAccumulation; asOf: string } | null,
  local: readonly KeyedSettledClaim[],
  offline: boolean,
): YearToDate {
  const base: AccumulationTotals = platform ? structuredClone(platform.accumulation.totals) : emptyTotals();
  let added = 0;
  let known = 0;
  for (const claim of local) {
    if (claim.reversed || Number(claim.claim.visit.date.slice(0, 4)) !== year) continue;
    if (platform && knownToPlatform(claim, platform.accumulation)) {
      known += 1;
      continue;
    }
    const usage = claimUsage(claim);
    for (const k of SCALARS) base[k] += usage[k];
    for (const [code, v] of Object.entries(usage.specialFundPaid)) base.specialFundPaid[code] = (base.specialFundPaid[code] ?? 0) + v;
    base.inpatientDeductiblePaid += deductibleOf(claim);
    added += 1;
  }
  const ytd = emptyYtd();
  for (const k of SCALARS) ytd[k] = base[k];
  ytd.specialFundPaid = base.specialFundPaid;
  const source: YtdSource = !platform ? 'local' : added > 0 ? 'merged' : 'platform';
  return {
    year,
    ytd,
    inpatientDeductiblePaid: base.inpatientDeductiblePaid,
    source,
    offline,
    platformAsOf: platform?.asOf ?? null,
    localClaimsAdded: added,
    localClaimsKnownToPlatform: known,
  };
}

export interface YearToDateDeps {
  db: Db;
  /** Absent: this workstation's claims only (source local, not offline). */
  client?: PlatformClient;
  clock?: () => Date;
}

/**
 * The one year-to-date of a person: 5206 when the platform answers, its last kept answer when it cannot be
 * reached, merged with this workstation's settled claims. A platform refusal (e.g. it does not know the
 * person) counts as no platform figures, not as offline.
 */
export async function personYearToDate(deps: YearToDateDeps, psnNo: string, year: number, insuplcAdmdvs?: string): Promise<YearToDate> {
  const local = keyedSettledClaimsOf(deps.db, psnNo, year);
  if (!deps.client) return mergeYearToDate(year, null, local, false);
  const now = (deps.clock ?? (() => new Date()))();
  try {
    const accumulation = await queryAccumulation(deps.client, { psnNo, year, insuplcAdmdvs });
    keepAccumulation(deps.db, accumulation, now);
    return mergeYearToDate(year, { accumulation, asOf: now.toISOString() }, local, false);
  } catch (err) {
    if (err instanceof PlatformError && err.kind === 'business') return mergeYearToDate(year, null, local, false);
    if (!(err instanceof PlatformError) && !(err instanceof PlatformInputError)) throw err;
    return mergeYearToDate(year, lastAccumulation(deps.db, psnNo, year), local, true);
  }
}
