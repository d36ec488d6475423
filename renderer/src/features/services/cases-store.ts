/** The services' shared state: what the last submission gave (receipt or notice) and the 办件记录 of the person. */
import { create } from 'zustand';
import type { MethodInput } from '../../../../electron/contract/api';
import type { AcceptOutcome, Calculation, CaseView } from '../../../../electron/contract/features/cases';
import type { ServiceKind } from '../../../../electron/contract/vocabulary/case-kinds';
import { api, errorMessage } from '../../api/client';
import { useMaterialsDraft } from '../materials/materials-store';
import { clearDraft } from './drafts';

export type ServiceTab = ServiceKind | 'history';

interface CasesState {
  tab: ServiceTab;
  outcome: (AcceptOutcome & { forPsnNo: string }) | null;
  calculation: Calculation | null;
  submitting: boolean;
  error: string | null;
  history: CaseView[];
  historyFor: string | null;
  setTab(tab: ServiceTab): void;
  submit(input: MethodInput<'cases.accept'>): Promise<void>;
  setCalculation(c: Calculation | null): void;
  setError(e: string | null): void;
  reset(): void;
  loadHistory(psnNo: string | null): Promise<void>;
}

export const useCases = create<CasesState>((set, get) => ({
  tab: 'special-disease',
  outcome: null,
  calculation: null,
  submitting: false,
  error: null,
  history: [],
  historyFor: null,
  setTab: (tab) => set({ tab, error: null }),
  async submit(input) {
    set({ submitting: true, error: null });
    try {
      // The draft's attachments go with the case (and count as received); a 告知单 keeps them for the next try.
      const outcome = await api.call('cases.accept', { ...input, draftId: useMaterialsDraft.getState().draftId });
      // Accepted: the form's draft is done with. Refused (一次性告知单): kept, so 返回修改 gives the form back.
      if (outcome.outcome === 'accepted') {
        useMaterialsDraft.getState().accepted();
        clearDraft(input.kind, input.psnNo);
      }
      set({ outcome: { ...outcome, forPsnNo: input.psnNo }, submitting: false });
      void get().loadHistory(input.psnNo);
    } catch (err) {
      set({ submitting: false, error: errorMessage(err) });
    }
  },
  setCalculation: (calculation) => set({ calculation }),
  setError: (error) => set({ error }),
  reset: () => set({ outcome: null, calculation: null, error: null }),
  async loadHistory(psnNo) {
    if (!psnNo) return set({ history: [], historyFor: null });
    try {
      const history = await api.call('cases.history', { psnNo });
      set({ history, historyFor: psnNo });
    } catch (err) {
      set({ error: errorMessage(err) });
    }
  },
}));
