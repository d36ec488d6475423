/**
 * What this desk is (config.json `profile`) and its own hospital with that hospital's doctors, read once from
 * the host. A hospital 医保办 desk fills its forms from it; the forms wait for it (`ready`) so their defaults
 * are set at mount and no draft is written by a late fill. A failed read leaves the hall counter's blanks.
 */
import { create } from 'zustand';
import type { MethodOutput } from '../../../electron/contract/api';
import { api } from '../api/client';

export type DeskHospital = MethodOutput<'catalogues.deskHospital'>;

interface DeskProfileState {
  info: DeskHospital | null;
  ready: boolean;
  load(): void;
}

export const useDeskProfile = create<DeskProfileState>((set, get) => ({
  info: null,
  ready: false,
  load() {
    if (get().ready) return;
    api
      .call('catalogues.deskHospital')
      .then((info) => set({ info, ready: true }))
      .catch(() => set({ info: null, ready: true }));
  },
}));
