import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Caller } from '../../../../electron/host/caller';
import type { Handlers } from '../../../../electron/host/dispatch';
import { EventHub } from '../../../../electron/host/event-hub';
import { startWebServer, type BridgeLimits, type WebServer } from '../../../../electron/host/web-server';

const hub = new EventHub();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));
const launchFile = path.join(dir, 'data', 'browser-launch.url');
const INDEX = '<html><head></head><body>desk</body></html>';
const callers: Caller[] = [];
const printed: string[] = [];
const STATUS = { setupRequired: false, operator: null, locked: false, idleLockSeconds: 600 };
const handlers = {
  // Public, so a signed-out socket reaches it: it records which Caller the bridge passed.
  'auth.status': async (_input: unknown, caller: Caller) => {
    callers.push(caller);
    return STATUS;
  },
  'devices.list': async () => [],
} as unknown as Handlers;

let server: WebServer;
const extra: WebServer[] = [];

async function startWith(limits: Partial<BridgeLimits>): Promise<WebServer> {
  const s = await startWebServer({ handlers, events: hub, rendererDir: dir, port: 0, limits });
  extra.push(s);
  return s;
}

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
  server = await startWebServer({ handlers, events: hub, rendererDir: dir, port: 0, launchFile, onLaunchUrl: (u) => printed.push(u) });
});
afterAll(async () => {
  await server.close();
  for (const s of extra) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(`${dir}-secret.js`, { force: true });
});

const secretOf = (launchUrl: string) => new URL(launchUrl).hash.replace('#launch=', '');

/** A socket that collects every message; `opened` rejects with the HTTP status of a refused upgrade. */
function connect(s: WebServer, origin = `http://127.0.0.1:${s.port}`) {
  const ws = new WebSocket(`ws://127.0.0.1:${s.port}/bridge`, { origin });
  const messages: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  ws.on('message', (d) => {
    messages.push(JSON.parse(String(d)));
    for (const w of waiters.splice(0)) w();
  });
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  const next = (): Promise<Record<string, unknown>> =>
    new Promise((resolve) => {
      const seen = messages.length;
      const check = () => (messages.length > seen ? resolve(messages[seen]) : waiters.push(check));
      check();
    });
  return { ws, messages, opened, closed, next };
}

async function hello(s: WebServer, credential: { launch: string } | { session: string }) {
  const c = connect(s);
  await c.opened;
  const answer = c.next();
  c.ws.send(JSON.stringify({ hello: credential }));
  return { ...c, answer: await answer };
}

/** One raw HTTP exchange over a TCP socket: the status line the host answered (or '' if it just closed). */
function raw(port: number, request: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let data = '';
    sock.on('data', (d) => {
      data += d.toString('latin1');
      if (data.includes('\r\n')) sock.destroy();
    });
    sock.on('error', () => undefined);
    sock.on('close', () => resolve(data.split('\r\n')[0]));
    sock.write(request);
  });
}

describe('browser-mode host: nothing secret in a page', () => {
  it('serves the renderer on loopback with a CSP, byte for byte as built, with no credential in it', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const res = await fetch(server.url);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).toBe(INDEX);
    for (const p of ['', 'index.html', 'queue', 'app.js']) {
      expect(await (await fetch(server.url + p)).text()).not.toContain(secretOf(server.launchUrl()));
    }
    // A file beside the renderer folder must not be reachable by an encoded ../
    fs.writeFileSync(path.join(dir, '..', `${path.basename(dir)}-secret.js`), 'secret');
    expect((await fetch(`${server.url}..%2f${path.basename(dir)}-secret.js`)).status).toBe(404);
  });

  it('hands the launch URL only to its starter: printed, and in a file only this user can read', () => {
    expect(server.launchUrl()).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/#launch=[A-Za-z0-9_-]{43}$`));
    expect(printed[0]).toBe(server.launchUrl());
    expect(fs.readFileSync(launchFile, 'utf8').trim()).toBe(server.launchUrl());
    if (process.platform !== 'win32') expect(fs.statSync(launchFile).mode & 0o777).toBe(0o600);
  });
});

