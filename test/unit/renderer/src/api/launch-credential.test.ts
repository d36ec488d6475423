import { describe, expect, it } from 'vitest';
import {
  describeRefusal,
  forgetSession,
  rememberSession,
  SESSION_STORAGE_KEY,
  takeCredential,
  type HistoryLike,
  type StorageLike,
} from '../../../../../renderer/src/api/launch-credential';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}
function recordingHistory(): HistoryLike & { urls: string[] } {
  const urls: string[] = [];
  return { urls, replaceState: (_s, _t, url) => void urls.push(String(url)) };
}
const at = (hash: string) => ({ pathname: '/', search: '', hash });

describe('browser-mode launch credential', () => {
  it('takes the launch secret from the fragment and removes it from the address bar at once', () => {
    const history = recordingHistory();
    expect(takeCredential(at('#launch=abc_DEF-123'), history, memoryStorage())).toEqual({ launch: 'abc_DEF-123' });
    expect(history.urls).toEqual(['/']);
  });

  it('keeps other fragment parameters and the query when removing the secret', () => {
    const history = recordingHistory();
    takeCredential({ pathname: '/desk', search: '?x=1', hash: '#view=queue&launch=s3cret' }, history, memoryStorage());
    expect(history.urls).toEqual(['/desk?x=1#view=queue']);
  });

  it('after a reload (no fragment) uses the session this tab stored, and touches no history', () => {
    const storage = memoryStorage();
    rememberSession(storage, 'tok');
    expect(storage.data.get(SESSION_STORAGE_KEY)).toBe('tok');
    const history = recordingHistory();
    expect(takeCredential(at(''), history, storage)).toEqual({ session: 'tok' });
    expect(history.urls).toEqual([]);
  });

  it('prefers a new launch secret over a stored session', () => {
    const storage = memoryStorage();
    rememberSession(storage, 'old');
    expect(takeCredential(at('#launch=new'), recordingHistory(), storage)).toEqual({ launch: 'new' });
  });

  it('has no credential for a page opened without the link, or with an empty secret', () => {
    expect(takeCredential(at(''), recordingHistory(), memoryStorage())).toBeNull();
    const history = recordingHistory();
    expect(takeCredential(at('#launch='), history, memoryStorage())).toBeNull();
    expect(history.urls).toEqual(['/']);
    const storage = memoryStorage();
    rememberSession(storage, 'x');
    forgetSession(storage);
    expect(takeCredential(at(''), recordingHistory(), storage)).toBeNull();
  });

  it('explains every refusal in Chinese with how to get a new link', () => {
    for (const code of ['no-credential', 'launch-invalid', 'session-invalid', 'hello-required', 'refused']) {
      const r = describeRefusal(code);
      expect(r.title).toBe('无法连接工作站');
      expect(r.detail).toMatch(/[\u4e00-\u9fff]/);
      expect(r.remedy).toContain('browser-launch.url');
    }
    expect(describeRefusal('launch-invalid', '打开链接无效或已被使用过').detail).toBe('打开链接无效或已被使用过');
  });
});
