/**
 * The app database's schema, joining the features' migrations: every step with its explicit version, the
 * user_version it records (the same numbers databases written before versions were explicit already carry).
 * Append only, next number — never edit, renumber or reorder a step that has shipped; openDatabase refuses
 * a broken list. It sits above the features (store/ is the lowest layer and knows none of them), with the
 * one way to open counter.db with this schema.
 */
import type { Db, VersionedMigration } from './store/database';
import { openDataDirDatabase, type OpenAppDatabaseOptions } from './store/app-database';
import type { KeySource } from './store/key-source';
import { caseOperatorMigration, casesMigration } from './cases/case-schema';
import { caseDetailsMigration } from './cases/case-details';
import { settledClaimsMigration } from './reimbursement/settled-claims';
import { outboxDueIndexMigration, outboxMigration } from './outbox/outbox-schema';
import { personCacheMigration } from './platform/person-cache';
import { printJobsMigration } from './printing/print-job-store';
import { auditChainMigration } from './audit/audit-chain';
import { operatorsMigration } from './operators/operator-schema';
import { ratingsMigration } from './cases/ratings';
import { formPrintsMigration } from './paper/form-prints';

export const appMigrations: VersionedMigration[] = [
  {
    version: 1,
    name: 'settings and audit',
    up(db) {
      db.exec(`
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          detail TEXT
        );
      `);
    },
  },
  { version: 2, ...casesMigration },
  { version: 3, ...outboxMigration },
  { version: 4, ...personCacheMigration },
  { version: 5, ...caseDetailsMigration },
  { version: 6, ...settledClaimsMigration },
  { version: 7, ...outboxDueIndexMigration },
  { version: 8, ...printJobsMigration },
  { version: 9, ...auditChainMigration },
  { version: 10, ...operatorsMigration },
  { version: 11, ...caseOperatorMigration },
  { version: 12, ...ratingsMigration },
  { version: 13, ...formPrintsMigration },
];

/** counter.db in dataDir, encrypted with the data directory's key, migrated to appMigrations. */
export function openAppDatabase(dataDir: string, keys?: KeySource, opts: OpenAppDatabaseOptions = {}): Db {
  return openDataDirDatabase(dataDir, appMigrations, keys, opts);
}
