/**
 * The 好差评 screen facing the citizen, as a second window on the second display (a counter has one screen for
 * the clerk and a small one turned towards the citizen). Without a second display there is no such window; the
 * clerk's receipt still shows that a rating was requested. Display choice is a pure function, tested in Node.
 */
import type { BrowserWindow as BrowserWindowType, Display } from 'electron';
import { citizenWindowOptions } from './security/window-options';

type DisplayLike = Pick<Display, 'id' | 'bounds'>;

/** The display facing the citizen: the first one that is not the primary (the clerk's), or none. */
export function pickCitizenDisplay<D extends DisplayLike>(displays: readonly D[], primaryId: number): D | null {
  return displays.find((d) => d.id !== primaryId) ?? null;
}

/** `#/rate` of the renderer entry, which the renderer shows as the citizen screen. */
export function citizenScreenUrl(entryUrl: string): string {
  return `${entryUrl.split('#')[0]}#/rate`;
}

export function openCitizenWindow(
  BrowserWindow: typeof BrowserWindowType,
  display: DisplayLike,
  opts: { preload: string; isPackaged: boolean; entryUrl: string },
): BrowserWindowType {
  const win = new BrowserWindow(citizenWindowOptions({ preload: opts.preload, isPackaged: opts.isPackaged, bounds: display.bounds }));
  win.setMenu(null);
  win.once('ready-to-show', () => win.showInactive());
  void win.loadURL(citizenScreenUrl(opts.entryUrl));
  return win;
}
