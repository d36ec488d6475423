import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../electron/contract/schemas';
import { api } from './client';

let cached: AppInfo['mode'] | null = null;

/** 'electron' or 'browser' (null until known): some actions exist only in the desktop app (A4 printing). */
export function useAppMode(): AppInfo['mode'] | null {
  const [mode, setMode] = useState(cached);
  useEffect(() => {
    if (cached) return;
    api
      .call('app.info')
      .then((info) => setMode((cached = info.mode)))
      .catch(() => undefined);
  }, []);
  return mode;
}
