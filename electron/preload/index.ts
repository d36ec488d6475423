/**
 * Sandboxed preload: exposes exactly the contract's methods and events to the renderer, nothing else.
 * Bundled to one CommonJS file (electron.vite.config.ts) because sandboxed preloads cannot load modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventName, isMethodName } from '../contract/api';
import { BRIDGE_GLOBAL, IPC_EVENT, IPC_INVOKE, type CounterBridge, type InvokeResult } from '../contract/bridge';

const bridge: CounterBridge = {
  invoke(method, input) {
    if (!isMethodName(method)) {
      return Promise.resolve<InvokeResult>({ ok: false, error: { code: 'unknown-method', message: `未知的调用: ${String(method)}` } });
    }
    return ipcRenderer.invoke(IPC_INVOKE, method, input) as Promise<InvokeResult>;
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`未知的事件: ${String(event)}`);
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
