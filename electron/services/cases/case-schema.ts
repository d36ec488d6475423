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

/**
 * The 办件 work list: indexes for searching by date, service, state and operator over many cases, and on the
 * case details the applicant's name, the ID number stored reversed (so "last digits" and the full number are
 * one index range; the store is encrypted, and no screen shows it — results carry the masked form only) and
 * the 容缺 follow-up (补齐: when, by whom, what was received). Cases from before this step get their number
 * from the person cache where it still holds the person.
 */
export const caseSearchMigration: Migration = {
  name: 'case search and 容缺 follow-up',
  up(db) {
    db.exec(`
      ALTER TABLE case_details ADD COLUMN applicant_id_rev TEXT;
      ALTER TABLE case_details ADD COLUMN completed_at TEXT;
      ALTER TABLE case_details ADD COLUMN completed_by TEXT;
      ALTER TABLE case_details ADD COLUMN completed_note TEXT;
      CREATE INDEX cases_created ON cases(created_at);
      CREATE INDEX cases_kind_created ON cases(kind, created_at);
      CREATE INDEX cases_state_created ON cases(state, created_at);
      CREATE INDEX cases_by_created ON cases(created_by, created_at);
      CREATE INDEX case_details_name ON case_details(applicant_name);
      CREATE INDEX case_details_id_rev ON case_details(applicant_id_rev);
      CREATE INDEX case_details_open_pending ON case_details(pending_deadline)
        WHERE pending_deadline IS NOT NULL AND completed_at IS NULL;
      UPDATE case_details SET applicant_id_rev = (
        SELECT p.cert_no FROM platform_person_cache p JOIN cases c ON c.psn_no = p.psn_no
        WHERE c.id = case_details.case_id LIMIT 1
      );
    `);
    // SQLite has no reverse(): reverse in JS what the backfill found.
    const rows = db.prepare('SELECT case_id, applicant_id_rev FROM case_details WHERE applicant_id_rev IS NOT NULL').all() as Array<{ case_id: number; applicant_id_rev: string }>;
    const upd = db.prepare('UPDATE case_details SET applicant_id_rev = ? WHERE case_id = ?');
    for (const r of rows) upd.run(reverseIdNumber(r.applicant_id_rev), r.case_id);
  },
};

/** The ID number as the search index keeps it: upper-case, reversed (a suffix search becomes a prefix range). */
export function reverseIdNumber(idNumber: string): string {
  return [...idNumber.trim().toUpperCase()].reverse().join('');
}
