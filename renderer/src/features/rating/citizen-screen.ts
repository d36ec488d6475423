/**
 * The citizen-facing screen is the same renderer at `#/rate`. In browser mode the desk opens it as a second,
 * named window (it inherits this tab's bridge session through sessionStorage, as window.open does for a
 * same-origin page) that the clerk drags to the display facing the citizen; in Electron the main process
 * opens it on the second display (electron/main/rating-window.ts).
 */
export const CITIZEN_SCREEN_HASH = '#/rate';
const WINDOW_NAME = 'counter-citizen-screen';

export function isCitizenScreen(hash: string): boolean {
  return hash === CITIZEN_SCREEN_HASH || hash.startsWith(`${CITIZEN_SCREEN_HASH}?`);
}

/** Opens (or brings forward) the citizen screen; false when the browser blocked the window. */
export function openCitizenScreen(): boolean {
  const url = `${window.location.pathname}${window.location.search}${CITIZEN_SCREEN_HASH}`;
  const win = window.open(url, WINDOW_NAME, 'popup,width=1024,height=700');
  win?.focus();
  return win !== null;
}
