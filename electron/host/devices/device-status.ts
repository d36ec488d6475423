/** Tracks one device's status and tells subscribers when it changes. */
import type { DeviceStatus } from '../../contract/schemas';

export class StatusCell {
  private value: DeviceStatus;
  private listeners = new Set<(s: DeviceStatus) => void>();

  constructor(
    initial: Omit<DeviceStatus, 'updatedAt'>,
    private clock: () => Date = () => new Date(),
  ) {
    this.value = { ...initial, updatedAt: clock().toISOString() };
  }

  get(): DeviceStatus {
    return this.value;
  }

  set(patch: Partial<Omit<DeviceStatus, 'id' | 'kind' | 'updatedAt'>>): void {
    const next = { ...this.value, ...patch };
    if (next.state === this.value.state && next.lastError === this.value.lastError && next.location === this.value.location) return;
    this.value = { ...next, updatedAt: this.clock().toISOString() };
    for (const l of this.listeners) l(this.value);
  }

  subscribe(listener: (s: DeviceStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
