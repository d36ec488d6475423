/**
 * The session's permission policy: every permission check and request is denied, device access from web
 * content (HID, serial, USB) too, and downloads. `isPermissionAllowed` is the one place a permission may
 * ever be granted. Type-only import of electron, so the checklist test runs it in Node.
 */
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../host/security-headers';

export type SessionLike = Pick<Session, 'setPermissionCheckHandler' | 'setPermissionRequestHandler' | 'setDevicePermissionHandler' | 'on'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/**
 * Whether the renderer at `requestingOrigin` may use `permission`. Nothing is allowed today.
 * TODO(camera): the 高拍仪/document camera will need `media` (video only) for the app's own origin
 * (APP_ORIGIN from electron/host/app-origin.ts); allow exactly that here, and nothing else.
 */
export function isPermissionAllowed(permission: string, requestingOrigin: string): boolean {
  void permission;
  void requestingOrigin;
  return false;
}

export function applySessionPolicy(session: SessionLike): void {
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  session.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl ?? wc?.getURL() ?? '')),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  // app:// responses carry the CSP themselves; this covers the dev server in unpackaged runs.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
