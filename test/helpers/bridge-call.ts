/**
 * Contract calls forced from a page straight on its signed-in bridge, bypassing the renderer's UI: what an
 * injected script could send. The e2e tests use them to prove the host refuses what the UI merely hides.
 */
import type { Page } from 'playwright-core';

/** A bridge answer as the page receives it. */
export type Forced = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** Remembers the page's own bridge WebSockets (run before the page opens), so `forcedCall` can send on one. */
export async function captureBridgeSocket(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Native = window.WebSocket;
    const sockets: WebSocket[] = [];
    (window as unknown as { __bridgeSockets: WebSocket[] }).__bridgeSockets = sockets;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        sockets.push(this);
      }
    } as typeof WebSocket;
  });
}

/**
 * A contract call made from the page on the injected bridge (Electron) or its newest open bridge socket.
 * `thenClick`: the data-testid of a button the page clicks in the same task as the answer arrives — before the
 * renderer can hear of the call's effect some other way (its status poll), which would otherwise race the test.
 */
export async function forcedCall(page: Page, method: string, input: unknown = {}, opts: { thenClick?: string } = {}): Promise<Forced> {
  return page.evaluate(
    ([method, input, thenClick]) =>
      new Promise<unknown>((resolveCall) => {
        const resolve = (result: unknown) => {
          if (thenClick) document.querySelector<HTMLElement>(`[data-testid="${thenClick}"]`)?.click();
          resolveCall(result);
        };
        const injected = (window as unknown as { counterBridge?: { invoke(m: string, i: unknown): Promise<unknown> } }).counterBridge;
        if (injected) return void injected.invoke(method as string, input).then(resolve);
        // The newest socket that is open: after a reconnect the first one is closed and would never answer.
        const ws = (window as unknown as { __bridgeSockets: WebSocket[] }).__bridgeSockets.filter((w) => w.readyState === WebSocket.OPEN).at(-1);
        if (!ws) return resolve({ ok: false, error: { code: 'test-no-open-socket', message: 'the page has no open bridge socket' } });
        const id = 1_000_000 + Math.floor(Math.random() * 1_000_000);
        const onMessage = (ev: MessageEvent) => {
          const msg = JSON.parse(String(ev.data)) as { id?: number; result?: unknown };
          if (msg.id !== id) return;
          ws.removeEventListener('message', onMessage);
          resolve(msg.result);
        };
        ws.addEventListener('message', onMessage);
        ws.send(JSON.stringify({ id, method, input }));
      }),
    [method, input, opts.thenClick] as const,
  ) as Promise<Forced>;
}
