/** Schema for operators: who may sign in, with which role, and the state of their lockout. */
import type { Migration } from '../store/database';
import { OPERATOR_ROLES } from '../../contract/features/auth';

export const operatorsMigration: Migration = {
  name: 'operators',
  up(db) {
    const roles = OPERATOR_ROLES.map((r) => `'${r}'`).join(', ');
    db.exec(`
      CREATE TABLE operators (
        code TEXT PRIMARY KEY COLLATE NOCASE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN (${roles})),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        last_sign_in_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
