/**
 * Card removal ends the session: while the citizen is being served from the card just read, the kiosk asks
 * its reader every POLL_MS whether the card is still there (kiosk.cardPresent: 寻卡 on the ID reader, the
 * 社保卡 reader's card status). Gone → kiosk-store end('card-removed'). Once the case is filed the card is
 * expected to be taken: from the receipt on, taking it only forgets the personal data and moves on to the
 * rating. A reader that cannot tell (null, an error) never ends a session; the idle timeout still does.
 */
import { useEffect } from 'react';
import { api } from '../api/client';
import { useKiosk, type KioskStep } from './kiosk-store';

const POLL_MS = 1500;
const WATCHED: readonly KioskStep[] = ['status', 'place', 'details', 'promise', 'receipt'];

export function useCardWatch(): void {
  const kind = useKiosk((s) => s.card?.kind ?? null);
  const watched = useKiosk((s) => WATCHED.includes(s.step));
  const session = useKiosk((s) => s.session);

  useEffect(() => {
    if (!kind || !watched) return;
    let asking = false;
    let stopped = false;
    const timer = setInterval(() => {
      if (asking) return;
      asking = true;
      api
        .call('kiosk.cardPresent', { card: kind })
        .then(({ present }) => {
          const state = useKiosk.getState();
          if (stopped || present !== false || state.session !== session) return;
          if (state.step === 'receipt') void state.toRating();
          else if (!state.busy) state.end('card-removed');
        })
        .catch(() => undefined)
        .finally(() => (asking = false));
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [kind, watched, session]);
}
