/**
 * The key of the audit chain (see ./audit-chain). It is derived from the database master key with HKDF
 * (label 'counter-audit-chain'), so whoever may open the database can also extend and verify its audit trail,
 * and nobody else can forge it.
 *
 * SEAM FOR THE ENCRYPTION WORK: once every database is encrypted, the app context exposes the derived audit
 * key and `auditKeyFor` is replaced by it. Until then a database opened without a key (plain file) uses the
 * TEMPORARY FALLBACK below: a random key kept in <dataDir>/audit-chain.key (0600). It protects the chain
 * against edits by anyone who cannot read that file; it is not a substitute for the master key.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const AUDIT_KEY_LABEL = 'counter-audit-chain';
export const FALLBACK_AUDIT_KEY_FILE = 'audit-chain.key';

export function deriveAuditKey(masterKey: string | Buffer): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), AUDIT_KEY_LABEL, 32));
}

/**
 * The audit key for a data directory: derived from the database key, or (plain database) the fallback file,
 * created on first use unless `create` is false (verifying must not invent a key: it returns null then).
 */
export function auditKeyFor(dataDir: string, databaseKey: string | undefined): Buffer;
export function auditKeyFor(dataDir: string, databaseKey: string | undefined, opts: { create: false }): Buffer | null;
export function auditKeyFor(dataDir: string, databaseKey: string | undefined, opts: { create?: boolean } = {}): Buffer | null {
  if (databaseKey) return deriveAuditKey(databaseKey);
  // TEMPORARY FALLBACK (plain database, no master key yet) — remove once every database has a key.
  const file = path.join(dataDir, FALLBACK_AUDIT_KEY_FILE);
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (opts.create === false) return null;
  const key = crypto.randomBytes(32);
  fs.mkdirSync(dataDir, { recursive: true });
  // Written whole under a private name, then linked into place: two processes starting at once agree on one key.
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(tmp, key.toString('hex') + '\n', { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
