/**
 * The app database's schema, as an ordered list: entry N produces user_version N.
 * Append only — never edit or reorder an entry that has shipped.
 */
import type { Migration } from './database';
import { caseOperatorMigration, casesMigration } from '../cases/case-schema';
import { caseDetailsMigration } from '../cases/case-details';
import { settledClaimsMigration } from '../reimbursement/settled-claims';
import { outboxDueIndexMigration, outboxMigration } from '../outbox/outbox-schema';
import { personCacheMigration } from '../platform/person-cache';
import { printJobsMigration } from '../printing/print-job-store';
import { auditChainMigration } from '../audit/audit-chain';
import { operatorsMigration } from '../operators/operator-schema';

export const appMigrations: Migration[] = [
  {
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
  casesMigration,
  outboxMigration,
  personCacheMigration,
  caseDetailsMigration,
  settledClaimsMigration,
  outboxDueIndexMigration,
  printJobsMigration,
  auditChainMigration,
  operatorsMigration,
  caseOperatorMigration,
];
