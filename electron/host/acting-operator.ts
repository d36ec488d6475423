/**
 * The operator a call acts for, as the services need it: the case's acceptor, the audit actor and the
 * platform envelope's opter/opter_name/opter_type all come from the connection's Caller, never config.json.
 */
import { AppError } from '../contract/errors';
import { AUTH_ERROR, type Operator } from '../contract/features/auth';
import type { EnvelopeOperator } from '../services/platform/client';
import type { Caller } from './caller';

/** The signed-in operator (in-process callers carry `system` from inProcessCaller()). */
export function actingOperator(caller: Caller): Operator {
  if (caller.operator) return caller.operator;
  throw new AppError(AUTH_ERROR.required, '请先登录');
}

/** opter_type 2 for a self-service kiosk, 1 for every operator at a counter. */
export function envelopeOperatorOf(op: Operator): EnvelopeOperator & { type: 1 | 2 } {
  return { code: op.code, name: op.name, type: op.role === 'kiosk' ? 2 : 1 };
}
