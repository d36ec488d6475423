/**
 * Keeps the 9001 sign-in in the app DB's settings table, so a restart reuses a still-valid sign_no
 * instead of signing in again.
 */
import type { Db } from '../store/database';
import type { MsgidStore, SignInState, SignInStore } from './client';

const KEY = 'platform.signIn';

export function settingsSignInStore(db: Db, clock: () => Date = () => new Date()): SignInStore {
  return {
    load() {
      const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
      if (!row) return null;
      try {
        const s = JSON.parse(row.value) as Partial<SignInState>;
        if (typeof s.signNo !== 'string' || typeof s.opterNo !== 'string' || typeof s.obtainedAt !== 'string' || typeof s.serviceUrl !== 'string') return null;
        return s as SignInState;
      } catch {
        return null;
      }
    },
    save(s) {
      if (!s) {
        db.prepare('DELETE FROM settings WHERE key = ?').run(KEY);
        return;
      }
      db.prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ).run(KEY, JSON.stringify(s), clock().toISOString());
    },
  };
}

const MSGID_KEY = 'platform.lastMsgid';

export function settingsMsgidStore(db: Db, clock: () => Date = () => new Date()): MsgidStore {
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  return {
    last() {
      const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(MSGID_KEY) as { value: string } | undefined;
      return row?.value ?? null;
    },
    save(msgid) {
      upsert.run(MSGID_KEY, msgid, clock().toISOString());
    },
  };
}
