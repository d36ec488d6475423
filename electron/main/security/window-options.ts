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

export function mainWindowOptions(opts: { preload: string; isPackaged: boolean }): BrowserWindowConstructorOptions {
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
