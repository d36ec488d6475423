/**
 * The operators and the session rules built on them: idle lock, and disabled operators losing their open
 * sessions at their next call (kept in memory: one check per call). Built by the composition root; the auth
 * feature updates the disabled set, the cases feature verifies a supervisor, the root binds the rules.
 */
import { OperatorStore } from '../services/operators/operator-store';
import type { AppContext } from './context';
import type { SessionRules } from './session-guard';

export interface OperatorSessions {
  operators: OperatorStore;
  rules: SessionRules;
  /** Keeps the in-memory disabled set in step with operators.setDisabled. */
  markDisabled(code: string, disabled: boolean): void;
}

export function createOperatorStore(ctx: Pick<AppContext, 'db' | 'clock' | 'config'>): OperatorStore {
  return new OperatorStore(ctx.db, { clock: ctx.clock, lockout: ctx.config.security });
}

export function createOperatorSessions(ctx: AppContext): OperatorSessions {
  const operators = createOperatorStore(ctx);
  void operators.warmUp().catch(() => undefined);
  const disabled = new Set(operators.list().filter((o) => o.disabled).map((o) => o.code.toLowerCase()));
  const rules: SessionRules = {
    clock: ctx.clock,
    idleLockMs: ctx.config.security.idleLockMinutes * 60_000,
    onIdleLock: (caller) => ctx.audit.record(caller.operator!.code, 'auth.idle-lock', { session: caller.id }),
    isOperatorActive: (code) => !disabled.has(code.toLowerCase()),
  };
  return {
    operators,
    rules,
    markDisabled: (code, off) => void (off ? disabled.add(code.toLowerCase()) : disabled.delete(code.toLowerCase())),
  };
}
