/** The platform side of the desk: who the platform says the person is, connection state, the upload queue. */
import { create } from 'zustand';
import type { PersonLookup, PlatformStatus, QueueSummary } from '../../../electron/contract/features/platform';
import { api, errorMessage } from '../api/client';

interface PlatformState {
  status: PlatformStatus | null;
  queue: QueueSummary | null;
  insured: PersonLookup | null;
  lookingUp: boolean;
  lookupError: string | null;
  /** Which identity the current lookup is for, so a late answer for a previous citizen is dropped. */
  lookupKey: string | null;
  /** The fault chosen for the embedded simulator (training), kept here so it survives page changes. */
  simulatorFault: 'none' | 'offline' | 'server-error' | 'lost-reply' | 'refuse';
  setSimulatorFault(f: PlatformState['simulatorFault']): void;
  lookup(q: { certType: '01' | '02' | '03'; certNo: string; cardSn?: string }): Promise<void>;
  clearInsured(): void;
  setStatus(s: PlatformStatus): void;
  setQueue(q: QueueSummary): void;
}

export const usePlatform = create<PlatformState>((set, get) => ({
  status: null,
  queue: null,
  insured: null,
  lookingUp: false,
  lookupError: null,
  lookupKey: null,
  simulatorFault: 'none',
  setSimulatorFault: (simulatorFault) => set({ simulatorFault }),
  async lookup(q) {
    const key = `${q.certType}:${q.certNo}`;
    set({ lookingUp: true, lookupError: null, insured: null, lookupKey: key });
    try {
      const insured = await api.call('person.lookup', q);
      if (get().lookupKey === key) set({ insured, lookingUp: false });
    } catch (err) {
      if (get().lookupKey === key) set({ lookupError: errorMessage(err), lookingUp: false });
    }
  },
  clearInsured: () => set({ insured: null, lookupError: null, lookingUp: false, lookupKey: null }),
  setStatus: (status) => set({ status }),
  setQueue: (queue) => set({ queue }),
}));
