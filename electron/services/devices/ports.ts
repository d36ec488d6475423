/**
 * What the services need from each device, independent of how it is attached (serial, HID, simulator).
 * The composition root receives factories for these, so tests and browser mode can pass their own.
 */
import type { DeviceStatus, IdCardIdentity } from '../../contract/schemas';
import type { DeviceConfig } from '../../host/config';

export interface IdCardSimulatorControl {
  samples(): Array<{ id: string; label: string }>;
  place(sampleId: string): void;
  remove(): void;
  fault(kind: 'none' | 'garbage' | 'bad-checksum' | 'silent' | 'split' | 'unplug'): void;
}

export interface IdReaderPort {
  status(): DeviceStatus;
  /** Subscribe to status changes; returns an unsubscribe function. */
  onStatus(listener: (s: DeviceStatus) => void): () => void;
  /** Poll until a card is read, the timeout passes or the signal aborts; rejects with a Chinese message. */
  read(opts: { timeoutMs: number; signal: AbortSignal }): Promise<IdCardIdentity>;
  simulator?: IdCardSimulatorControl;
  close(): Promise<void>;
}

export interface DeviceFactories {
  idReader(config: DeviceConfig): Promise<IdReaderPort>;
}
