/**
 * The form's materials draft: one draft id per citizen at the counter; the attachments captured for it (by
 * material). A new card read starts a new draft and removes the previous citizen's unaccepted attachments, so
 * one person's papers never travel with another's case. 受理 links the draft to the case (host side).
 */
import { create } from 'zustand';
import type { AttachmentView } from '../../../../electron/contract/features/materials';
import type { AttachmentSource } from '../../../../electron/contract/vocabulary/attachments';
import { api, errorMessage } from '../../api/client';
import { uploadAttachment } from './upload';

interface MaterialsDraftState {
  draftId: string;
  /** Whose draft it is (the card at the counter), in memory only. */
  owner: string | null;
  attachments: AttachmentView[];
  /** The material being attached to, while an upload runs. */
  busy: string | null;
  error: { materialId: string; message: string } | null;
  forOwner(owner: string | null): void;
  attach(materialId: string, blob: Blob, filename: string, source: AttachmentSource): Promise<void>;
  attachScanned(materialId: string, name: string): Promise<void>;
  remove(id: number): Promise<void>;
  /** After 受理: the attachments went with the case; the next case starts a fresh draft. */
  accepted(): void;
  clearError(): void;
}

const freshDraft = () => ({ draftId: crypto.randomUUID(), attachments: [] as AttachmentView[], busy: null, error: null });

export const useMaterialsDraft = create<MaterialsDraftState>((set, get) => ({
  ...freshDraft(),
  owner: null,
  forOwner(owner) {
    if (owner === get().owner) return;
    // The previous citizen's unaccepted papers are removed, not left for the next case.
    for (const a of get().attachments) if (a.removable) void api.call('materials.remove', { id: a.id }).catch(() => undefined);
    set({ ...freshDraft(), owner });
  },
  async attach(materialId, blob, filename, source) {
    const { draftId } = get();
    set({ busy: materialId, error: null });
    try {
      const att = await uploadAttachment({ draftId, materialId, blob, filename, source });
      if (get().draftId === draftId) set((s) => ({ attachments: [...s.attachments, att] }));
    } catch (err) {
      set({ error: { materialId, message: errorMessage(err) } });
    } finally {
      set({ busy: null });
    }
  },
  async attachScanned(materialId, name) {
    const { draftId } = get();
    set({ busy: materialId, error: null });
    try {
      const att = await api.call('materials.attachScanned', { draftId, materialId, name });
      if (get().draftId === draftId) set((s) => ({ attachments: [...s.attachments, att] }));
    } catch (err) {
      set({ error: { materialId, message: errorMessage(err) } });
    } finally {
      set({ busy: null });
    }
  },
  async remove(id) {
    try {
      await api.call('materials.remove', { id });
      set((s) => ({ attachments: s.attachments.filter((a) => a.id !== id) }));
    } catch (err) {
      const a = get().attachments.find((x) => x.id === id);
      set({ error: { materialId: a?.materialId ?? '', message: errorMessage(err) } });
    }
  },
  accepted: () => set(freshDraft()),
  clearError: () => set({ error: null }),
}));
