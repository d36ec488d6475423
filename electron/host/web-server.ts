/**
 * Browser mode: serves the built renderer on 127.0.0.1 and bridges the contract over a WebSocket.
 *
 * No page it serves holds a secret. Whoever started the host gets a one-time launch URL
 * (`http://127.0.0.1:PORT/#launch=SECRET`: printed, and written to a 0600 file in the data directory); the
 * tab trades the secret for a bridge session in its first WebSocket message (bridge-sessions.ts) and keeps
 * the session token in its own sessionStorage. One Caller per session, so a reload stays signed in.
 *
 * Requests must name exactly the bound `127.0.0.1:PORT` as Host (no DNS rebinding) and sockets must come
 * from the fixed origin `http://127.0.0.1:PORT`. Malformed requests get a 4xx and never take the host down;
 * connections, message size and message rate are capped.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { BRIDGE_CLOSE_REFUSED, LAUNCH_FRAGMENT_KEY, type BridgeRefusalCode, type BridgeRefused, type BridgeWelcome } from '../contract/bridge';
import { writeFileAtomic } from '../services/store/atomic-write';
import { BridgeSessions, type BridgeSession } from './bridge-sessions';
import { mayReceiveEvent } from './event-access';
import { log } from './log';
import { dispatch, type Handlers } from './dispatch';
import type { EventHub } from './event-hub';
import { resolveRendererFile } from './renderer-files';
import { SECURITY_HEADERS } from './security-headers';
import { TokenBucket } from './token-bucket';

const HOST = '127.0.0.1';
/** The file in the data directory that holds the current unused launch URL. */
export const BROWSER_LAUNCH_FILE = 'browser-launch.url';

const ClientMessage = z.object({ id: z.number().int(), method: z.string().max(100), input: z.unknown() }).strict();
const Hello = z
  .object({ hello: z.union([z.object({ launch: z.string().max(200) }).strict(), z.object({ session: z.string().max(200) }).strict()]) })
  .strict();

export interface BridgeLimits {
  /** Open WebSocket connections at once (authenticated or not). */
  maxConnections: number;
  /** Largest WebSocket message; larger closes the socket (1009). */
  maxMessageBytes: number;
  /** Token bucket per connection: burst and sustained messages per second; exceeding closes it (1008). */
  messageBurst: number;
  messagesPerSecond: number;
  /** A socket that has not said hello by then is refused. */
  helloTimeoutMs: number;
  maxHeaderBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
}

export const DEFAULT_BRIDGE_LIMITS: BridgeLimits = {
  maxConnections: 8,
  maxMessageBytes: 1024 * 1024,
  messageBurst: 100,
  messagesPerSecond: 50,
  helloTimeoutMs: 5_000,
  maxHeaderBytes: 8 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};

export interface WebServerOptions {
  handlers: Handlers;
  events: EventHub;
  rendererDir: string;
  port?: number;
  /** Where the current unused launch URL is kept (written 0600, removed at close). */
  launchFile?: string;
  /** Told every new unused launch URL: the first at start, then a fresh one after each is used. */
  onLaunchUrl?: (url: string) => void;
  limits?: Partial<BridgeLimits>;
}

export interface WebServer {
  /** `http://127.0.0.1:PORT/`: the page, which holds nothing secret. */
  url: string;
  port: number;
  /** The current unused one-time launch URL (`…/#launch=SECRET`). */
  launchUrl(): string;
  close(): Promise<void>;
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const indexFile = path.join(opts.rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    throw new Error(`找不到界面文件 ${indexFile}，请先运行 npm run build`);
  }
  const limits: BridgeLimits = { ...DEFAULT_BRIDGE_LIMITS, ...opts.limits };
  const rendererRoot = path.resolve(opts.rendererDir);
  const sessions = new BridgeSessions();
  let expectedHost = '';
  let origin = '';

