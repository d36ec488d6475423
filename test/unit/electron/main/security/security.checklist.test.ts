/**
 * The Electron hardening checklist, checked without Electron: the shell's window options, session policy,
 * app:// protocol, navigation block and fuses are data and small functions (type-only imports of electron),
 * driven here with stand-ins. Each test fails if one checklist item is switched off.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire, FuseState } from '@electron/fuses';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../../../../electron/host/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../../../../electron/host/security-headers';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../../../../../electron/main/security/app-protocol';
import { FUSES } from '../../../../../electron/main/security/fuses';
import { hardenEveryWebContents, registerAppScheme, secureSession } from '../../../../../electron/main/security/install';
import { EXTERNAL_URL_HOSTS, isAllowedExternalUrl } from '../../../../../electron/main/security/navigation';
import { formWindowOptions, mainWindowOptions, rendererEntryUrl } from '../../../../../electron/main/security/window-options';
import { applyFuses } from '../../../../../scripts/apply-fuses';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-security-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('window webPreferences', () => {
  for (const [name, options] of [
    ['main window', (isPackaged: boolean) => mainWindowOptions({ preload: '/app/out/preload/index.cjs', isPackaged })],
    ['A4 form window', (isPackaged: boolean) => formWindowOptions({ isPackaged })],
  ] as const) {
    it(`${name}: isolated, sandboxed, no Node, web security on, no webview`, () => {
      const prefs = options(true).webPreferences!;
      expect(prefs.contextIsolation).toBe(true);
      expect(prefs.sandbox).toBe(true);
      expect(prefs.nodeIntegration).toBe(false);
      expect(prefs.nodeIntegrationInWorker).toBe(false);
      expect(prefs.nodeIntegrationInSubFrames).toBe(false);
      expect(prefs.webSecurity).toBe(true);
      expect(prefs.allowRunningInsecureContent).toBe(false);
      expect(prefs.webviewTag).toBe(false);
      expect(prefs.experimentalFeatures).toBe(false);
      expect(prefs.navigateOnDragDrop).toBe(false);
    });
    it(`${name}: DevTools only when not packaged`, () => {
      expect(options(true).webPreferences!.devTools).toBe(false);
      expect(options(false).webPreferences!.devTools).toBe(true);
    });
  }

  it('main window: the preload is the bundled one; the A4 form window has no preload and no JavaScript', () => {
    expect(mainWindowOptions({ preload: '/p/index.cjs', isPackaged: true }).webPreferences!.preload).toBe('/p/index.cjs');
    expect(formWindowOptions({ isPackaged: true }).webPreferences!.preload).toBeUndefined();
    expect(formWindowOptions({ isPackaged: true }).webPreferences!.javascript).toBe(false);
  });

  it('loads app://counter, and the dev server only when not packaged and only on loopback', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(rendererEntryUrl({ isPackaged: true, env })).toBe(APP_ENTRY_URL);
    expect(rendererEntryUrl({ isPackaged: false, env })).toBe('http://localhost:5173/');
    expect(rendererEntryUrl({ isPackaged: false, env: {} })).toBe('app://counter/index.html');
    expect(rendererEntryUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } })).toBe(APP_ENTRY_URL);
    expect(rendererEntryUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'file:///tmp/x.html' } })).toBe(APP_ENTRY_URL);
    expect(rendererEntryUrl({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'garbage' } })).toBe(APP_ENTRY_URL);
  });
});

/** A stand-in Session that records the handlers the policy installs. */
function fakeSession() {
  const emitter = new EventEmitter();
  const s = {
    check: null as null | ((...a: unknown[]) => boolean),
    request: null as null | ((...a: unknown[]) => void),
    device: null as null | ((...a: unknown[]) => boolean),
    headers: null as null | ((details: unknown, cb: (r: unknown) => void) => void),
    handled: new Map<string, (r: Request) => Promise<Response>>(),
  };
  const session = {
    setPermissionCheckHandler: (h: never) => (s.check = h),
    setPermissionRequestHandler: (h: never) => (s.request = h),
    setDevicePermissionHandler: (h: never) => (s.device = h),
    on: (event: string, l: (...a: unknown[]) => void) => emitter.on(event, l),
    webRequest: { onHeadersReceived: (h: never) => (s.headers = h) },
    protocol: { handle: (scheme: string, h: never) => s.handled.set(scheme, h) },
  };
  return { s, session, emitter };
}

const PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'hid', 'serial', 'usb', 'openExternal', 'fullscreen', 'pointerLock', 'display-capture', 'midi', 'idle-detection', 'unknown'];

describe('session policy', () => {
  const { s, session, emitter } = fakeSession();
  secureSession(session as never, tmp);

  it('denies every permission check but the camera for the app origin', () => {
    expect(s.check).toBeTypeOf('function');
    for (const p of PERMISSIONS) {
      for (const origin of ['app://counter', 'https://evil.example', '']) {
        expect(s.check!(null, p, origin, { mediaType: 'video' })).toBe(p === 'media' && origin === 'app://counter');
        expect(s.check!(null, p, origin, {})).toBe(false);
        expect(s.check!(null, p, origin, { mediaType: 'audio' })).toBe(false);
      }
    }
  });

  it('denies every permission request but video for the app origin (the 高拍仪), never the microphone', () => {
    for (const p of PERMISSIONS) {
      const cb = vi.fn();
      s.request!({ getURL: () => 'app://counter/index.html' }, p, cb, { requestingUrl: 'app://counter/index.html', mediaTypes: ['video'] });
      expect(cb).toHaveBeenCalledWith(p === 'media');
    }
    const asked = (url: string, mediaTypes?: string[]) => {
      const cb = vi.fn();
      s.request!({ getURL: () => url }, 'media', cb, { requestingUrl: url, ...(mediaTypes ? { mediaTypes } : {}) });
      return cb.mock.calls[0][0] as boolean;
    };
    expect(asked('app://counter/index.html', ['video', 'audio'])).toBe(false);
    expect(asked('app://counter/index.html', ['audio'])).toBe(false);
    expect(asked('app://counter/index.html', [])).toBe(false);
    expect(asked('app://counter/index.html')).toBe(false);
    for (const other of ['https://evil.example/', 'http://127.0.0.1:5780/', 'app://counter.evil/x', 'app://evil/', 'file:///index.html', 'app://user@counter/']) {
      expect(asked(other, ['video'])).toBe(false);
    }
  });

  it('denies device access from web content and every download', () => {
    expect(s.device!({ deviceType: 'hid', origin: 'app://counter' })).toBe(false);
    const event = { preventDefault: vi.fn() };
    emitter.emit('will-download', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('adds the CSP to every response and serves app:// from the renderer folder', () => {
    const cb = vi.fn();
    s.headers!({ responseHeaders: { 'X-A': ['1'] } }, cb);
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    expect([...s.handled.keys()]).toEqual(['app']);
  });
});

describe('app:// protocol', () => {
  const root = path.join(tmp, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>desk</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export {}');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'secret');
  const handle = createAppProtocolHandler(root);
  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  it('is registered as a standard, secure scheme that does not bypass the CSP and is not readable cross-origin', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, bypassCSP: false, corsEnabled: false, allowServiceWorkers: false } });
  });

  it('serves the renderer with the CSP and security headers', async () => {
    const res = await get('app://counter/index.html');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('desk');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const js = await get('app://counter/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://counter/queue')).status).toBe(200);
  });

  it('refuses path traversal, other hosts, bad encoding and other methods', async () => {
    for (const url of ['app://counter/..%2fsecret.txt', 'app://counter/%2e%2e%2fsecret.txt', 'app://counter/assets/..%2f..%2fsecret.txt', 'app://counter/nothing.js']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('secret');
    }
    expect((await get('app://counter/../secret.txt')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://counter/%E0%A4%A.js')).status).toBe(400);
    expect((await get('app://counter/a%00.js')).status).toBe(400);
    expect((await get('app://counter/index.html', 'POST')).status).toBe(405);
  });
});

/** A stand-in webContents: an EventEmitter that records its window-open handler. */
function fakeContents() {
  const contents = Object.assign(new EventEmitter(), { openHandler: null as null | ((d: { url: string }) => { action: string }) });
  return Object.assign(contents, { setWindowOpenHandler: (h: never) => (contents.openHandler = h) });
}

