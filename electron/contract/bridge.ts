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
