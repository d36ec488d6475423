/** What a pass (or a whole drain) of the uploader did, for the CLI, the app and tests. */
import type { Outcome } from './outcome-recorder';
import type { LeaseHolder } from './upload-lease';

export interface SyncSummary {
  attempted: number;
  done: number;
  retry: number;
  unknown: number;
  needsClerk: number;
  online: boolean;
  /** Items still waiting (pending, retry, unknown) after this pass. */
  open: number;
  /** Set when nothing was sent because another uploader holds the lease. */
  leaseHolder?: LeaseHolder;
}

export function emptySummary(online: boolean): SyncSummary {
  return { attempted: 0, done: 0, retry: 0, unknown: 0, needsClerk: 0, online, open: 0 };
}

/** Counts one item's outcome. */
export function countOutcome(s: SyncSummary, outcome: Outcome): void {
  if (outcome === 'done') s.done++;
  else if (outcome === 'retry') s.retry++;
  else if (outcome === 'unknown') s.unknown++;
  else s.needsClerk++;
}

/** Adds a pass to a running total: counts add up, the state (online, open, lease holder) is the latest. */
export function addPass(total: SyncSummary, s: SyncSummary): void {
  total.attempted += s.attempted;
  total.done += s.done;
  total.retry += s.retry;
  total.unknown += s.unknown;
  total.needsClerk += s.needsClerk;
  total.online = s.online;
  total.open = s.open;
  total.leaseHolder = s.leaseHolder;
}
