/**
 * Which IPC senders the shell answers: only the app's own main frame, showing the app's own page on
 * app://counter (or, in an unpackaged development run only, the dev server's origin). Pure, so it is
 * tested without Electron.
 */
import { isAppOriginUrl } from './app-origin';

export interface IpcSender {
  /** The sender is the main window's webContents. */
  isAppWindow: boolean;
  /** The message came from that window's top frame, not an iframe. */
  isMainFrame: boolean;
  url: string;
}

/** `devServerUrl` must be passed only when the app is not packaged. */
export function isTrustedSender(sender: IpcSender, devServerUrl?: string): boolean {
  if (!sender.isAppWindow || !sender.isMainFrame) return false;
  if (devServerUrl) {
    try {
      return new URL(sender.url).origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return isAppOriginUrl(sender.url);
}
