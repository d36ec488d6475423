import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Handlers } from '../../../electron/host/dispatch';
import { EventHub } from '../../../electron/host/event-hub';
import { startWebServer, type WebServer } from '../../../electron/host/web-server';

let server: WebServer;
const hub = new EventHub();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renderer-'));

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, 'index.html'), '<html><head></head><body>desk</body></html>');
  fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
  const handlers = {
    'devices.list': async () => [],
    'auth.status': async () => ({ setupRequired: false, operator: null, locked: false, idleLockSeconds: 600 }),
  } as unknown as Handlers;
  server = await startWebServer({ handlers, events: hub, rendererDir: dir, port: 0 });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(`${dir}-secret.js`, { force: true });
});

function open(opts: { token?: string; origin?: string }): Promise<WebSocket> {
  const url = `ws://127.0.0.1:${server.port}/bridge?token=${encodeURIComponent(opts.token ?? server.token)}`;
  const ws = new WebSocket(url, { origin: opts.origin ?? `http://127.0.0.1:${server.port}` });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (d) => resolve(JSON.parse(String(d)))));
}

describe('browser-mode host', () => {
  it('serves the renderer only on loopback, with a CSP and the per-start token in the page', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(server.url);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain(`<meta name="counter-bridge-token" content="${server.token}">`);
    expect((await fetch(`${server.url}app.js`)).status).toBe(200);
    // A file beside the renderer folder must not be reachable by an encoded ../
    fs.writeFileSync(path.join(dir, '..', `${path.basename(dir)}-secret.js`), 'secret');
    expect((await fetch(`${server.url}..%2f${path.basename(dir)}-secret.js`)).status).toBe(404);
  });

  it('refuses a socket without the token or from another origin', async () => {
    await expect(open({ token: 'wrong' })).rejects.toThrow('HTTP 403');
    await expect(open({ origin: 'http://evil.example' })).rejects.toThrow('HTTP 403');
  });

  it('bridges contract calls and events over the socket', async () => {
    const ws = await open({});
    ws.send(JSON.stringify({ id: 6, method: 'auth.status', input: {} }));
    expect(await nextMessage(ws)).toEqual({ id: 6, result: { ok: true, value: { setupRequired: false, operator: null, locked: false, idleLockSeconds: 600 } } });
    // A socket starts signed out: anything but the public methods is refused until an operator signs in.
    ws.send(JSON.stringify({ id: 7, method: 'devices.list', input: {} }));
    expect(await nextMessage(ws)).toEqual({ id: 7, result: { ok: false, error: { code: 'auth-required', message: '请先登录' } } });

    ws.send(JSON.stringify({ id: 8, method: 'shell.exec', input: {} }));
    expect(await nextMessage(ws)).toMatchObject({ id: 8, result: { ok: false, error: { code: 'unknown-method' } } });

    ws.send('not json');
    expect(await nextMessage(ws)).toMatchObject({ result: { ok: false, error: { code: 'bad-message' } } });

    const evt = nextMessage(ws);
    hub.emit('device.status', {
      id: 'id-reader', kind: 'id-reader', label: '身份证阅读器', state: 'connected', location: 'sim',
      simulated: true, lastError: null, updatedAt: new Date(0).toISOString(),
    });
    expect(await evt).toMatchObject({ event: 'device.status', payload: { state: 'connected' } });
    ws.close();
  });
});
