/**
 * The app:// protocol that serves the built renderer in the Electron shell instead of file://: a standard,
 * secure scheme (so 'self' in the CSP means app://counter and nothing else on disk), every response with
 * the CSP and security headers, paths outside out/renderer refused. The handler is a plain
 * `(Request) => Promise<Response>`, tested in Node.
 */
import type { CustomScheme } from 'electron';
import fs from 'node:fs';
import { APP_HOST, APP_SCHEME } from '../../host/app-origin';
import { resolveRendererFile } from '../../host/renderer-files';
import { SECURITY_HEADERS } from '../../host/security-headers';

/** Passed to protocol.registerSchemesAsPrivileged before the app is ready. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
    codeCache: true,
  },
};

export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const text = (status: number, body: string, extra: Record<string, string> = {}) =>
      new Response(body, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra } });
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return text(400, '请求地址不正确');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return text(404, '未找到');
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, '不支持的请求方法', { Allow: 'GET, HEAD' });
    const found = resolveRendererFile(rendererRoot, url.pathname);
    if (found.status !== 200) return text(found.status, found.reason);
    const body = request.method === 'HEAD' ? null : await fs.promises.readFile(found.file);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': found.contentType } });
  };
}