describe('browser-mode host: launch secret and bridge session', () => {
  it('trades the launch secret once for a session, then mints and publishes a fresh unused one', async () => {
    const first = server.launchUrl();
    const a = await hello(server, { launch: secretOf(first) });
    expect(a.answer).toEqual({ welcome: { session: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) } });
    expect(server.launchUrl()).not.toBe(first);
    expect(printed.at(-1)).toBe(server.launchUrl());
    expect(fs.readFileSync(launchFile, 'utf8').trim()).toBe(server.launchUrl());

    const again = await hello(server, { launch: secretOf(first) });
    expect(again.answer).toMatchObject({ refused: { code: 'launch-invalid', message: expect.stringContaining('已被使用') } });
    expect(await again.closed).toBe(4401);
    a.ws.close();
  });

  it('keeps one Caller per session: a reconnect with the session token is the same caller, a new launch is another', async () => {
    const a = await hello(server, { launch: secretOf(server.launchUrl()) });
    const token = (a.answer.welcome as { session: string }).session;
    const call = async (c: ReturnType<typeof connect>, id: number) => {
      const r = c.next();
      c.ws.send(JSON.stringify({ id, method: 'auth.status', input: {} }));
      expect(await r).toEqual({ id, result: { ok: true, value: STATUS } });
      return callers.at(-1)!;
    };
    const first = await call(a, 1);
    first.operator = { code: 'op7', name: '王五', role: 'clerk' };
    a.ws.close();
    await a.closed;

    const b = await hello(server, { session: token });
    expect(b.answer).toEqual({ welcome: { session: token } });
    const second = await call(b, 2);
    expect(second).toBe(first);
    expect(second.operator?.code).toBe('op7');
    expect(second.transport).toBe('websocket');

    const other = await hello(server, { launch: secretOf(server.launchUrl()) });
    expect(await call(other, 3)).not.toBe(first);
    b.ws.close();
    other.ws.close();
  });

  it('refuses an unknown session and any call before hello, and sends events only to sockets that said hello, whose operator may see them', async () => {
    const bad = await hello(server, { session: 'not-a-session' });
    expect(bad.answer).toMatchObject({ refused: { code: 'session-invalid' } });
    expect(await bad.closed).toBe(4401);

    const anon = connect(server);
    await anon.opened;
    const ok = await hello(server, { launch: secretOf(server.launchUrl()) });
    const status = {
      id: 'id-reader', kind: 'id-reader', label: '身份证阅读器', state: 'connected', location: 'sim',
      simulated: true, lastError: null, updatedAt: new Date(0).toISOString(),
    } as const;
    // Signed out: an event is not sent (the next message is the reply to a later call, not the event).
    hub.emit('device.status', status);
    let next = ok.next();
    ok.ws.send(JSON.stringify({ id: 9, method: 'auth.status', input: {} }));
    expect(await next).toMatchObject({ id: 9 });
    const caller = callers.at(-1)!;
    // An administrator gets device state but not a scanned code (a 医保电子凭证 names a person) …
    caller.operator = { code: 'admin01', name: '管理员', role: 'admin' };
    next = ok.next();
    hub.emit('scanner.scan', { deviceId: 'scanner', at: new Date(0).toISOString(), scan: { kind: 'ec-voucher', raw: 'E1', code: 'E1' } });
    hub.emit('device.status', status);
    expect(await next).toMatchObject({ event: 'device.status', payload: { state: 'connected' } });
    // … and a locked session gets nothing.
    caller.locked = true;
    hub.emit('device.status', status);
    next = ok.next();
    ok.ws.send(JSON.stringify({ id: 10, method: 'auth.status', input: {} }));
    expect(await next).toMatchObject({ id: 10 });

    anon.ws.send(JSON.stringify({ id: 1, method: 'devices.list', input: {} }));
    expect(await anon.closed).toBe(4401);
    expect(anon.messages).toEqual([{ refused: { code: 'hello-required', message: expect.any(String) } }]);
    ok.ws.close();
  });

  it('bridges contract calls and answers bad messages after hello; a new session starts signed out', async () => {
    const c = await hello(server, { launch: secretOf(server.launchUrl()) });
    let r = c.next();
    c.ws.send(JSON.stringify({ id: 7, method: 'devices.list', input: {} }));
    expect(await r).toEqual({ id: 7, result: { ok: false, error: { code: 'auth-required', message: '请先登录' } } });
    r = c.next();
    c.ws.send(JSON.stringify({ id: 8, method: 'shell.exec', input: {} }));
    expect(await r).toMatchObject({ id: 8, result: { ok: false, error: { code: 'unknown-method' } } });
    r = c.next();
    c.ws.send('not json');
    expect(await r).toMatchObject({ result: { ok: false, error: { code: 'bad-message' } } });
    c.ws.close();
  });

  it('refuses a socket that never says hello', async () => {
    const s = await startWith({ helloTimeoutMs: 50 });
    const c = connect(s);
    await c.opened;
    expect(await c.closed).toBe(4401);
    expect(c.messages).toEqual([{ refused: { code: 'hello-required', message: expect.any(String) } }]);
  });
});

describe('browser-mode host: Host and Origin', () => {
  it('refuses a socket from another origin, even one naming the right port on another host name', async () => {
    await expect(connect(server, 'http://evil.example').opened).rejects.toThrow('HTTP 403');
    await expect(connect(server, `http://localhost:${server.port}`).opened).rejects.toThrow('HTTP 403');
    await expect(connect(server, `https://127.0.0.1:${server.port}`).opened).rejects.toThrow('HTTP 403');
  });

  it('refuses a DNS-rebinding page: the Host must be exactly 127.0.0.1:PORT even when Origin agrees with it', async () => {
    const port = server.port;
    const upgrade = (host: string) =>
      `GET /bridge HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
    expect(await raw(port, upgrade(`evil.example:${port}`))).toBe('HTTP/1.1 403 Forbidden');
    expect(await raw(port, upgrade(`localhost:${port}`))).toBe('HTTP/1.1 403 Forbidden');
    expect(await raw(port, `GET / HTTP/1.1\r\nHost: evil.example:${port}\r\nConnection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 403/);
    expect(await raw(port, upgrade(`127.0.0.1:${port}`))).toBe('HTTP/1.1 101 Switching Protocols');
  });
});

