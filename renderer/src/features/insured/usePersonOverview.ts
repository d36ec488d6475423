/**
 * person.overview for the person on the panel: fetched per 人员编号, on 刷新, and again when the upload queue
 * changes (a case just accepted or filed for them shows at once); a late answer for someone else is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PersonOverview } from '../../../../electron/contract/features/person';
import { api, errorMessage } from '../../api/client';
import { useAuth } from '../../auth/auth-store';
import { may } from '../../auth/access';

const QUEUE_RELOAD_DEBOUNCE_MS = 800;

export function usePersonOverview(psnNo: string | null) {
  const role = useAuth((s) => s.operator?.role);
  const allowed = may(role, 'person.overview');
  const [data, setData] = useState<PersonOverview | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<string | null>(null);

  const load = useCallback(async (who: string) => {
    setLoading(true);
    setError(null);
    try {
      const o = await api.call('person.overview', { psnNo: who });
      if (current.current === who) setData(o);
    } catch (err) {
      if (current.current === who) setError(`本年待遇和备案查询失败：${errorMessage(err)}`);
    } finally {
      if (current.current === who) setLoading(false);
    }
  }, []);

  useEffect(() => {
    current.current = psnNo;
    setData(null);
    setError(null);
    if (psnNo && allowed) void load(psnNo);
    else setLoading(false);
  }, [psnNo, allowed, load]);

  // The queue changes when a case is accepted, filed or refused: the panel's 备案 lines follow (debounced,
  // so a burst of uploads is one lookup).
  useEffect(() => {
    if (!psnNo || !allowed) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('queue.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(psnNo), QUEUE_RELOAD_DEBOUNCE_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [psnNo, allowed, load]);

  const reload = useCallback(() => {
    if (psnNo && allowed) void load(psnNo);
  }, [psnNo, allowed, load]);

  return { data, loading, error, reload };
}
