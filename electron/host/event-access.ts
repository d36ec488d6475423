/**
 * Whether one connection receives one contract event, by the EVENT_ACCESS table. Kept apart from
 * access-policy.ts, which imports only the contract, so the renderer can read that table without the host.
 */
import type { EventName } from '../contract/api';
import { EVENT_ACCESS } from './access-policy';
import { isTrustedCaller, type Caller } from './caller';

/** In-process callers see everything; any other caller only what EVENT_ACCESS gives its role while unlocked. */
export function mayReceiveEvent(event: EventName, caller: Caller): boolean {
  if (isTrustedCaller(caller)) return true;
  return caller.operator !== null && !caller.locked && EVENT_ACCESS[event].includes(caller.operator.role);
}
