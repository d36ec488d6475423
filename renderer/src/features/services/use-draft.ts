/** The form side of ./drafts: the draft to start from, and saving every change the clerk makes. */
import { useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormWatch } from 'react-hook-form';
import type { ServiceKind } from '../../../../electron/contract/vocabulary/case-kinds';
import { clearDraft, loadDraft, saveDraft, type Draft } from './drafts';

export function useStartingDraft<V>(kind: ServiceKind, psnNo: string): Draft<V> | null {
  const [draft] = useState(() => loadDraft<V>(kind, psnNo));
  return draft;
}

/** Saves the form and its side state after each change (not at mount: reading a card alone leaves no draft). */
export function useDraftSaver<V extends FieldValues>(
  kind: ServiceKind,
  psnNo: string,
  watch: UseFormWatch<V>,
  getValues: () => V,
  side: { materials: string[]; promiseSigned: boolean; extra?: Record<string, string> },
): void {
  const sideRef = useRef(side);
  sideRef.current = side;
  const save = useRef(() => undefined as void);
  save.current = () => saveDraft(kind, psnNo, { values: getValues(), ...sideRef.current });
  useEffect(() => {
    const sub = watch(() => save.current());
    return () => sub.unsubscribe();
  }, [watch]);
  const sideKey = JSON.stringify(side);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    save.current();
  }, [sideKey]);
}

export { clearDraft };
