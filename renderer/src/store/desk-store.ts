/** The desk's shared state: who is at the counter and what the reception panel is doing. */
import { create } from 'zustand';
import type { SsCardPerson } from '../../../electron/contract/features/devices';
import type { DeviceStatus, IdCardIdentity } from '../../../electron/contract/schemas';
import type { ScanResult } from '../../../shared/scanner/classify';
import { api, errorMessage } from '../api/client';

export type View = 'desk' | 'queue' | 'complaints' | 'devices' | 'operators' | 'settings';

/** Who is at the counter: from a 居民身份证, or from a 社保卡 (its 社会保障号码 is the ID number used for lookups). */
export type Person =
  | ({ source: 'id-card' } & IdCardIdentity)
  | ({ source: 'sscard'; idNumber: string } & SsCardPerson)
  /** An ID number scanned from a document (no card read): enough for the platform lookup. */
  | { source: 'scan'; idNumber: string; name: string };

/** The last scanned code and where it came from (keyboard wedge or serial scanner). */
export interface ScanNotice {
  scan: ScanResult;
  from: 'wedge' | 'serial';
  at: number;
}

interface DeskState {
  view: View;
  person: Person | null;
  /** Which read is in progress. */
  readingKind: 'id-card' | 'sscard' | null;
  lastScan: ScanNotice | null;
  readSsCard(): Promise<void>;
  showScan(notice: ScanNotice | null): void;
  acceptScannedIdNumber(idNumber: string): void;
  reading: boolean;
  readError: string | null;
  devices: DeviceStatus[];
  hostConnected: boolean;
  setView(view: View): void;
  readIdCard(): Promise<void>;
  cancelRead(): Promise<void>;
  clearPerson(): void;
  setDevices(list: DeviceStatus[]): void;
  upsertDevice(s: DeviceStatus): void;
  setHostConnected(c: boolean): void;
}

const DEVICE_ORDER = ['id-reader', 'sscard-reader', 'scanner', 'printer'];
/** Devices keep the manager's order (ID reader, 社保卡 reader, scanner, printer) whatever order updates arrive in. */
const deviceOrder = (d: DeviceStatus) => {
  const i = DEVICE_ORDER.indexOf(d.id);
  return i < 0 ? DEVICE_ORDER.length : i;
};

export const useDesk = create<DeskState>((set, get) => ({
  view: 'desk',
  person: null,
  readingKind: null,
  lastScan: null,
  reading: false,
  readError: null,
  devices: [],
  hostConnected: true,
  setView: (view) => set({ view }),
  async readIdCard() {
    if (get().reading) return;
    // A new read starts from nobody: never leave the previous citizen on screen if this read fails.
    set({ reading: true, readingKind: 'id-card', readError: null, person: null });
    try {
      const person = await api.call('idCard.read', {});
      set({ person: { source: 'id-card', ...person }, reading: false, readingKind: null });
    } catch (err) {
      set({ reading: false, readingKind: null, readError: errorMessage(err) });
    }
  },
  async readSsCard() {
    if (get().reading) return;
    set({ reading: true, readingKind: 'sscard', readError: null, person: null });
    try {
      const card = await api.call('sscard.read', {});
      set({ person: { source: 'sscard', idNumber: card.ssn, ...card }, reading: false, readingKind: null });
    } catch (err) {
      set({ reading: false, readingKind: null, readError: errorMessage(err) });
    }
  },
  showScan: (lastScan) => set({ lastScan }),
  acceptScannedIdNumber: (idNumber) => set({ person: { source: 'scan', idNumber, name: '（扫码录入）' }, readError: null, lastScan: null }),
  async cancelRead() {
    await api.call('idCard.cancel').catch(() => undefined);
  },
  clearPerson: () => set({ person: null, readError: null }),
  setDevices: (devices) => set({ devices }),
  upsertDevice: (s) => set({ devices: [...get().devices.filter((d) => d.id !== s.id), s].sort((a, b) => deviceOrder(a) - deviceOrder(b)) }),
  setHostConnected: (hostConnected) => set({ hostConnected }),
}));
