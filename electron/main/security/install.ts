/**
 * Wires the shell's security policy into Electron: the privileged app:// scheme (before ready), the
 * navigation/new-window block on every webContents ever created, and after ready the session policy and the
 * app:// handler. Takes the Electron objects as arguments (type-only import), so the checklist test drives
 * it with stand-ins.
 */
import type { App, Protocol } from 'electron';
import { APP_SCHEME } from '../../host/app-origin';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { hardenWebContents } from './navigation';
import { applySessionPolicy, type SessionLike } from './session-policy';

/** Must run before `app.whenReady()` resolves. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Every webContents (windows, A4 form windows, anything a library opens) is held where it was loaded. */
export function hardenEveryWebContents(app: Pick<App, 'on'>, openExternal: (url: string) => void): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));
}

/** After ready: deny every permission and serve the renderer from app://counter. */
export function secureSession(session: SessionLike & { protocol: Pick<Protocol, 'handle'> }, rendererRoot: string): void {
  applySessionPolicy(session);
  session.protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRoot));
}
