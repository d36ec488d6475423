/**
 * Browser mode's CounterBridge: the contract over a WebSocket to the local host. Same-origin, with the
 * per-start token the host wrote into the page. Reconnects with backoff; calls made while disconnected
 * fail at once with a clear message rather than hanging.
 */
import type { CounterBridge, InvokeResult } from '../../../electron/contract/bridge';

type Pending = { resolve: (r: InvokeResult) => void };

export function createWsBridge(onConnection: (connected: boolean) => void): CounterBridge {
  const token = document.querySelector<HTMLMetaElement>('meta[name="counter-bridge-token"]')?.content ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/bridge?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let ready: Promise<void> | null = null;
  let retryMs = 500;

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
      ws.onopen = () => {
        retryMs = 500;
        onConnection(true);
        resolve();
      };
      ws.onmessage = (ev) => {
        const msg = JSON.parse(String(ev.data)) as { id?: number; result?: InvokeResult; event?: string; payload?: unknown };
        if (msg.event) {
          for (const l of listeners.get(msg.event) ?? []) l(msg.payload);
        } else if (typeof msg.id === 'number' && msg.result) {
          pending.get(msg.id)?.resolve(msg.result);
          pending.delete(msg.id);
        }
      };
      ws.onclose = () => {
        onConnection(false);
        failAll();
        reject(new Error('closed'));
        setTimeout(() => void connect().catch(() => undefined), retryMs);
        retryMs = Math.min(retryMs * 2, 10_000);
      };
    });
    return ready;
  };
  void connect().catch(() => undefined);

  return {
    async invoke(method, input) {
      try {
        await ready;
      } catch {
        /* handled below */
      }
      if (!socket || socket.readyState !== WebSocket.OPEN) {
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
