/**
 * Retention: personal data kept only for convenience is deleted once it is older than the configured
 * number of days (config.json `privacy.retentionDays`, default 30): the platform person cache (offline
 * lookups) with the platform's last year-to-date answers (5206), and files under the data directory's
 * `receipts/` and `attachments/` folders (saved 受理回执 and 一次性告知单 PDFs, sealed material files — whose
 * rows then lose their thumbnail, or go when they never reached a case). Runs at start and then daily on an unref'd timer (it never keeps the
 * process alive), stopped at close. Every run is audited with what it removed (counts only).
 */
import fs from 'node:fs';
import path from 'node:path';
import { forgetPurgedAttachments } from '../attachments/attachment-store';
import type { AuditLog } from '../audit/audit-log';
import { pruneAccumulations } from '../platform/accumulation-cache';
import { PersonCache } from '../platform/person-cache';
import type { Db } from '../store/database';

export const RETENTION_FOLDERS = ['receipts', 'attachments'] as const;
const DAY_MS = 86_400_000;

export interface RetentionOptions {
  db: Db;
  dataDir: string;
  clock: () => Date;
  retentionDays: number;
  audit: AuditLog;
  /** Between runs; default one day. */
  intervalMs?: number;
}

export interface PurgeResult {
  personCache: number;
  files: number;
  /** Attachment rows whose sealed file went: a draft's removed, a case's thumbnail dropped. */
  attachmentRows: number;
}

/** Delete what is older than the retention period; returns how much went. */
export function purgeExpired(o: Omit<RetentionOptions, 'audit' | 'intervalMs'>): PurgeResult {
  // The platform's year-to-date answers (5206) count with the person cache: both are the platform's data on a person.
  const personCache = new PersonCache(o.db, o.clock).prune(o.retentionDays) + pruneAccumulations(o.db, o.clock(), o.retentionDays);
  const cutoff = o.clock().getTime() - o.retentionDays * DAY_MS;
  let files = 0;
  for (const folder of RETENTION_FOLDERS) files += purgeFolder(path.join(o.dataDir, folder), cutoff);
  const attachmentRows = forgetPurgedAttachments(o.db, o.dataDir, new Date(cutoff));
  return { personCache, files, attachmentRows };
}

function purgeFolder(dir: string, cutoffMs: number): number {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  let removed = 0;
  for (const e of entries) {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) {
      removed += purgeFolder(file, cutoffMs);
      continue;
    }
    if (!e.isFile()) continue;
    try {
      if (fs.statSync(file).mtimeMs < cutoffMs) {
        fs.rmSync(file);
        removed++;
      }
    } catch (err) {
      // Removed meanwhile by another process: nothing left to do.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return removed;
}

export interface RetentionJob {
  /** One purge now (also what the timer runs); null when the purge failed (the failure is audited). */
  runNow(): PurgeResult | null;
  stop(): void;
}

/**
 * Purges now, then every intervalMs until stopped. A failed purge (a file it may not delete) is audited and
 * tried again at the next interval; an audit row that cannot be written fails the start.
 */
export function startRetention(o: RetentionOptions): RetentionJob {
  const runNow = (): PurgeResult | null => {
    let result: PurgeResult;
    try {
      result = purgeExpired(o);
    } catch (err) {
      o.audit.record('system', 'privacy.purge', { retentionDays: o.retentionDays, failed: (err as NodeJS.ErrnoException).code ?? 'error' });
      return null;
    }
    o.audit.record('system', 'privacy.purge', { retentionDays: o.retentionDays, ...result });
    return result;
  };
  runNow();
  const timer = setInterval(() => {
    try {
      runNow();
    } catch {
      // The audit trail cannot be written: the desk's own calls fail loudly on it.
    }
  }, o.intervalMs ?? DAY_MS);
  timer.unref();
  return { runNow, stop: () => clearInterval(timer) };
}