  const server = http.createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks those timeouts on this interval (default 30 s): keep it well below them.
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (req, res) => {
      try {
        serveStatic(req, res, rendererRoot, expectedHost);
      } catch (err) {
        log.error('browser-mode request failed', err);
        if (!res.headersSent) res.writeHead(500, SECURITY_HEADERS);
        res.end();
      }
    },
  );
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if ((socket as Socket).writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  let connections = 0;
  const launchUrl = () => `${origin}/#${LAUNCH_FRAGMENT_KEY}=${sessions.launchSecret}`;
  const publishLaunchUrl = () => {
    if (opts.launchFile) writePrivateFile(opts.launchFile, launchUrl() + '\n');
    opts.onLaunchUrl?.(launchUrl());
  };

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refuse = (status: string) => {
      socket.once('finish', () => socket.destroy());
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    try {
      const hostProblem = checkHost(req.headers.host, expectedHost);
      if (hostProblem) return refuse(hostProblem);
      if ((req.url ?? '').split('?')[0] !== '/bridge') return refuse('404 Not Found');
      if (req.method !== 'GET' || (req.headers.upgrade ?? '').toLowerCase() !== 'websocket') return refuse('400 Bad Request');
      if (req.headers.origin !== origin) return refuse('403 Forbidden');
      if (connections >= limits.maxConnections) return refuse('503 Service Unavailable');
      connections++;
      socket.once('close', () => connections--);
      wss.handleUpgrade(req, socket, head, (ws) => attachBridge(ws, { ...opts, limits, sessions, onExchanged: publishLaunchUrl }));
    } catch (err) {
      log.error('browser-mode upgrade failed', err);
      refuse('400 Bad Request');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  expectedHost = `${HOST}:${port}`;
  origin = `http://${expectedHost}`;
  publishLaunchUrl();
  return {
    url: `${origin}/`,
    port,
    launchUrl,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.closeAllConnections();
        if (opts.launchFile) fs.rmSync(opts.launchFile, { force: true });
        server.close(() => resolve());
      }),
  };
}

interface BridgeContext extends WebServerOptions {
  limits: BridgeLimits;
  sessions: BridgeSessions;
  onExchanged(): void;
}

function attachBridge(ws: WebSocket, ctx: BridgeContext): void {
  let session: BridgeSession | null = null;
  let unsubscribe = () => {};
  const bucket = new TokenBucket(ctx.limits.messageBurst, ctx.limits.messagesPerSecond);
  const send = (msg: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
  };
  const refuse = (code: BridgeRefusalCode, message: string) => {
    send({ refused: { code, message } } satisfies BridgeRefused);
    ws.close(BRIDGE_CLOSE_REFUSED, code);
  };
  const helloTimer = setTimeout(() => refuse('hello-required', '连接未在规定时间内完成登记'), ctx.limits.helloTimeoutMs);
  ws.on('close', () => {
    clearTimeout(helloTimer);
    unsubscribe();
  });
  ws.on('error', () => ws.terminate());

  const welcome = (s: BridgeSession, token: string) => {
    clearTimeout(helloTimer);
    session = s;
    // Contract events go only to sockets that proved a session, and only those its operator may see.
    unsubscribe = ctx.events.subscribe((event, payload) => {
      if (mayReceiveEvent(event, s.caller)) send({ event, payload });
    });
    send({ welcome: { session: token } } satisfies BridgeWelcome);
  };

  ws.on('message', async (data, isBinary) => {
    if (!bucket.take()) {
      ws.close(1008, 'rate limit');
      return;
    }
    let json: unknown;
    try {
      json = isBinary ? undefined : JSON.parse(String(data));
    } catch {
      json = undefined;
    }
    if (!session) {
      const hello = Hello.safeParse(json);
      if (!hello.success) return refuse('hello-required', '请先登记连接');
      if ('launch' in hello.data.hello) {
        const r = ctx.sessions.exchange(hello.data.hello.launch);
        if (!r.ok) return refuse(r.code, r.message);
        welcome(r.session, r.token);
        ctx.onExchanged();
      } else {
        const token = hello.data.hello.session;
        const r = ctx.sessions.resume(token);
        if (!r.ok) return refuse(r.code, r.message);
        welcome(r.session, token);
      }
      return;
    }
    const msg = ClientMessage.safeParse(json);
    if (!msg.success) {
      send({ id: -1, result: { ok: false, error: { code: 'bad-message', message: '消息格式不正确' } } });
      return;
    }
    const result = await dispatch(ctx.handlers, msg.data.method, msg.data.input, session.caller);
    send({ id: msg.data.id, result });
  });
}

/** null when the Host header is exactly the bound address; otherwise the HTTP status to answer. */
function checkHost(host: string | undefined, expected: string): string | null {
  if (host === expected) return null;
  if (!host || !/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host)) return '400 Bad Request';
  return '403 Forbidden';
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, root: string, expectedHost: string): void {
  const text = (status: number, body: string, extra: Record<string, string> = {}): void => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra }).end(body);
  };
  const hostProblem = checkHost(req.headers.host, expectedHost);
  if (hostProblem) return text(Number(hostProblem.slice(0, 3)), '主机名不正确');
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, '不支持的请求方法', { Allow: 'GET, HEAD' });
  const found = resolveRendererFile(root, (req.url ?? '').split('?')[0]);
  if (found.status !== 200) return text(found.status, found.reason);
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': found.contentType });
  res.end(req.method === 'HEAD' ? undefined : fs.readFileSync(found.file));
}

/** Written so only this OS user can read it, whole or not at all (the store's atomic writer, 0600). */
function writePrivateFile(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, content, { what: '写入浏览器模式打开链接' });
}
