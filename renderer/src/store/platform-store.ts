/** The platform side of the desk: who the platform says the person is, connection state, the upload queue. */
import { create } from 'zustand';
import type { PersonLookup, PlatformStatus, QueueSummary } from '../../../electron/contract/features/platform';
import { api, ApiError, errorMessage } from '../api/client';
import { lookupKeyOf, type LookupQuery } from './person-query';

interface PlatformState {
  status: PlatformStatus | null;
  queue: QueueSummary | null;
  insured: PersonLookup | null;
  lookingUp: boolean;
  lookupError: string | null;
  /** The error's code: 'offline' = the platform is unreachable and nothing is known here (临时受理 may be offered). */
  lookupErrorCode: string | null;
  /** Which identity the current lookup is for, so a late answer for a previous citizen is dropped. */
  lookupKey: string | null;
  /** The fault chosen for the embedded simulator (training), kept here so it survives page changes. */
  simulatorFault: 'none' | 'offline' | 'server-error' | 'lost-reply' | 'refuse';
  setSimulatorFault(f: PlatformState['simulatorFault']): void;
  /** `provisional`: 临时受理 from the ID card's own data, used by the host only when the platform is unreachable. */
  lookup(q: LookupQuery, provisional?: { name: string; birthDate: string; sexCode: '1' | '2' }): Promise<void>;
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
  lookupErrorCode: null,
  lookupKey: null,
  simulatorFault: 'none',
  setSimulatorFault: (simulatorFault) => set({ simulatorFault }),
  async lookup(q, provisional) {
    const key = lookupKeyOf(q);
    set({ lookingUp: true, lookupError: null, lookupErrorCode: null, insured: null, lookupKey: key });
    try {
      const insured = await api.call('person.lookup', provisional ? { ...q, provisional } : q);
      if (get().lookupKey === key) set({ insured, lookingUp: false });
    } catch (err) {
      if (get().lookupKey === key) set({ lookupError: errorMessage(err), lookupErrorCode: err instanceof ApiError ? err.code : null, lookingUp: false });
    }
  },
  clearInsured: () => set({ insured: null, lookupError: null, lookupErrorCode: null, lookingUp: false, lookupKey: null }),
  setStatus: (status) => set({ status }),
  setQueue: (queue) => set({ queue }),
}));
