/**
 * The session's permission policy: every permission check and request is denied — except the camera (video
 * only, never the microphone) for the app's own origin, which the 高拍仪 (a UVC document camera) needs —
 * device access from web content (HID, serial, USB) too, and downloads. `isPermissionAllowed` is the one place
 * a permission may ever be granted. Type-only import of electron, so the checklist test runs it in Node.
 */
import type { Session } from 'electron';
import { isAppOriginUrl } from '../../host/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../host/security-headers';

export type SessionLike = Pick<Session, 'setPermissionCheckHandler' | 'setPermissionRequestHandler' | 'setDevicePermissionHandler' | 'on'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/**
 * Whether the renderer at `requestingOrigin` may use `permission`: only `media` for the app's own origin
 * (app://counter), and only when every media type asked for is video (the document camera; no audio).
 * `mediaTypes` is what the request or check names; absent or empty, nothing is granted.
 */
export function isPermissionAllowed(permission: string, requestingOrigin: string, mediaTypes: readonly string[] = []): boolean {
  if (permission !== 'media' || !isAppOriginUrl(requestingOrigin)) return false;
  return mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video');
}

export function applySessionPolicy(session: SessionLike): void {
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, requestingOrigin, details?.mediaType ? [details.mediaType] : []),
  );
  session.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl ?? wc?.getURL() ?? '', 'mediaTypes' in details ? (details.mediaTypes ?? []) : [])),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
  // app:// responses carry the CSP themselves; this covers the dev server in unpackaged runs.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}
