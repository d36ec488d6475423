import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditKeyFor, deriveAuditKey, FALLBACK_AUDIT_KEY_FILE } from '../../../electron/services/audit/audit-key';

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
  it('is HKDF-SHA256 of the database key with the label counter-audit-chain, never the key itself', () => {
    const key = deriveAuditKey('0123456789abcdef0123456789abcdef');
    expect(key).toEqual(Buffer.from(crypto.hkdfSync('sha256', '0123456789abcdef0123456789abcdef', Buffer.alloc(0), 'counter-audit-chain', 32)));
    expect(key.toString('hex')).not.toContain('0123456789abcdef');
    expect(auditKeyFor(tempDir(), '0123456789abcdef0123456789abcdef')).toEqual(key);
  });

  it('without a database key: a random fallback key in a 0600 file, the same on every later open', () => {
    const dir = tempDir();
    expect(auditKeyFor(dir, undefined, { create: false })).toBeNull();
    const first = auditKeyFor(dir, undefined);
    expect(first).toHaveLength(32);
    expect(auditKeyFor(dir, undefined)).toEqual(first);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, FALLBACK_AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(auditKeyFor(tempDir(), undefined)).not.toEqual(first);
  });
});
