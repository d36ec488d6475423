/**
 * Keeps the 9001 sign-ins (one per operator) in the app DB's settings table, so a restart reuses a
 * still-valid sign_no instead of signing in again.
 */
import type { Db } from '../store/database';
import type { MsgidStore, SignInState, SignInStore } from './client';
import type { MsgidSequencer } from './envelope';

const KEY = 'platform.signIn';
/** The default operator keeps the original key (a restart still finds it); every other operator has their own. */
const keyOf = (opterNo?: string) => (opterNo === undefined ? KEY : `${KEY}.${opterNo}`);

export function settingsSignInStore(db: Db, clock: () => Date = () => new Date()): SignInStore {
  return {
    load(opterNo) {
      const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(keyOf(opterNo)) as { value: string } | undefined;
      if (!row) return null;
      try {
        const s = JSON.parse(row.value) as Partial<SignInState>;
        if (typeof s.signNo !== 'string' || typeof s.opterNo !== 'string' || typeof s.obtainedAt !== 'string' || typeof s.serviceUrl !== 'string') return null;
        return s as SignInState;
      } catch {
        return null;
      }
    },
    storedOperators() {
      const rows = db.prepare(`SELECT key FROM settings WHERE key LIKE '${KEY}.%'`).all() as Array<{ key: string }>;
      return rows.map((r) => r.key.slice(KEY.length + 1));
    },
    save(s, opterNo) {
      if (!s) {
        db.prepare('DELETE FROM settings WHERE key = ?').run(keyOf(opterNo));
        return;
      }
      db.prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      ).run(keyOf(opterNo), JSON.stringify(s), clock().toISOString());
    },
  };
}

const LEGACY_MSGID_KEY = 'platform.lastMsgid';
const msgidKey = (prefix: string) => `platform.lastMsgid.${prefix}`;

/**
 * msgid reservations in the settings table: one row per prefix holding the highest msgid reserved so far.
 * Each reservation is an IMMEDIATE transaction (a savepoint when the caller is already in one, whose commit
 * then makes it durable), so two processes on one database serialise on SQLite's write lock.
 */
export function settingsMsgidStore(db: Db, clock: () => Date = () => new Date()): MsgidStore {
  const read = db.prepare('SELECT value FROM settings WHERE key = ?');
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const last = (key: string) => (read.get(key) as { value: string } | undefined)?.value;
  const reserve = db.transaction((sequencer: MsgidSequencer, now: Date, count: number): string[] => {
    const key = msgidKey(sequencer.prefix);
    for (const k of [LEGACY_MSGID_KEY, key]) {
      const v = last(k);
      if (v) sequencer.advancePast(v);
    }
    const ids = Array.from({ length: Math.max(1, count) }, () => sequencer.next(now));
    upsert.run(key, ids[ids.length - 1], clock().toISOString());
    return ids;
  });
  return { reserve: (sequencer, now, count) => reserve.immediate(sequencer, now, count) };
}
