/**
 * The outbox outside the app (the `counter` CLI and the crash-test worker): opens the app database in a
 * data directory and builds a platform client from the province profile, honouring --platform URL.
 * It composes the whole app database, so it sits above the service folders, beside app-schema.ts; the app
 * itself composes in electron/host/platform-runtime.ts.
 */
import { PlatformClient } from './platform/client';
import { settingsMsgidStore } from './platform/sign-in-store';
import { DEFAULT_PROFILE_ID, loadProfile, type ProvinceProfile } from './platform/profile';
import type { Db } from './store/database';
import { openAppDatabase } from './app-schema';
import { defaultDataDir } from './store/data-dir';
import { createOutboxService, type OutboxService, type OutboxServiceOptions } from './outbox/outbox-service';
import { UploadLease } from './outbox/upload-lease';
import { attachmentKeyOf } from './attachments/attachment-cipher';
import { AttachmentStore } from './attachments/attachment-store';
import { dataDirKeySource } from './store/key-source';

export interface StandaloneOptions {
  dataDir?: string;
  platformUrl?: string;
  profile?: string;
  concurrency?: number;
  operator?: { code: string; name: string };
  tuning?: Partial<Pick<OutboxServiceOptions, 'backoff' | 'probe' | 'pollMs'>>;
  /** Upload lease role and life (default 'cli', 15 s). */
  leaseRole?: string;
  leaseTtlMs?: number;
}

export interface Standalone {
  db: Db;
  profile: ProvinceProfile;
  client: PlatformClient;
  outbox: OutboxService;
  lease: UploadLease;
  close(): void;
}

export function openStandaloneOutbox(o: StandaloneOptions = {}): Standalone {
  const profile = loadProfile(o.profile ?? DEFAULT_PROFILE_ID);
  const dataDir = o.dataDir ?? defaultDataDir();
  const keys = dataDirKeySource(dataDir);
  const db = openAppDatabase(dataDir, keys);
  try {
    const client = new PlatformClient({
      profile,
      baseUrl: o.platformUrl,
      operator: { ...(o.operator ?? { code: 'CLI0001', name: '命令行上报' }), type: 1 },
      // Reserved in the app DB: the app and this process never issue the same msgid, even in the same second.
      msgidStore: settingsMsgidStore(db),
    });
    const lease = new UploadLease(db, { role: o.leaseRole ?? 'cli', ttlMs: o.leaseTtlMs });
    // Materials go up with 9101 before their filing, whichever process sends (the app or `counter sync`).
    const attachments = new AttachmentStore(db, dataDir, attachmentKeyOf(db, keys));
    const outbox = createOutboxService({ db, client, concurrency: o.concurrency, lease, attachments, ...o.tuning });
    const close = () => {
      // Hand the lease back so the app (or the next run) need not wait for it to expire.
      try {
        lease.release();
      } finally {
        db.close();
      }
    };
    return { db, profile, client, outbox, lease, close };
  } catch (err) {
    db.close();
    throw err;
  }
}
