/**
 * Who is signed in on this window, as the host sees it. auth.status is the truth (public and passive: it
 * neither needs a session nor keeps one awake); it is asked at start, on reconnect, every few seconds, and
 * whenever any call is refused with auth-required / auth-locked. Leaving the signed-in phase forgets every
 * person on screen (./clear-person-data).
 */
import { create } from 'zustand';
import { AUTH_ERROR, type AuthStatus, type Operator } from '../../../electron/contract/features/auth';
import { api, errorMessage } from '../api/client';
import { useDesk } from '../store/desk-store';
import { landingView } from './access';
import { clearPersonData } from './clear-person-data';

export type AuthPhase = 'connecting' | 'setup' | 'sign-in' | 'locked' | 'signed-in';

interface AuthState {
  phase: AuthPhase;
  operator: Operator | null;
  idleLockSeconds: number;
  /** Why the sign-in screen is shown again (session ended elsewhere, disabled…), shown above the form. */
  notice: string | null;
  refresh(): Promise<void>;
  /** After auth.signIn / auth.setupAdmin / auth.unlock answered with the operator. */
  signedIn(op: Operator): void;
  lock(): Promise<void>;
  signOut(): Promise<void>;
  sessionRefused(code: string, message: string): void;
}

function phaseOf(s: AuthStatus): AuthPhase {
  if (s.setupRequired) return 'setup';
  if (!s.operator) return 'sign-in';
  return s.locked ? 'locked' : 'signed-in';
}

export const useAuth = create<AuthState>((set, get) => {
  /** Bumped by every local transition, so an auth.status answer sent before it cannot undo it. */
  let epoch = 0;
  /** Moves to a phase; anything but 'signed-in' clears the people on screen first. */
  const enter = (phase: AuthPhase, patch: Partial<AuthState> = {}) => {
    epoch++;
    if (phase !== 'signed-in') clearPersonData();
    set({ phase, ...patch });
  };

  return {
    phase: 'connecting',
    operator: null,
    idleLockSeconds: 0,
    notice: null,
    async refresh() {
      let status: AuthStatus;
      const asked = epoch;
      try {
        status = await api.call('auth.status');
      } catch {
        return; // disconnected: the banner says so; the next reconnect asks again
      }
      if (asked !== epoch) return;
      const before = get();
      const phase = phaseOf(status);
      // Only auth.unlock (signedIn) takes the lock away, never a status answer.
      if (before.phase === 'locked' && phase === 'signed-in' && before.operator?.code === status.operator?.code) return;
      const operatorChanged = before.operator?.code !== status.operator?.code;
      if (phase === before.phase && !operatorChanged && status.idleLockSeconds === before.idleLockSeconds) return;
      const ended = (before.phase === 'signed-in' || before.phase === 'locked') && phase === 'sign-in';
      const notice = phase !== 'sign-in' ? null : ended ? '会话已结束，请重新登录' : before.notice;
      enter(phase, { operator: status.operator, idleLockSeconds: status.idleLockSeconds, notice });
      if (phase === 'signed-in' && (before.phase !== 'locked' || operatorChanged)) useDesk.getState().setView(landingView(status.operator?.role) ?? 'desk');
    },
    signedIn(op) {
      const wasLocked = get().phase === 'locked' && get().operator?.code === op.code;
      enter('signed-in', { operator: op, notice: null });
      // An unlock goes back to the page the operator left; a sign-in starts on the role's first page.
      if (!wasLocked) useDesk.getState().setView(landingView(op.role) ?? 'desk');
      void get().refresh();
    },
    async lock() {
      // The screen locks at once; the host is told too (a host that already locked itself answers auth-locked).
      enter('locked');
      await api.call('auth.lock').catch(() => undefined);
    },
    async signOut() {
      try {
        await api.call('auth.signOut');
        enter('sign-in', { operator: null, notice: '已签退' });
      } catch (err) {
        // The host is unreachable: still leave the desk; the session is checked again on reconnect.
        enter('sign-in', { operator: null, notice: `已退出本机界面；${errorMessage(err)}` });
      }
    },
    sessionRefused(code, message) {
      if (code === AUTH_ERROR.locked) {
        if (get().phase === 'signed-in') enter('locked');
      } else if (code === AUTH_ERROR.required && get().phase !== 'sign-in' && get().phase !== 'setup') {
        enter('sign-in', { operator: null, notice: message === '请先登录' ? '会话已结束，请重新登录' : message });
        void get().refresh();
      }
    },
  };
});
