/**
 * The 办件 screen's state, shared so other pages can send the clerk there: the search as typed, its rows,
 * and the case open in the detail pane (the queue's 处理 and the desk's 容缺 reminder open one directly).
 */
import { create } from 'zustand';
import type { MethodInput } from '../../../../electron/contract/api';
import type { CaseRow } from '../../../../electron/contract/features/worklist';
import { api, errorMessage } from '../../api/client';
import { useDesk } from '../../store/desk-store';

export type Search = MethodInput<'cases.search'>;
export type Range = 'today' | 'week' | 'all' | 'custom';

/** yyyy-MM-dd in China Standard Time, like the host's dates. */
export function cstToday(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export function rangeDates(range: Range, custom: { from: string; to: string }): { from?: string; to?: string } {
  if (range === 'today') return { from: cstToday(), to: cstToday() };
  if (range === 'week') return { from: cstToday(-6), to: cstToday() };
  if (range === 'all') return {};
  return { from: custom.from || undefined, to: custom.to || undefined };
}

interface WorklistState {
  text: string;
  range: Range;
  custom: { from: string; to: string };
  kind: Search['kind'] | '';
  state: Search['state'] | '';
  operator: string;
  rows: CaseRow[];
  truncated: boolean;
  loading: boolean;
  error: string | null;
  open: string | null;
  set(patch: Partial<Pick<WorklistState, 'text' | 'range' | 'custom' | 'kind' | 'state' | 'operator'>>): void;
  query(): Search;
  search(): Promise<void>;
  openCase(caseNo: string | null): void;
  /** From another page: show the 办件 screen with this case open (and its standing as the filter). */
  showCase(caseNo: string): void;
  showPendingMaterials(): void;
}

export const useWorklist = create<WorklistState>((set, get) => ({
  text: '',
  range: 'today',
  custom: { from: '', to: '' },
  kind: '',
  state: '',
  operator: '',
  rows: [],
  truncated: false,
  loading: false,
  error: null,
  open: null,
  set: (patch) => set(patch),
  query() {
    const s = get();
    return {
      text: s.text.trim() || undefined,
      ...rangeDates(s.range, s.custom),
      kind: s.kind || undefined,
      state: s.state || undefined,
      operator: s.operator.trim() || undefined,
    };
  },
  async search() {
    set({ loading: true, error: null });
    try {
      const out = await api.call('cases.search', get().query());
      set({ rows: out.rows, truncated: out.truncated, loading: false });
    } catch (err) {
      set({ loading: false, error: errorMessage(err) });
    }
  },
  openCase: (open) => set({ open }),
  showCase(caseNo) {
    set({ open: caseNo, text: caseNo, range: 'all', kind: '', state: '', operator: '' });
    useDesk.getState().setView('cases');
    void get().search();
  },
  showPendingMaterials() {
    set({ open: null, text: '', range: 'all', kind: '', state: 'pending-materials', operator: '' });
    useDesk.getState().setView('cases');
    void get().search();
  },
}));
