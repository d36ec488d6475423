/**
 * The outbox as one service for the composition root and the 上报队列 panel: accept cases, watch and
 * drive the uploader, read counts, entries and attempt history.
 */
import type { CaseRecord } from '../cases/case-store';
import type { PlatformClient } from '../platform/client';
import type { AttachmentStore } from '../attachments/attachment-store';
import { uploadFile } from '../platform/transactions/file-upload';
import type { Db } from '../store/database';
import { acceptCase, acceptCases, type AcceptCaseInput } from './accept';
import { listAttempts, type OutboxAttempt } from './outbox-store';
import { platformSenders } from './platform-senders';
import { listQueue, queueCounts, type QueueCounts, type QueueEntry, type QueueQuery } from './queue-view';
import { transactionCodesFromProfile, type TransactionCodes } from './transaction-codes';
import type { UploadLease } from './upload-lease';
import { Uploader, type SenderRegistry, type UploaderOptions } from './uploader';

export interface OutboxServiceOptions
  extends Partial<Pick<UploaderOptions, 'concurrency' | 'backoff' | 'probe' | 'pollMs' | 'now' | 'random' | 'duplicatePatterns'>> {
  db: Db;
  client: PlatformClient;
  /** Default: the platform senders for this client; tests may pass their own. */
  senders?: SenderRegistry;
  codes?: TransactionCodes;
  /** Who sends for this database (default: an 'app' lease of this process). */
  lease?: UploadLease;
  /** The materials store: each case's attachments go up with 9101 before its filing. */
  attachments?: AttachmentStore;
}

export interface OutboxService {
  readonly uploader: Uploader;
  readonly codes: TransactionCodes;
  /** Case + first event + outbox row in one transaction; refuses a duplicate business key. */
  accept(input: AcceptCaseInput): CaseRecord;
  /** All or nothing. */
  acceptMany(inputs: readonly AcceptCaseInput[]): CaseRecord[];
  counts(): QueueCounts;
  list(q?: QueueQuery): QueueEntry[];
  attempts(itemId: number): OutboxAttempt[];
  retryNow(itemId?: number): number;
}

export function createOutboxService(o: OutboxServiceOptions): OutboxService {
  const codes = o.codes ?? transactionCodesFromProfile(o.client.profile);
  const now = o.now ?? (() => new Date());
  const uploader = new Uploader({
    db: o.db,
    client: o.client,
    senders: o.senders ?? platformSenders(o.client),
    codes,
    concurrency: o.concurrency,
    backoff: o.backoff,
    probe: o.probe,
    pollMs: o.pollMs,
    now,
    random: o.random,
    duplicatePatterns: o.duplicatePatterns,
    lease: o.lease,
    attachments: o.attachments
      ? { store: o.attachments, upload: async (file, opts) => (await uploadFile(o.client, file, opts)).result.file_qury_no }
      : undefined,
  });
  const notify = () => uploader.emit('changed', { itemId: 0, caseId: 0, state: 'pending' });
  return {
    uploader,
    codes,
    accept(input) {
      const c = acceptCase(o.db, input, { codes, now });
      notify();
      return c;
    },
    acceptMany(inputs) {
      const cs = acceptCases(o.db, inputs, { codes, now });
      notify();
      return cs;
    },
    counts: () => queueCounts(o.db),
    list: (q) => listQueue(o.db, q, { online: uploader.online, now: now() }),
    attempts: (id) => listAttempts(o.db, id),
    retryNow: (id) => uploader.retryNow(id),
  };
}
