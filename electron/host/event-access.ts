/**
 * Whether one connection receives one contract event, by the EVENT_ACCESS table. The table is pure data in
 * the contract (contract/access-policy.ts); this check needs the host's Caller, so it stays here.
 */
import { EVENT_ACCESS } from '../contract/access-policy';
import type { EventName } from '../contract/api';
import { isTrustedCaller, type Caller } from './caller';

/** In-process callers see everything; any other caller only what EVENT_ACCESS gives its role while unlocked. */
export function mayReceiveEvent(event: EventName, caller: Caller): boolean {
  if (isTrustedCaller(caller)) return true;
  return caller.operator !== null && !caller.locked && EVENT_ACCESS[event].includes(caller.operator.role);
}
