import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditKeyOf, deriveAuditKey, storedAuditKey } from '../../../../../electron/services/audit/audit-key';
import { openAppDatabase } from '../../../../../electron/services/app-schema';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-key-'));
  dirs.push(d);
  return d;
};

describe('audit key', () => {
  it('is first derived with HKDF-SHA256 and the label counter-audit-chain, never the master key itself', () => {
    const key = deriveAuditKey('0123456789abcdef0123456789abcdef');
    expect(key).toEqual(Buffer.from(crypto.hkdfSync('sha256', '0123456789abcdef0123456789abcdef', Buffer.alloc(0), 'counter-audit-chain', 32)));
    expect(key.toString('hex')).not.toContain('0123456789abcdef');
  });

  it('is kept inside the (encrypted) database: made once, the same on every later open, never replaced by a new seed', () => {
    const dir = tempDir();
    let db = openAppDatabase(dir);
    expect(storedAuditKey(db)).toBeNull();
    const first = auditKeyOf(db, crypto.randomBytes(32));
    expect(first).toHaveLength(32);
    db.close();
    db = openAppDatabase(dir);
    expect(auditKeyOf(db, crypto.randomBytes(32))).toEqual(first);
    expect(storedAuditKey(db)).toEqual(first);
    db.close();
    const other = openAppDatabase(tempDir());
    expect(auditKeyOf(other)).not.toEqual(first);
    other.close();
  });
});
