/** The desk's shared state: who is at the counter and what the reception panel is doing. */
import { create } from 'zustand';
import type { DeviceStatus, IdCardIdentity } from '../../../electron/contract/schemas';
import { api, errorMessage } from '../api/client';

export type View = 'desk' | 'queue' | 'devices';

interface DeskState {
  view: View;
  person: IdCardIdentity | null;
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

export const useDesk = create<DeskState>((set, get) => ({
  view: 'desk',
  person: null,
  reading: false,
  readError: null,
  devices: [],
  hostConnected: true,
  setView: (view) => set({ view }),
  async readIdCard() {
    if (get().reading) return;
    // A new read starts from nobody: never leave the previous citizen on screen if this read fails.
    set({ reading: true, readError: null, person: null });
    try {
      const person = await api.call('idCard.read', {});
      set({ person, reading: false });
    } catch (err) {
      set({ reading: false, readError: errorMessage(err) });
    }
  },
  async cancelRead() {
    await api.call('idCard.cancel').catch(() => undefined);
  },
  clearPerson: () => set({ person: null, readError: null }),
  setDevices: (devices) => set({ devices }),
  upsertDevice: (s) => set({ devices: [...get().devices.filter((d) => d.id !== s.id), s].sort((a, b) => a.id.localeCompare(b.id)) }),
  setHostConnected: (hostConnected) => set({ hostConnected }),
}));
