/**
 * Browser mode's CounterBridge: the contract over a WebSocket to the local host. The first message on each
 * socket is the hello (launch secret or this tab's session, see ./launch-credential); calls wait for the
 * host's welcome. Reconnects with backoff; calls made while disconnected fail at once with a clear message
 * rather than hanging. A refused hello stops reconnecting and is reported once, for the page to explain.
 */
import { BRIDGE_CLOSE_REFUSED, type BridgeRefused, type BridgeWelcome, type CounterBridge, type InvokeResult } from '../../../electron/contract/bridge';
import { describeRefusal, forgetSession, rememberSession, takeCredential, type Refusal } from './launch-credential';

type Pending = { resolve: (r: InvokeResult) => void };

/** One message from the host: a call's result, an event, or the handshake's answer (contract/bridge). */
type HostMessage = { id?: number; result?: InvokeResult; event?: string; payload?: unknown } & Partial<BridgeWelcome> & Partial<BridgeRefused>;

export function createWsBridge(onConnection: (connected: boolean) => void, onRefused: (refusal: Refusal) => void): CounterBridge {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge`;
  let credential = takeCredential(location, history, sessionStorage);
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let welcomed = false;
  let refusal: Refusal | null = null;
  let ready: Promise<void> | null = null;
  let retryMs = 500;

  const refuse = (code: string, message?: string) => {
    if (refusal) return;
    refusal = describeRefusal(code, message);
    forgetSession(sessionStorage);
    onRefused(refusal);
  };

  const failAll = () => {
    for (const [id, p] of pending) {
      p.resolve({ ok: false, error: { code: 'disconnected', message: '与工作站服务的连接已断开' } });
      pending.delete(id);
    }
  };

  const connect = (): Promise<void> => {
    ready = new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(url);
      socket = ws;
      welcomed = false;
      ws.onopen = () => ws.send(JSON.stringify({ hello: credential }));
      ws.onmessage = (ev) => {
        let msg: HostMessage;
        try {
          msg = JSON.parse(String(ev.data)) as HostMessage;
        } catch {
          return;
        }
        if (msg.welcome) {
          rememberSession(sessionStorage, msg.welcome.session);
          credential = { session: msg.welcome.session };
          welcomed = true;
          retryMs = 500;
          onConnection(true);
          resolve();
        } else if (msg.refused) {
          refuse(msg.refused.code, msg.refused.message);
        } else if (msg.event) {
          for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
        } else if (typeof msg.id === 'number' && msg.result) {
          pending.get(msg.id)?.resolve(msg.result);
          pending.delete(msg.id);
        }
      };
      ws.onclose = (ev) => {
        welcomed = false;
        if (ev.code === BRIDGE_CLOSE_REFUSED) refuse('refused');
        onConnection(false);
        failAll();
        reject(new Error('closed'));
        if (refusal) return;
        setTimeout(() => void connect().catch(() => undefined), retryMs);
        retryMs = Math.min(retryMs * 2, 10_000);
      };
    });
    return ready;
  };
  if (credential) void connect().catch(() => undefined);
  else queueMicrotask(() => refuse('no-credential'));

  return {
    async invoke(method, input) {
      try {
        await ready;
      } catch {
        /* handled below */
      }
      if (refusal) return { ok: false, error: { code: 'not-connected', message: `${refusal.title}: ${refusal.detail}` } };
      if (!socket || socket.readyState !== WebSocket.OPEN || !welcomed) {
        return { ok: false, error: { code: 'disconnected', message: '与工作站服务的连接已断开，正在重连…' } };
      }
      const id = nextId++;
      return new Promise<InvokeResult>((resolve) => {
        pending.set(id, { resolve });
        socket!.send(JSON.stringify({ id, method, input }));
      });
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)?.delete(listener);
    },
  };
}
