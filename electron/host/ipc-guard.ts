/**
 * Which IPC senders the shell answers: only the app's own main frame, showing the app's own page
 * (the built renderer file, or the dev server's origin during development). Pure, so it is tested
 * without Electron.
 */
export interface IpcSender {
  /** The sender is the main window's webContents. */
  isAppWindow: boolean;
  /** The message came from that window's top frame, not an iframe. */
  isMainFrame: boolean;
  url: string;
}

export function isTrustedSender(sender: IpcSender, rendererFile: string, devServerUrl?: string): boolean {
  if (!sender.isAppWindow || !sender.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return false;
  }
  if (devServerUrl) return url.origin === new URL(devServerUrl).origin;
  if (url.protocol !== 'file:') return false;
  return decodeURIComponent(url.pathname).replace(/\\/g, '/').endsWith(rendererFile.replace(/\\/g, '/'));
}
