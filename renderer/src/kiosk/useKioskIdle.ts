/**
 * The kiosk's idle timeout: while a citizen's session is open, `idleSeconds` without a touch, a key or a
 * click ends it (kiosk-store end('idle'): every personal detail gone). The last `warnSeconds` are counted
 * down on screen; any touch starts the count again. A running host call (reading the card, filing, printing)
 * is not idleness. Returns the seconds left while the countdown shows, else null.
 */
import { useEffect, useState } from 'react';
import { useKiosk } from './kiosk-store';

const ACTIVITY_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;
const TICK_MS = 250;

export function useKioskIdle(): number | null {
  const active = useKiosk((s) => s.step !== 'start');
  const session = useKiosk((s) => s.session);
  const { idleSeconds, warnSeconds } = useKiosk((s) => s.settings);
  const [left, setLeft] = useState<number | null>(null);

  useEffect(() => {
    setLeft(null);
    if (!active) return;
    const idleMs = idleSeconds * 1000;
    let last = Date.now();
    const onActivity = () => {
      last = Date.now();
      setLeft(null);
    };
    const tick = () => {
      if (useKiosk.getState().busy) last = Date.now();
      const remaining = Math.ceil((idleMs - (Date.now() - last)) / 1000);
      if (remaining <= 0) {
        useKiosk.getState().end('idle');
        return;
      }
      setLeft(remaining <= warnSeconds ? remaining : null);
    };
    const timer = setInterval(tick, TICK_MS);
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { capture: true, passive: true });
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [active, session, idleSeconds, warnSeconds]);

  return left;
}
