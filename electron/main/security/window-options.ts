/**
 * The shell's windows, as data a plain-Node test checks (test/unit/electron/main/security/security-checklist.test.ts):
 * isolated, sandboxed, no Node, web security on, no <webview>, DevTools and the dev server only when the app
 * is not packaged. Type-only import of electron.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { APP_ENTRY_URL } from '../../host/app-origin';

const LOCKED_DOWN: WebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
};

/** config.json `profile`: a hall counter or hospital desk (an ordinary window), or a self-service kiosk whose window is locked (see below). */
export type WindowProfile = 'counter' | 'hospital' | 'kiosk';

export function mainWindowOptions(opts: { preload: string; isPackaged: boolean; profile?: WindowProfile }): BrowserWindowConstructorOptions {
  if (opts.profile === 'kiosk') return kioskWindowOptions(opts);
  return {
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    title: '医保综合柜员工作站',
    show: false,
    webPreferences: { ...LOCKED_DOWN, preload: opts.preload, devTools: !opts.isPackaged },
  };
}

/**
 * The kiosk's one window: Electron kiosk mode (fullscreen, always on top, no leaving it), no frame, no menu,
 * nothing to resize, minimise or close, and no DevTools even in a development run — a citizen stands at it.
 * Navigation is blocked for every webContents anyway (./navigation.ts); the shell also removes the menu, and
 * with it every reload/DevTools accelerator, and swallows the keys in KIOSK_BLOCKED_KEYS.
 */
function kioskWindowOptions(opts: { preload: string }): BrowserWindowConstructorOptions {
  return {
    width: 1080,
    height: 1920,
    title: '医保自助服务',
    show: false,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    closable: false,
    webPreferences: { ...LOCKED_DOWN, preload: opts.preload, devTools: false },
  };
}

/** What the shell does to the kiosk window right after creating it (electron/main/index.ts). */
export const KIOSK_SHELL = { removeMenu: true, blockKeys: true } as const;

export interface KeyInput {
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

/** Reload, DevTools, print, close, fullscreen toggles, back/forward and zoom: none of them at a kiosk. */
export const KIOSK_BLOCKED_KEYS: ReadonlyArray<{ key: string; mod?: 'ctrl' | 'alt' | 'ctrl+shift' }> = [
  { key: 'F5' },
  { key: 'F11' },
  { key: 'F12' },
  { key: 'r', mod: 'ctrl' },
  { key: 'w', mod: 'ctrl' },
  { key: 'p', mod: 'ctrl' },
  { key: 'q', mod: 'ctrl' },
  { key: '+', mod: 'ctrl' },
  { key: '-', mod: 'ctrl' },
  { key: '=', mod: 'ctrl' },
  { key: 'i', mod: 'ctrl+shift' },
  { key: 'j', mod: 'ctrl+shift' },
  { key: 'c', mod: 'ctrl+shift' },
  { key: 'r', mod: 'ctrl+shift' },
  { key: 'F4', mod: 'alt' },
  { key: 'ArrowLeft', mod: 'alt' },
  { key: 'ArrowRight', mod: 'alt' },
];

/** Whether a key press in the kiosk window is swallowed (Ctrl and Cmd count alike). */
export function isKioskBlockedKey(input: KeyInput): boolean {
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const ctrl = input.control || input.meta;
  return KIOSK_BLOCKED_KEYS.some((b) => {
    if (b.key !== key) return false;
    if (!b.mod) return true;
    if (b.mod === 'alt') return input.alt;
    if (b.mod === 'ctrl') return ctrl;
    return ctrl && input.shift;
  });
}

/**
 * The citizen-facing 好差评 screen on the second display: the same locked-down preferences and bridge,
 * fullscreen on that display's bounds, no frame, no menu (the citizen cannot navigate or close it).
 */
export function citizenWindowOptions(opts: {
  preload: string;
  isPackaged: boolean;
  bounds: { x: number; y: number; width: number; height: number };
}): BrowserWindowConstructorOptions {
  return {
    ...opts.bounds,
    title: '服务评价',
    show: false,
    frame: false,
    fullscreen: true,
    autoHideMenuBar: true,
    closable: false,
    webPreferences: { ...LOCKED_DOWN, preload: opts.preload, devTools: !opts.isPackaged },
  };
}

/** The hidden window that renders an A4 form for print/printToPDF: no preload and no JavaScript at all. */
export function formWindowOptions(opts: { isPackaged: boolean }): BrowserWindowConstructorOptions {
  return { show: false, webPreferences: { ...LOCKED_DOWN, javascript: false, devTools: !opts.isPackaged } };
}

/** What the main window loads: the app:// page; the dev server only in an unpackaged development run. */
export function rendererEntryUrl(opts: { isPackaged: boolean; env: NodeJS.ProcessEnv }): string {
  return devServerUrl(opts) ?? APP_ENTRY_URL;
}

/** ELECTRON_RENDERER_URL, honoured only when not packaged and only for an http(s) loopback address. */
export function devServerUrl(opts: { isPackaged: boolean; env: NodeJS.ProcessEnv }): string | undefined {
  const raw = opts.env.ELECTRON_RENDERER_URL;
  if (opts.isPackaged || !raw) return undefined;
  try {
    const url = new URL(raw);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopback ? url.href : undefined;
  } catch {
    return undefined;
  }
}
