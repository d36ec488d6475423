/**
 * What the services need from each device, independent of how it is attached (serial, HID, simulator).
 * The composition root receives DeviceFactories, so tests and browser mode can pass their own.
 */
import type { DeviceStatus, IdCardIdentity } from '../../contract/schemas';
import type { DeviceId } from '../../contract/vocabulary/devices';
import type { DeviceConfig } from './device-config';
import type { HidOpener } from '../../../native/transports/hid-transport';
import type { SerialPortInfo } from '../../../native/transports/serial-port';

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

/** config.json key of each device. */
export const CONFIG_KEY = {
  'id-reader': 'idReader',
  'sscard-reader': 'ssCardReader',
  scanner: 'scanner',
  printer: 'printer',
} as const satisfies Record<DeviceId, string>;

export type DevicesConfig = { [K in DeviceId as (typeof CONFIG_KEY)[K]]: DeviceConfig };

/** A serial port as the OS lists it; a device configured by any of its aliases matches it. */
export type SerialPortSeen = SerialPortInfo;

export interface HidDeviceSeen {
  path: string;
  vendorId: number;
  productId: number;
  product?: string;
  manufacturer?: string;
}

/** How the device manager looks at the machine; tests replace parts of it. */
export interface DeviceFactories {
  listSerialPorts(): Promise<SerialPortSeen[]>;
  listHidDevices(): Promise<HidDeviceSeen[]>;
  /** Opens a HID device by path (default node-hid); tests pass a fake HID bus. */
  openHid?: HidOpener;
  /** The administrator's 社保卡 reader-library drivers file; default: the platform's path (sscard-drivers.ts). */
  driversFile?: string;
  /** Hot-plug polling interval, ms (≤ 2000). */
  pollMs: number;
  /** Reconnect backoff after an unplug or a failed open. */
  reconnect: { initialMs: number; maxMs: number };
}
