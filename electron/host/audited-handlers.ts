/**
 * Applies the audit policy (./audit-policy) to the handlers, once, in the composition root: after a
 * successful call the rule's row is appended, with the actor, session and transport taken from the Caller;
 * where the rule says so, a failed call is recorded too (with its error code). If the row cannot be written
 * the call fails: personal data is never handed out unrecorded.
 */
import type { MethodName } from '../contract/api';
import { boundaryError } from './error-mapping';
import type { AuditLog } from '../services/audit/audit-log';
import type { AuditPolicy, AuditRule } from './audit-policy';
import type { Caller } from './caller';
import type { Handlers } from './dispatch';

/** Nobody signed in on this connection (a refused or public call). */
export const ANONYMOUS_ACTOR = 'anonymous';

export const auditActor = (caller: Caller): string => caller.operator?.code ?? ANONYMOUS_ACTOR;

type AnyHandler = (input: unknown, caller: Caller) => unknown;
type AnyRule = AuditRule<MethodName> & {
  action?: (i: unknown, o: unknown) => string;
  detail: (i: unknown, o: unknown) => Record<string, unknown>;
  failure?: (i: unknown) => Record<string, unknown>;
};

export function withAudit(handlers: Handlers, policy: AuditPolicy, audit: AuditLog): Handlers {
  const out: Record<string, AnyHandler> = {};
  for (const method of Object.keys(handlers) as MethodName[]) {
    const handler = handlers[method] as AnyHandler;
    const rule = policy[method] as AnyRule | null | undefined;
    if (rule === undefined) throw new Error(`audit policy has no decision for ${method}`);
    if (rule === null) {
      out[method] = handler;
      continue;
    }
    out[method] = async (input, caller) => {
      const origin = { callerId: caller.id, transport: caller.transport };
      let output: unknown;
      try {
        output = await handler(input, caller);
      } catch (err) {
        if (rule.failure) audit.record(auditActor(caller), method, { ...rule.failure(input), failed: boundaryError(err).code }, origin);
        throw err;
      }
      audit.record(auditActor(caller), rule.action?.(input, output) ?? method, rule.detail(input, output), origin);
      return output;
    };
  }
  return out as Handlers;
}
