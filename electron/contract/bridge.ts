/**
 * What a transport exposes to the renderer: the preload's contextBridge object and the browser-mode
 * WebSocket client both implement this, and the renderer's typed client wraps whichever exists.
 */
import type { ApiErrorShape } from './schemas';

export type InvokeResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorShape };

export interface CounterBridge {
  invoke(method: string, input: unknown): Promise<InvokeResult>;
  /** Subscribe to a contract event; returns an unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** IPC channel names used by the Electron shell. */
export const IPC_INVOKE = 'counter:invoke';
export const IPC_EVENT = 'counter:event';
export const BRIDGE_GLOBAL = 'counterBridge';

/**
 * Browser mode's WebSocket handshake (see electron/host/bridge-sessions.ts): the first message proves the
 * tab holds a one-time launch secret (from the launch URL's `#launch=` fragment) or a session token it got
 * for one earlier; the host answers `welcome` with the session token, or `refused` and closes the socket.
 */
export type BridgeHello = { hello: { launch: string } | { session: string } };
export type BridgeWelcome = { welcome: { session: string } };
export type BridgeRefusalCode = 'launch-invalid' | 'session-invalid' | 'hello-required';
export type BridgeRefused = { refused: { code: BridgeRefusalCode; message: string } };
/** Close code after a refused hello (4000–4999 are the application's own). */
export const BRIDGE_CLOSE_REFUSED = 4401;
/** The fragment key of the launch URL: `http://127.0.0.1:PORT/#launch=SECRET`. */
export const LAUNCH_FRAGMENT_KEY = 'launch';
