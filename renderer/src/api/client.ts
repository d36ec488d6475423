/**
 * The renderer's typed client. It wraps whichever bridge exists — Electron's preload object or the
 * browser-mode WebSocket — so no component knows which transport it runs on.
 */
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../electron/contract/api';
import { BRIDGE_GLOBAL, type CounterBridge } from '../../../electron/contract/bridge';
import type { Refusal } from './launch-credential';
import { AUTH_ERROR } from '../../../electron/contract/features/auth';
import { createWsBridge } from './ws-bridge';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const connectionListeners = new Set<(connected: boolean) => void>();
const refusalListeners = new Set<(refusal: Refusal) => void>();
/** Told of every call the host refused because this session is signed out or locked (the auth store). */
const sessionRefusalListeners = new Set<(code: typeof AUTH_ERROR.required | typeof AUTH_ERROR.locked, message: string) => void>();
let connected = true;
let refusal: Refusal | null = null;

function pickBridge(): CounterBridge {
  const injected = (window as unknown as Record<string, CounterBridge | undefined>)[BRIDGE_GLOBAL];
  if (injected) return injected;
  connected = false;
  return createWsBridge(
    (c) => {
      connected = c;
      for (const l of connectionListeners) l(c);
    },
    (r) => {
      refusal = r;
      for (const l of refusalListeners) l(r);
    },
  );
}

const bridge = pickBridge();

export const api = {
  async call<M extends MethodName>(method: M, ...args: {} extends MethodInput<M> ? [MethodInput<M>?] : [MethodInput<M>]): Promise<MethodOutput<M>> {
    const result = await bridge.invoke(method, args[0] ?? {});
    if (!result.ok) {
      const { code, message } = result.error;
      if (code === AUTH_ERROR.required || code === AUTH_ERROR.locked) for (const l of sessionRefusalListeners) l(code, message);
      throw new ApiError(code, message);
    }
    return result.value as MethodOutput<M>;
  },
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return bridge.on(event, listener as (p: unknown) => void);
  },
  onConnection(listener: (connected: boolean) => void): () => void {
    connectionListeners.add(listener);
    listener(connected);
    return () => connectionListeners.delete(listener);
  },
  /** Browser mode only: the host refused this tab (spent link, host restarted); the page explains. */
  onRefused(listener: (refusal: Refusal) => void): () => void {
    refusalListeners.add(listener);
    if (refusal) listener(refusal);
    return () => refusalListeners.delete(listener);
  },
  /** Any call refused with auth-required / auth-locked, wherever in the renderer it was made. */
  onSessionRefused(listener: (code: typeof AUTH_ERROR.required | typeof AUTH_ERROR.locked, message: string) => void): () => void {
    sessionRefusalListeners.add(listener);
    return () => sessionRefusalListeners.delete(listener);
  },
};

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
