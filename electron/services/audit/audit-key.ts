/**
 * The key of the audit chain (see ./audit-chain). It is made once per database and kept INSIDE the encrypted
 * database (settings `audit.chain-key`): whoever can open the database can extend and verify its trail, nobody
 * else can forge it, and `counter rekey` — which replaces the master key — leaves every old row verifiable
 * (a key derived from the master key would have made the whole trail unverifiable after each rotation).
 * The first value is derived from the master key with HKDF (label 'counter-audit-chain'); any secret would do.
 */
import crypto from 'node:crypto';
import type { Db } from '../store/database';

export const AUDIT_KEY_LABEL = 'counter-audit-chain';
const SETTING = 'audit.chain-key';

export function deriveAuditKey(masterKey: string | Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), AUDIT_KEY_LABEL, 32));
}

/** The stored audit key, or null where no row was ever chained (verifying must not invent a key). */
export function storedAuditKey(db: Db): Buffer | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(SETTING) as { value: string } | undefined;
  return row ? Buffer.from(row.value, 'hex') : null;
}

/** The database's audit key, stored on first use; two processes starting at once agree (INSERT OR IGNORE). */
export function auditKeyOf(db: Db, seed: Buffer = crypto.randomBytes(32)): Buffer {
  const existing = storedAuditKey(db);
  if (existing) return existing;
  db.prepare('INSERT OR IGNORE INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(SETTING, seed.toString('hex'), new Date().toISOString());
  return storedAuditKey(db)!;
}
