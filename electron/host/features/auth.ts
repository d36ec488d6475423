/**
 * Sign-in, lock and operators in the app. The signed-in operator lives on the connection's Caller
 * (./caller): auth.signIn / auth.setupAdmin set it, auth.signOut clears it, auth.lock and idling lock it.
 * Signing out at shift end also signs that operator out of the platform (9002), through the client it is
 * given. Sign-ins, failures, lockouts and operator changes go to the audit log with the acting 工号.
 */
import { AppError } from '../../contract/errors';
import type { Operator } from '../../contract/features/auth';
import { SignInRefused } from '../../services/operators/operator-store';
import type { PlatformClient } from '../../services/platform/client';
import { actingOperator, envelopeOperatorOf } from '../acting-operator';
import type { Caller } from '../caller';
import type { Feature } from '../context';
import type { OperatorSessions } from '../operator-sessions';

export interface AuthDeps {
  sessions: OperatorSessions;
  platformClient: PlatformClient;
}

export const authFeature: Feature<AuthDeps> = (ctx, { sessions, platformClient }) => {
  const { operators } = sessions;
  const idleLockMs = sessions.rules.idleLockMs;
  const now = () => ctx.clock().getTime();
  const ok = { ok: true as const };
  const audit = (actor: string, action: string, detail: Record<string, unknown>) => ctx.audit.record(actor, action, detail);

  const signInto = (caller: Caller, op: Operator) => {
    caller.operator = { code: op.code, name: op.name, role: op.role };
    caller.locked = false;
    caller.lastActivityAt = now();
  };

  /** Checks a password, recording the failure (and a lockout) in the audit trail before rethrowing. */
  const verify = async (code: string, password: string, purpose: string, session: string): Promise<Operator> => {
    try {
      return await operators.verify(code, password);
    } catch (err) {
      if (err instanceof SignInRefused) {
        audit(code, `${purpose}-failed`, { reason: err.reason, session });
        if (err.lockedNow) audit(code, 'auth.lockout', { minutes: ctx.config.security.lockoutMinutes, session });
      }
      throw err;
    }
  };

  /** 9002 for the operator leaving; the platform being down must not keep them signed in here. */
  const signOutOfPlatform = async (op: Operator) => {
    await Promise.race([platformClient.signOut(envelopeOperatorOf(op)).catch(() => undefined), new Promise((r) => setTimeout(r, 2000).unref())]);
  };

  return {
    'auth.status': (_, caller) => ({
      setupRequired: operators.count() === 0,
      operator: caller.operator ? { code: caller.operator.code, name: caller.operator.name, role: caller.operator.role } : null,
      locked: caller.operator ? caller.locked : false,
      idleLockSeconds: idleLockMs / 1000,
    }),
    'auth.setupAdmin': async ({ code, name, password }, caller) => {
      const rec = await operators.addFirstAdmin({ code, name, password });
      const op: Operator = { code: rec.code, name: rec.name, role: rec.role };
      operators.markSignedIn(op.code);
      signInto(caller, op);
      audit(op.code, 'auth.setup-admin', { code: op.code, name: op.name, session: caller.id });
      return op;
    },
    'auth.signIn': async ({ code, password }, caller) => {
      const previous = caller.operator;
      const op = await verify(code, password, 'auth.sign-in', caller.id);
      if (previous && previous.code !== op.code) audit(previous.code, 'auth.sign-out', { session: caller.id, replacedBy: op.code });
      operators.markSignedIn(op.code);
      signInto(caller, op);
      audit(op.code, 'auth.sign-in', { session: caller.id, transport: caller.transport });
      return op;
    },
    'auth.signOut': async (_, caller) => {
      const op = caller.operator;
      caller.operator = null;
      caller.locked = false;
      if (op) {
        audit(op.code, 'auth.sign-out', { session: caller.id });
        await signOutOfPlatform(op);
      }
      return ok;
    },
    // dispatch already counted the call as activity; nothing else to do.
    'auth.touch': () => ({ ok: true as const }),
    'auth.lock': (_, caller) => {
      const op = actingOperator(caller);
      caller.locked = true;
      audit(op.code, 'auth.lock', { session: caller.id });
      return ok;
    },
    'auth.unlock': async ({ password }, caller) => {
      const current = actingOperator(caller);
      try {
        const op = await verify(current.code, password, 'auth.unlock', caller.id);
        signInto(caller, op);
        audit(op.code, 'auth.unlock', { session: caller.id });
        return op;
      } catch (err) {
        // Locked out (or disabled) while the screen was locked: the session ends; someone must sign in afresh.
        if (err instanceof SignInRefused && err.reason !== 'wrong-password') {
          caller.operator = null;
          caller.locked = false;
        }
        throw err;
      }
    },
    'auth.changePassword': async ({ oldPassword, newPassword }, caller) => {
      const op = actingOperator(caller);
      if (oldPassword === newPassword) throw new AppError('invalid-input', '新密码不能与原密码相同');
      await verify(op.code, oldPassword, 'auth.change-password', caller.id);
      await operators.setPassword(op.code, newPassword);
      audit(op.code, 'auth.change-password', { session: caller.id });
      return ok;
    },
    'operators.list': () => operators.list(),
    'operators.add': async ({ code, name, role, password }, caller) => {
      const rec = await operators.add({ code, name, role, password });
      audit(actingOperator(caller).code, 'operators.add', { code: rec.code, name: rec.name, role: rec.role });
      return rec;
    },
    'operators.setPassword': async ({ code, password }, caller) => {
      await operators.setPassword(code, password);
      audit(actingOperator(caller).code, 'operators.set-password', { code });
      return ok;
    },
    'operators.setDisabled': ({ code, disabled: off }, caller) => {
      const actor = actingOperator(caller);
      if (off && actor.code.toLowerCase() === code.toLowerCase()) throw new AppError('invalid-input', '不能停用自己的工号');
      const rec = operators.setDisabled(code, off);
      sessions.markDisabled(rec.code, rec.disabled);
      audit(actor.code, off ? 'operators.disable' : 'operators.enable', { code: rec.code });
      return rec;
    },
  };
};
