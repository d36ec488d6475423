/**
 * Half-filled forms kept per person and service in sessionStorage (this tab only, gone when it closes), so a
 * reload, an accidental card re-read of the same person or 返回修改 after a 一次性告知单 gives the form
 * back. The key holds the platform's 人员编号 (psn_no), never the ID number; a draft is dropped after 受理,
 * and every draft at sign-out or lock (../../auth/clear-person-data.ts).
 */
import type { ServiceKind } from '../../../../electron/contract/vocabulary/case-kinds';

const PREFIX = 'counter.draft.v1:';

export interface Draft<V> {
  values: V;
  materials: string[];
  promiseSigned: boolean;
  /** Form-specific extras (e.g. the 病种 search text, the 退休 choice). */
  extra?: Record<string, string>;
  savedAt: number;
}

export const draftKey = (kind: ServiceKind, psnNo: string) => `${PREFIX}${kind}:${psnNo}`;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadDraft<V>(kind: ServiceKind, psnNo: string): Draft<V> | null {
  const raw = storage()?.getItem(draftKey(kind, psnNo));
  if (!raw) return null;
  try {
    const d = JSON.parse(raw) as Draft<V>;
    return d && typeof d === 'object' && d.values ? d : null;
  } catch {
    return null;
  }
}

export function saveDraft<V>(kind: ServiceKind, psnNo: string, draft: Omit<Draft<V>, 'savedAt'>): void {
  try {
    storage()?.setItem(draftKey(kind, psnNo), JSON.stringify({ ...draft, savedAt: Date.now() }));
  } catch {
    // A full or disabled storage loses only the convenience, never the case.
  }
}

export function clearDraft(kind: ServiceKind, psnNo: string): void {
  storage()?.removeItem(draftKey(kind, psnNo));
}

export function clearAllDrafts(): void {
  const s = storage();
  if (!s) return;
  for (const key of Object.keys(s)) if (key.startsWith(PREFIX)) s.removeItem(key);
}
