/** Schema for the transactional outbox: one row per case to file, plus every attempt made for it. */
import type { Migration } from '../store/database';

export const OUTBOX_STATES = ['pending', 'in-flight', 'done', 'retry', 'needs-clerk', 'unknown'] as const;

export const outboxMigration: Migration = {
  name: 'outbox and attempts',
  up(db) {
    const states = OUTBOX_STATES.map((s) => `'${s}'`).join(', ');
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
        infno TEXT NOT NULL,
        msgid TEXT,
        state TEXT NOT NULL CHECK (state IN (${states})),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        platform_message TEXT,
        depends_on INTEGER REFERENCES outbox(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX outbox_due ON outbox(state, next_attempt_at);
      CREATE TABLE outbox_attempts (
        id INTEGER PRIMARY KEY,
        outbox_id INTEGER NOT NULL REFERENCES outbox(id),
        action TEXT NOT NULL CHECK (action IN ('send', 'query', 'reverse')),
        infno TEXT NOT NULL,
        msgid TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        outcome TEXT,
        message TEXT
      );
      CREATE INDEX outbox_attempts_item ON outbox_attempts(outbox_id);
      CREATE INDEX outbox_attempts_msgid ON outbox_attempts(msgid);
    `);
  },
};

/** Waiting items in due order, so picking the next few never sorts the whole queue. */
export const outboxDueIndexMigration: Migration = {
  name: 'outbox waiting index',
  up(db) {
    db.exec(`CREATE INDEX outbox_waiting ON outbox(next_attempt_at, id) WHERE state IN ('pending', 'retry', 'unknown')`);
  },
};

/**
 * The clerk's hand on the queue: `held` (why an item may not go yet — a 容缺 case waits for its materials;
 * NULL = free to go) and `resolution` (how a 需人工处理 item was closed: resubmitted, voided, settled
 * elsewhere; such an item is never retried and no longer counted as waiting).
 */
export const outboxClerkMigration: Migration = {
  name: 'outbox hold and resolution',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN held TEXT;
      ALTER TABLE outbox ADD COLUMN resolution TEXT;
    `);
  },
};
