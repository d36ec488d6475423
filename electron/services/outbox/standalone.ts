/**
 * The outbox outside the app (the `counter` CLI and the crash-test worker): opens the app database in a
 * data directory and builds a platform client from the province profile, honouring --platform URL.
 * The lead's composition root will replace this for the app itself.
 */
import { PlatformClient } from '../platform/client';
import { DEFAULT_PROFILE_ID, loadProfile, type ProvinceProfile } from '../platform/profile';
import type { Db } from '../store/database';
import { openAppDatabase } from '../store/app-database';
import { defaultDataDir } from '../store/data-dir';
import { createOutboxService, type OutboxService, type OutboxServiceOptions } from './outbox-service';

export interface StandaloneOptions {
  dataDir?: string;
  platformUrl?: string;
  profile?: string;
  concurrency?: number;
  operator?: { code: string; name: string };
  tuning?: Partial<Pick<OutboxServiceOptions, 'backoff' | 'probe' | 'pollMs'>>;
}

export interface Standalone {
  db: Db;
  profile: ProvinceProfile;
  client: PlatformClient;
  outbox: OutboxService;
  close(): void;
}

export function openStandaloneOutbox(o: StandaloneOptions = {}): Standalone {
  const profile = loadProfile(o.profile ?? DEFAULT_PROFILE_ID);
  const db = openAppDatabase(o.dataDir ?? defaultDataDir());
  try {
    const client = new PlatformClient({
      profile,
      baseUrl: o.platformUrl,
      operator: { ...(o.operator ?? { code: 'CLI0001', name: '命令行上报' }), type: 1 },
    });
    const outbox = createOutboxService({ db, client, concurrency: o.concurrency, ...o.tuning });
    return { db, profile, client, outbox, close: () => db.close() };
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * The client numbers msgids per second from 0001 and does not remember across restarts: a process that
 * starts in the same second another one died could repeat its msgids. Waiting for the next second
 * before the first call rules that out (the previous process is gone by then).
 */
export function waitForFreshMsgidSecond(now: () => number = Date.now): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1000 - (now() % 1000) + 5));
}
