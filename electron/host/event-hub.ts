/** Typed publish/subscribe for contract events; the IPC and WebSocket bridges subscribe to it. */
import { events, type EventName, type EventPayload } from '../contract/api';
import { log } from './log';

type AnyListener = (event: EventName, payload: unknown) => void;

export class EventHub {
  private listeners = new Set<AnyListener>();

  /** Publish an event; the payload is validated against the contract so a bad payload never reaches a renderer. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const parsed = events[event].safeParse(payload);
    if (!parsed.success) {
      log.error(`event ${event} payload does not match the contract`, parsed.error.issues);
      return;
    }
    for (const l of this.listeners) l(event, parsed.data);
  }

  subscribe(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
