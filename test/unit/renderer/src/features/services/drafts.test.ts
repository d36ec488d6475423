import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearAllDrafts, clearDraft, draftKey, loadDraft, saveDraft } from '../../../../../../renderer/src/features/services/drafts';

/** sessionStorage as the browser has it (Node has none). */
class MemoryStorage {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, String(v));
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  clear() {
    this.m.clear();
  }
}

let store: MemoryStorage;
beforeEach(() => {
  store = new MemoryStorage();
  // Object.keys(sessionStorage) lists the keys in a browser; the proxy does the same here.
  const proxy = new Proxy(store, { ownKeys: (t) => [...(t as unknown as { m: Map<string, string> }).m.keys()], getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }) });
  (globalThis as { window?: unknown }).window = { sessionStorage: proxy };
});
afterEach(() => {
  delete (globalThis as { window?: unknown }).window;
});

describe('drafts per person and service', () => {
  const values = { tel: '13800138000', hospitalName: '示例医院' };

  it('saves and restores values, materials and extras', () => {
    saveDraft('special-disease', 'P001', { values, materials: ['id-document'], promiseSigned: false, extra: { filter: 'tnb' } });
    const d = loadDraft<typeof values>('special-disease', 'P001');
    expect(d).toMatchObject({ values, materials: ['id-document'], promiseSigned: false, extra: { filter: 'tnb' } });
    expect(typeof d?.savedAt).toBe('number');
  });

  it('keys hold the service and the 人员编号, never an ID number', () => {
    expect(draftKey('reimbursement', '99011101018503120017')).toBe('counter.draft.v1:reimbursement:99011101018503120017');
    saveDraft('reimbursement', 'P001', { values, materials: [], promiseSigned: false });
    expect(store.key(0)).toBe('counter.draft.v1:reimbursement:P001');
  });

  it('another person or another service does not see the draft', () => {
    saveDraft('special-disease', 'P001', { values, materials: [], promiseSigned: false });
    expect(loadDraft('special-disease', 'P002')).toBeNull();
    expect(loadDraft('reimbursement', 'P001')).toBeNull();
  });

  it('is gone after 受理 (clearDraft) and all of them at sign-out (clearAllDrafts), other keys untouched', () => {
    saveDraft('special-disease', 'P001', { values, materials: [], promiseSigned: false });
    saveDraft('reimbursement', 'P002', { values, materials: [], promiseSigned: false });
    store.setItem('counter.session', 'keep');
    clearDraft('special-disease', 'P001');
    expect(loadDraft('special-disease', 'P001')).toBeNull();
    expect(loadDraft('reimbursement', 'P002')).not.toBeNull();
    clearAllDrafts();
    expect(loadDraft('reimbursement', 'P002')).toBeNull();
    expect(store.getItem('counter.session')).toBe('keep');
  });

  it('a damaged draft is ignored, not thrown', () => {
    store.setItem(draftKey('special-disease', 'P001'), '{not json');
    expect(loadDraft('special-disease', 'P001')).toBeNull();
    store.setItem(draftKey('special-disease', 'P001'), '"text"');
    expect(loadDraft('special-disease', 'P001')).toBeNull();
  });
});
