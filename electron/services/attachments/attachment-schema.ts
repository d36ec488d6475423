/**
 * The attachments table: one row per captured material file (the sealed bytes live under
 * <dataDir>/attachments/, named by file_id). A row belongs to a draft (before acceptance: the form being
 * filled) or to a case (linked in the accepting transaction). upload_msgid is reserved before the first
 * 9101 is sent, so a retry reuses it and the platform answers it once; file_qury_no is the platform's answer.
 */
import type { Migration } from '../store/database';
import { ATTACHMENT_MIMES, ATTACHMENT_SOURCES } from '../../contract/vocabulary/attachments';

export const attachmentsMigration: Migration = {
  name: 'material attachments',
  up(db) {
    const mimes = ATTACHMENT_MIMES.map((m) => `'${m}'`).join(', ');
    const sources = ATTACHMENT_SOURCES.map((s) => `'${s}'`).join(', ');
    db.exec(`
      CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        file_id TEXT NOT NULL UNIQUE,
        draft_id TEXT,
        case_id INTEGER REFERENCES cases(id),
        material_id TEXT NOT NULL,
        filename TEXT NOT NULL,
        mime TEXT NOT NULL CHECK (mime IN (${mimes})),
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN (${sources})),
        thumbnail BLOB,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        upload_msgid TEXT,
        file_qury_no TEXT,
        uploaded_at TEXT,
        CHECK (draft_id IS NOT NULL OR case_id IS NOT NULL)
      );
      CREATE INDEX attachments_case ON attachments(case_id) WHERE case_id IS NOT NULL;
      CREATE INDEX attachments_draft ON attachments(draft_id) WHERE draft_id IS NOT NULL;
    `);
  },
};
