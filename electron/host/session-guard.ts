/**
 * The check `dispatch` makes before a handler runs: is this connection signed in, unlocked, and does its
 * operator's role reach the method (ACCESS_POLICY)? It also locks an idle session, on the app clock, the
 * moment its next call arrives — so the lock needs no timer and a fake clock drives it in tests. A kiosk is
 * not locked (unattended, it would wait for staff); what its idle customer could reach lapses instead
 * (./kiosk-scope).
 * The composition root binds each handler map to its app's clock and idle limit; a bare handler map (unit
 * tests) gets the real clock and no idle lock.
 */
import type { MethodName } from '../contract/api';
import { AUTH_ERROR, ROLE_LABEL } from '../contract/features/auth';
import { ACCESS_POLICY } from '../contract/access-policy';
import { isTrustedCaller, type Caller } from './caller';

export interface SessionRules {
  clock: () => Date;
  /** Inactivity before a session locks itself; 0 = never. */
  idleLockMs: number;
  /** Told when a session was just locked for idling (the audit trail). */
  onIdleLock?(caller: Caller): void;
  /** False for an operator disabled since signing in: the session ends at its next call. */
  isOperatorActive?(code: string): boolean;
  /** Told of every refused call (the audit trail: a forced call from a page is evidence). */
  onRefused?(method: MethodName, caller: Caller, refusal: Refusal): void;
}

export interface Refusal {
  code: string;
  message: string;
}

const rulesByHandlers = new WeakMap<object, SessionRules>();
const DEFAULT_RULES: SessionRules = { clock: () => new Date(), idleLockMs: 0 };

export function bindSessionRules(handlers: object, rules: SessionRules): void {
  rulesByHandlers.set(handlers, rules);
}

export function sessionRulesOf(handlers: object): SessionRules {
  return rulesByHandlers.get(handlers) ?? DEFAULT_RULES;
}


/** Locks a signed-in session that has been idle for too long. Returns true when it locked it just now. */
export function applyIdleLock(caller: Caller, rules: SessionRules): boolean {
  if (!caller.operator || caller.locked || rules.idleLockMs <= 0 || isTrustedCaller(caller)) return false;
  // An unattended kiosk would stay locked until staff came by; its customer's scope lapses instead (./kiosk-scope).
  if (caller.operator.role === 'kiosk') return false;
  if (rules.clock().getTime() - caller.lastActivityAt < rules.idleLockMs) return false;
  caller.locked = true;
  rules.onIdleLock?.(caller);
  return true;
}

/** null when the call may proceed (and then it counts as activity unless passive), else the refusal. */
export function admit(method: MethodName, caller: Caller, rules: SessionRules): Refusal | null {
  if (isTrustedCaller(caller)) return null;
  applyIdleLock(caller, rules);
  const access = ACCESS_POLICY[method];
  if (access.kind === 'public') return null;
  const operator = caller.operator;
  if (!operator) return { code: AUTH_ERROR.required, message: '请先登录' };
  if (rules.isOperatorActive && !rules.isOperatorActive(operator.code)) {
    caller.operator = null;
    caller.locked = false;
    return { code: AUTH_ERROR.required, message: '该工号已停用，请联系系统管理员' };
  }
  if (access.kind === 'session') return null;
  if (caller.locked) return { code: AUTH_ERROR.locked, message: '工作站已锁定，请输入密码解锁' };
  if (!access.roles.includes(operator.role)) {
    return { code: AUTH_ERROR.forbidden, message: `${ROLE_LABEL[operator.role]}无权执行此操作（${method}）` };
  }
  if (!access.passive) caller.lastActivityAt = rules.clock().getTime();
  return null;
}