describe('browser-mode host: malformed requests get a 4xx and the host stays up', () => {
  const req = (line: string, headers = '') => `${line}\r\nHost: 127.0.0.1:${server.port}\r\n${headers}Connection: close\r\n\r\n`;
  const upgradeHeaders = 'Upgrade: websocket\r\nConnection: Upgrade\r\n';

  it.each([
    ['bad percent-encoding', () => req('GET /%E0%A4%A.js HTTP/1.1'), /^HTTP\/1\.1 400/],
    ['an absolute-form target', () => req('GET http://evil.example/ HTTP/1.1'), /^HTTP\/1\.1 400/],
    ['a NUL byte in the path', () => req('GET /a%00.js HTTP/1.1'), /^HTTP\/1\.1 400/],
    ['a malformed Host', () => `GET / HTTP/1.1\r\nHost: a:b:c\r\nConnection: close\r\n\r\n`, /^HTTP\/1\.1 400/],
    ['an upgrade with a malformed Host', () => `GET /bridge HTTP/1.1\r\nHost: a:b:c\r\n${upgradeHeaders}\r\n`, /^HTTP\/1\.1 400/],
    ['no Host at all', () => `GET / HTTP/1.1\r\nConnection: close\r\n\r\n`, /^HTTP\/1\.1 400/],
    ['a wrong method', () => req('POST / HTTP/1.1', 'Content-Length: 0\r\n'), /^HTTP\/1\.1 405/],
    ['oversize headers', () => req('GET / HTTP/1.1', `X-Big: ${'a'.repeat(20_000)}\r\n`), /^HTTP\/1\.1 431/],
    ['an upgrade without a WebSocket key', () => req('GET /bridge HTTP/1.1', `Origin: http://127.0.0.1:${server.port}\r\n${upgradeHeaders}`), /^HTTP\/1\.1 400/],
    ['an upgrade to another protocol', () => req('GET /bridge HTTP/1.1', 'Upgrade: h2c\r\nConnection: Upgrade\r\n'), /^HTTP\/1\.1 400/],
    ['an upgrade on another path', () => req('GET /%E0%A4%A HTTP/1.1', upgradeHeaders), /^HTTP\/1\.1 404/],
    ['binary garbage', () => Buffer.from([0, 1, 2, 0xff, 13, 10, 13, 10]), /^HTTP\/1\.1 400/],
  ])('%s', async (_name, request, status) => {
    expect(await raw(server.port, request())).toMatch(status);
    expect((await fetch(server.url)).status).toBe(200);
  });
});

describe('browser-mode host: caps', () => {
  it('accepts at most maxConnections sockets at once, and a new one once one closes', async () => {
    const s = await startWith({ maxConnections: 3 });
    const open = [connect(s), connect(s), connect(s)];
    await Promise.all(open.map((c) => c.opened));
    await expect(connect(s).opened).rejects.toThrow('HTTP 503');
    open[0].ws.close();
    await open[0].closed;
    // The server side of the socket may close a moment after the client sees it: retry until admitted.
    for (;;) {
      const c = connect(s);
      const admitted = await c.opened.then(() => true, () => false);
      if (admitted) break;
    }
    for (const c of open) c.ws.close();
  });

  it('closes a socket that floods messages with the policy-violation code', async () => {
    const s = await startWith({ messageBurst: 5, messagesPerSecond: 0.001 });
    const c = await hello(s, { launch: secretOf(s.launchUrl()) });
    for (let i = 0; i < 20; i++) c.ws.send(JSON.stringify({ id: i, method: 'devices.list', input: {} }));
    expect(await c.closed).toBe(1008);
  });

  it('closes a socket that sends an oversize message', async () => {
    const s = await startWith({ maxMessageBytes: 1024 });
    const c = await hello(s, { launch: secretOf(s.launchUrl()) });
    c.ws.send(JSON.stringify({ id: 1, method: 'devices.list', input: { pad: 'x'.repeat(2000) } }));
    expect(await c.closed).toBe(1009);
  });

  it('drops a request whose headers never finish (slowloris) with 408', async () => {
    const s = await startWith({ headersTimeoutMs: 100, requestTimeoutMs: 200 });
    expect(await raw(s.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nX-Slow: `)).toMatch(/^HTTP\/1\.1 408/);
    expect((await fetch(s.url)).status).toBe(200);
  });

  it('removes the launch file when it stops', async () => {
    const file = path.join(dir, 'data', 'stop.url');
    const s = await startWebServer({ handlers, events: hub, rendererDir: dir, port: 0, launchFile: file });
    expect(fs.existsSync(file)).toBe(true);
    await s.close();
    expect(fs.existsSync(file)).toBe(false);
  });
});
