/**
 * Is the platform reachable? Network-level failures switch to offline: then one gentle probe at a time,
 * backed off with jitter, until the platform answers. Pure bookkeeping (no I/O, no events): the uploader acts
 * on the transitions it returns (re-queue what waited out the outage, tell listeners).
 */
import { backoffDelay, type BackoffPolicy } from './backoff';
import { isUnreachable } from './outcome-classification';
import type { PlatformFailure } from './platform-port';

export type ReachabilityChange = 'went-offline' | 'came-online' | null;

export class Reachability {
  private isOnline = true;
  private failures = 0;
  private probeAt = 0;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly now: () => Date,
    private readonly random: () => number,
  ) {}

  get online(): boolean {
    return this.isOnline;
  }

  /** How many sends may be out: all the slots online; offline a single probe, once its time has come. */
  sendLimit(concurrency: number, active: number): number {
    if (this.isOnline) return concurrency;
    return this.now().getTime() >= this.probeAt && active === 0 ? 1 : 0;
  }

  /** The loop's wake-up time, pushed back to the next probe while offline. */
  wakeAt(wake: number): number {
    return this.isOnline ? wake : Math.max(wake, this.probeAt);
  }

  /** The clerk asked: probe at once. */
  probeNow(): void {
    this.probeAt = 0;
  }

  /** A failed call: no answer at all counts against reachability, any answer from the platform for it. */
  noteFailure(f: PlatformFailure): ReachabilityChange {
    if (!isUnreachable(f)) return this.noteAnswer();
    this.failures++;
    this.probeAt = this.now().getTime() + backoffDelay(this.failures, this.policy, this.random);
    if (!this.isOnline) return null;
    this.isOnline = false;
    return 'went-offline';
  }

  /** The platform answered. */
  noteAnswer(): ReachabilityChange {
    this.failures = 0;
    this.probeAt = 0;
    if (this.isOnline) return null;
    this.isOnline = true;
    return 'came-online';
  }
}
