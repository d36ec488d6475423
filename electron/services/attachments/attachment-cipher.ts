/**
 * Each attachment file is sealed on its own with AES-256-GCM. The key is first derived from the data directory's
 * master key (HKDF label 'counter-attachments') and then kept INSIDE the encrypted database (settings
 * `attachments.file-key`), as the audit chain's key is: no second secret to keep anywhere, and `counter rekey`,
 * which replaces the master key, leaves every sealed file readable. The file's id is the additional data, so a
 * sealed file moved under another id does not open. Layout: 'CAT1' | 12-byte IV | ciphertext | 16-byte tag.
 */
import crypto from 'node:crypto';
import type { Db } from '../store/database';
import { deriveKey, type KeySource } from '../store/key-source';

const MAGIC = Buffer.from('CAT1', 'latin1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class AttachmentCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttachmentCipherError';
  }
}

const SETTING = 'attachments.file-key';

/** The database's attachment key, stored on first use; two processes starting at once agree (INSERT OR IGNORE). */
export function attachmentKeyOf(db: Db, keys: Pick<KeySource, 'databaseKey'>): Buffer {
  const read = () => (db.prepare('SELECT value FROM settings WHERE key = ?').get(SETTING) as { value: string } | undefined)?.value;
  const stored = read();
  if (stored) return Buffer.from(stored, 'hex');
  const seed = deriveKey(keys.databaseKey(), 'counter-attachments');
  db.prepare('INSERT OR IGNORE INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run(SETTING, seed.toString('hex'), new Date().toISOString());
  return Buffer.from(read()!, 'hex');
}

export function sealAttachment(key: Buffer, fileId: string, plain: Uint8Array): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(fileId, 'utf8'));
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([MAGIC, iv, body, c.getAuthTag()]);
}

export function openAttachment(key: Buffer, fileId: string, sealed: Buffer): Buffer {
  if (sealed.length < MAGIC.length + IV_BYTES + TAG_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new AttachmentCipherError('附件文件已损坏 (格式不对)');
  }
  const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const d = crypto.createDecipheriv('aes-256-gcm', key, iv);
  d.setAAD(Buffer.from(fileId, 'utf8'));
  d.setAuthTag(tag);
  try {
    return Buffer.concat([d.update(sealed.subarray(MAGIC.length + IV_BYTES, sealed.length - TAG_BYTES)), d.final()]);
  } catch {
    throw new AttachmentCipherError('附件文件已被改动或损坏 (校验失败)');
  }
}