describe('navigation and new windows, for every webContents', () => {
  const app = new EventEmitter();
  const opened: string[] = [];
  hardenEveryWebContents(app as never, (url) => opened.push(url));

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'])('blocks %s in any webContents created', (event) => {
    for (let i = 0; i < 2; i++) {
      const contents = fakeContents();
      app.emit('web-contents-created', {}, contents);
      const e = { preventDefault: vi.fn(), url: 'https://evil.example/', isMainFrame: i === 0 };
      contents.emit(event, e, 'https://evil.example/');
      expect(e.preventDefault).toHaveBeenCalled();
    }
  });

  it('denies every new window and opens nothing outside the allow-list', () => {
    const contents = fakeContents();
    app.emit('web-contents-created', {}, contents);
    for (const url of ['https://example.com/', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://counter/index.html']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual([]);
  });

  it('openExternal allows only https URLs on listed hosts (the list holds bare host names)', () => {
    for (const host of EXTERNAL_URL_HOSTS) expect(host).toMatch(/^[a-z0-9.-]+$/);
    const hosts = ['ybj.example.gov.cn'];
    expect(isAllowedExternalUrl('https://ybj.example.gov.cn/guide', hosts)).toBe(true);
    for (const url of ['http://ybj.example.gov.cn/', 'https://ybj.example.gov.cn.evil.example/', 'https://user@ybj.example.gov.cn/', 'https://ybj.example.gov.cn:8443/', 'garbage', 'file:///x']) {
      expect(isAllowedExternalUrl(url, hosts), url).toBe(false);
    }
    expect(isAllowedExternalUrl('https://ybj.example.gov.cn/')).toBe(EXTERNAL_URL_HOSTS.includes('ybj.example.gov.cn'));
  });
});

describe('fuses applied at packaging', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect; turns on asar integrity, asar-only and cookie encryption', () => {
    expect(FUSES.RunAsNode).toBe(false);
    expect(FUSES.EnableNodeOptionsEnvironmentVariable).toBe(false);
    expect(FUSES.EnableNodeCliInspectArguments).toBe(false);
    expect(FUSES.EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(FUSES.OnlyLoadAppFromAsar).toBe(true);
    expect(FUSES.EnableCookieEncryption).toBe(true);
    expect(FUSES.GrantFileProtocolExtraPrivileges).toBe(false);
  });

  it('decides every fuse @electron/fuses knows, by its real name', () => {
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(FUSES).sort()).toEqual(known.sort());
  });

  it('the packaging script writes exactly that list into an Electron binary', async () => {
    // A stand-in binary: the fuse sentinel, wire version 1, nine fuses, all at the opposite of the goal.
    const names = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k))) as Array<keyof typeof FUSES>;
    const wire = Buffer.from(names.map((n) => (FUSES[n] ? FuseState.DISABLE : FuseState.ENABLE)));
    const binary = path.join(tmp, 'electron');
    fs.writeFileSync(binary, Buffer.concat([Buffer.alloc(4096, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, wire.length]), wire, Buffer.alloc(4096, 7)]));
    await applyFuses(binary, 'linux');
    const after = await getCurrentFuseWire(binary);
    for (const n of names) expect(after[FuseV1Options[n]], n).toBe(FUSES[n] ? FuseState.ENABLE : FuseState.DISABLE);
  });
});

describe('the shell uses the checked modules', () => {
  const main = fs.readFileSync('electron/main/index.ts', 'utf8');
  it('wires the scheme, the webContents block, the session policy and the checked window options', () => {
    for (const call of ['registerAppScheme(protocol)', 'hardenEveryWebContents(app,', 'secureSession(session.defaultSession', 'mainWindowOptions(', 'rendererEntryUrl(', 'isAllowedExternalUrl(url)']) {
      expect(main).toContain(call);
    }
    expect(main).not.toMatch(/loadFile\(|file:\/\/|new BrowserWindow\(\{/);
    expect(main).not.toContain('process.env.ELECTRON_RENDERER_URL');
    expect(fs.readFileSync('electron/main/a4-output.ts', 'utf8')).toContain('new BrowserWindow(formWindowOptions(');
  });
});
