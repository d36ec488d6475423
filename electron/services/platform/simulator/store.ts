/**
 * The platform simulator's own SQLite file: insured persons, sign-ins, every answered message (for msgid
 * dedup and 2601 reversal), business records and uploaded files. Its own versioned migration list (append
 * only, next number), separate from the app DB.
 */
import { openDatabase, type Db, type VersionedMigration } from '../../store/database';

export const simulatorMigrations: VersionedMigration[] = [
  {
    version: 1,
    name: 'platform simulator state',
    up(db) {
      db.exec(`
        CREATE TABLE persons (
          psn_no TEXT PRIMARY KEY,
          certno TEXT NOT NULL UNIQUE,
          card_no TEXT,
          card_sn TEXT,
          ec_token TEXT UNIQUE,
          json TEXT NOT NULL
        );
        CREATE TABLE sign_ins (
          sign_no TEXT PRIMARY KEY,
          opter_no TEXT NOT NULL,
          sign_time TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          signed_out INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE messages (
          msgid TEXT PRIMARY KEY,
          infno TEXT NOT NULL,
          psn_no TEXT,
          infcode INTEGER NOT NULL,
          reply_json TEXT NOT NULL,
          record_sn TEXT,
          reversed INTEGER NOT NULL DEFAULT 0,
          at TEXT NOT NULL
        );
        CREATE TABLE records (
          sn TEXT PRIMARY KEY,
          kind TEXT NOT NULL,
          psn_no TEXT NOT NULL,
          insutype TEXT NOT NULL DEFAULT '',
          key1 TEXT NOT NULL DEFAULT '',
          key2 TEXT NOT NULL DEFAULT '',
          begndate TEXT NOT NULL DEFAULT '',
          enddate TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL,
          created_msgid TEXT NOT NULL,
          created_at TEXT NOT NULL,
          json TEXT NOT NULL
        );
        CREATE INDEX records_by_person ON records (kind, psn_no);
        CREATE TABLE invoices (
          bill_code TEXT NOT NULL,
          bill_no TEXT NOT NULL,
          claim_sn TEXT NOT NULL,
          PRIMARY KEY (bill_code, bill_no)
        );
        CREATE TABLE files (
          file_qury_no TEXT PRIMARY KEY,
          filename TEXT NOT NULL,
          size INTEGER NOT NULL,
          sha256 TEXT NOT NULL,
          content BLOB NOT NULL,
          at TEXT NOT NULL
        );
      `);
    },
  },
  {
    // Lookups by business key instead of scanning a person's whole history: duplicate checks over
    // valid records only, queries by key, and every claim an invoice was ever on (kept past cancellation).
    version: 2,
    name: 'indexed business lookups',
    up(db) {
      db.exec(`
        CREATE INDEX records_by_key ON records (kind, psn_no, key1, begndate);
        CREATE INDEX records_valid_by_end ON records (kind, psn_no, key1, enddate, begndate) WHERE status = 'valid';
        CREATE TABLE claim_invoices (
          bill_code TEXT NOT NULL,
          bill_no TEXT NOT NULL,
          claim_sn TEXT NOT NULL,
          PRIMARY KEY (bill_code, bill_no, claim_sn)
        );
      `);
      const rows = db.prepare(`SELECT sn, json FROM records WHERE kind = 'reimbursement'`).all() as { sn: string; json: string }[];
      const ins = db.prepare('INSERT OR IGNORE INTO claim_invoices (bill_code, bill_no, claim_sn) VALUES (?, ?, ?)');
      for (const r of rows) {
        const invoices = (JSON.parse(r.json) as { invoices?: { code: string; no: string }[] }).invoices ?? [];
        for (const i of invoices) ins.run(i.code, i.no, r.sn);
      }
    },
  },
];

export function openSimulatorDatabase(file: string): Db {
  return openDatabase(file, { migrations: simulatorMigrations });
}

export type RecordKind = 'special-disease' | 'referral' | 'remote-registration' | 'reimbursement';
export type RecordStatus = 'valid' | 'cancelled' | 'reversed';

export interface RecordRow {
  sn: string;
  kind: RecordKind;
  psn_no: string;
  insutype: string;
  key1: string;
  key2: string;
  begndate: string;
  enddate: string;
  status: RecordStatus;
  created_msgid: string;
  created_at: string;
  json: string;
}
