/** Schema for generic case persistence: one row per case, one event row per state change. */
import type { Migration } from '../store/database';

export const CASE_KINDS = [
  'special-disease',
  'remote-registration',
  'reimbursement',
  'special-disease-cancel',
  'remote-registration-cancel',
  'reimbursement-cancel',
] as const;

export const casesMigration: Migration = {
  name: 'cases and case events',
  up(db) {
    const kinds = CASE_KINDS.map((k) => `'${k}'`).join(', ');
    db.exec(`
      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        case_no TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN (${kinds})),
        business_key TEXT NOT NULL,
        psn_no TEXT NOT NULL,
        insuplc_admdvs TEXT,
        payload TEXT NOT NULL,
        result TEXT,
        related_case_id INTEGER REFERENCES cases(id),
        state TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        UNIQUE (kind, business_key)
      );
      CREATE INDEX cases_psn_no ON cases(psn_no);
      CREATE TABLE case_events (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        reason TEXT
      );
      CREATE INDEX case_events_case ON case_events(case_id);
      CREATE TABLE case_no_seq (prefix TEXT PRIMARY KEY, last INTEGER NOT NULL);
    `);
  },
};

/**
 * The operator who did the business, beside created_by (their 工号): the name and the envelope's opter_type
 * (1 counter, 2 kiosk), so the uploader's envelopes name them however long the case waits in the queue.
 * NULL for cases from before sign-in and for imports: those go out under the workstation's configured operator.
 */
export const caseOperatorMigration: Migration = {
  name: 'cases carry their operator',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN created_by_name TEXT;
      ALTER TABLE cases ADD COLUMN opter_type INTEGER CHECK (opter_type IN (1, 2, 3));
    `);
  },
};
