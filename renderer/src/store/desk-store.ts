/** The desk's shared state: who is at the counter and what the reception panel is doing. */
import { create } from 'zustand';
import type { SsCardPerson } from '../../../electron/contract/features/devices';
import type { DeviceStatus, IdCardIdentity } from '../../../electron/contract/schemas';
import type { IdentityDocument } from '../../../electron/contract/vocabulary/identity-documents';
import type { ScanResult } from '../../../shared/scanner/classify';
import { api, errorMessage } from '../api/client';
import { DESK_MARKS, deskMark } from '../perf-marks';

export type View = 'desk' | 'cases' | 'queue' | 'complaints' | 'day-summary' | 'devices' | 'operators' | 'settings';

/**
 * Who is at the counter: from a card read (居民身份证 / 居住证 / 外国人永久居留身份证, or a 社保卡 whose 社会保障号码
 * is its holder's ID number), or from a number typed or scanned, or a 医保电子凭证. Without a card read the name
 * is '' here: the platform's 1101 answer names the person (renderer/src/store/person-query.ts asks it).
 */
export type Person =
  | ({ source: 'id-card' } & IdCardIdentity)
  | ({ source: 'sscard'; idNumber: string } & SsCardPerson)
  | { source: 'typed' | 'scan'; document: IdentityDocument; idNumber: string; name: '' }
  | { source: 'ec-voucher'; code: string; idNumber: ''; name: '' };

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
  /** A document number the clerk typed, or the scanner read (already checked: vocabulary/identity-documents). */
  acceptDocumentNumber(document: IdentityDocument, number: string, from: 'typed' | 'scan'): void;
  acceptEcVoucher(code: string): void;
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
    deskMark(DESK_MARKS.read);
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
  acceptDocumentNumber: (document, idNumber, source) => set({ person: { source, document, idNumber, name: '' }, readError: null, lastScan: null }),
  acceptEcVoucher: (code) => set({ person: { source: 'ec-voucher', code, idNumber: '', name: '' }, readError: null, lastScan: null }),
  async cancelRead() {
    await api.call('idCard.cancel').catch(() => undefined);
  },
  clearPerson: () => set({ person: null, readError: null }),
  setDevices: (devices) => set({ devices }),
  upsertDevice: (s) => set({ devices: [...get().devices.filter((d) => d.id !== s.id), s].sort((a, b) => deviceOrder(a) - deviceOrder(b)) }),
  setHostConnected: (hostConnected) => set({ hostConnected }),
}));
