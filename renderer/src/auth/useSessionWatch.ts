/**
 * Keeps the screen in step with the host's view of this session: asks auth.status at start, on every
 * reconnect and every few seconds; reacts to any call refused as signed-out or locked; and locks the screen
 * after `idleLockSeconds` without a key press, click or mouse move. While the operator is active without
 * calling the host (typing a long form), a light call now and then tells the host so (./access keepAliveMethod),
 * so the host's own idle lock does not fire under a busy clerk's hands.
 */
import { useEffect } from 'react';
import { api } from '../api/client';
import { pollEvery } from '../api/poll';
import { useDesk } from '../store/desk-store';
import { keepAliveMethod } from './access';
import { useAuth } from './auth-store';

const POLL_MS = 10_000;
const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const;

export function useSessionWatch(): void {
  const phase = useAuth((s) => s.phase);
  const idleLockSeconds = useAuth((s) => s.idleLockSeconds);
  const role = useAuth((s) => s.operator?.role);

  useEffect(() => {
    const { refresh, sessionRefused } = useAuth.getState();
    const offRefused = api.onSessionRefused(sessionRefused);
    const offConn = api.onConnection((c) => {
      useDesk.getState().setHostConnected(c);
      if (c) void refresh();
    });
    void refresh();
    const stopPolling = pollEvery(refresh, POLL_MS);
    return () => {
      offRefused();
      offConn();
      stopPolling();
    };
  }, []);

  useEffect(() => {
    if (phase !== 'signed-in' || idleLockSeconds <= 0) return;
    const idleMs = idleLockSeconds * 1000;
    const keepAliveEveryMs = Math.min(60_000, idleMs / 3);
    const keepAlive = keepAliveMethod(role);
    let lastActivity = Date.now();
    let lastKeepAlive = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const onActivity = () => {
      lastActivity = Date.now();
      if (keepAlive && lastActivity - lastKeepAlive >= keepAliveEveryMs) {
        lastKeepAlive = lastActivity;
        void api.call(keepAlive).catch(() => undefined);
      }
    };
    const check = () => {
      const idle = Date.now() - lastActivity;
      if (idle >= idleMs) void useAuth.getState().lock();
      else timer = setTimeout(check, idleMs - idle);
    };
    timer = setTimeout(check, idleMs);
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [phase, idleLockSeconds, role]);
}
