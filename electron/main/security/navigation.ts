/**
 * Every webContents the shell creates (the main window, A4 form windows, anything else) is held where it
 * was loaded: no navigation, no redirect, no new window, no <webview>. Links may open in the OS browser
 * only for https hosts on EXTERNAL_URL_HOSTS (empty today). Type-only import of electron.
 */
import type { WebContents } from 'electron';

/** https hosts `shell.openExternal` may open (e.g. a province's public service site); none yet. */
export const EXTERNAL_URL_HOSTS: readonly string[] = [];

export function isAllowedExternalUrl(raw: string, hosts: readonly string[] = EXTERNAL_URL_HOSTS): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && hosts.includes(url.hostname);
  } catch {
    return false;
  }
}

export type WebContentsLike = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenWebContents(contents: WebContentsLike, openExternal: (url: string) => void, hosts: readonly string[] = EXTERNAL_URL_HOSTS): void {
  const block = (event: { preventDefault(): void }) => event.preventDefault();
  contents.on('will-navigate', block);
  // Renderer-initiated navigation of any frame (the app's own loads come from loadURL and are not affected).
  contents.on('will-frame-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-attach-webview', block);
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url, hosts)) openExternal(url);
    return { action: 'deny' };
  });
}
