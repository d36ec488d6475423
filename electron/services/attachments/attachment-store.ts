/**
 * The materials store: each attachment sealed in its own file under <dataDir>/attachments/ (see
 * attachment-cipher.ts) with its row in counter.db (SHA-256 of the plain bytes, size, sniffed MIME, material
 * id, draft or case, a small thumbnail). Reading checks the seal and the SHA-256. The privacy retention purges
 * old files in attachments/ by age; a row whose file is gone says so (`present: false`) instead of failing.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../contract/errors';
import { writeFileAtomic } from '../store/atomic-write';
import type { Db } from '../store/database';
import { cachedStatement as st } from '../store/statement-cache';
import { openAttachment, sealAttachment } from './attachment-cipher';
import { MAX_THUMBNAIL_BYTES, type AttachmentSource } from '../../contract/vocabulary/attachments';
import { attachmentProblem, MIME_EXTENSIONS, sniffMime, type AttachmentMime } from './mime-sniff';

export const ATTACHMENTS_FOLDER = 'attachments';

export type AttachmentRef = { draftId: string } | { caseId: number };

export interface AttachmentRecord {
  id: number;
  fileId: string;
  draftId: string | null;
  caseId: number | null;
  materialId: string;
  filename: string;
  mime: AttachmentMime;
  size: number;
  sha256: string;
  source: AttachmentSource;
  thumbnail: Buffer | null;
  createdAt: string;
  createdBy: string;
  uploadMsgid: string | null;
  fileQuryNo: string | null;
  uploadedAt: string | null;
}

interface Row {
  id: number;
  file_id: string;
  draft_id: string | null;
  case_id: number | null;
  material_id: string;
  filename: string;
  mime: AttachmentMime;
  size: number;
  sha256: string;
  source: AttachmentSource;
  thumbnail: Buffer | null;
  created_at: string;
  created_by: string;
  upload_msgid: string | null;
  file_qury_no: string | null;
  uploaded_at: string | null;
}

const toRecord = (r: Row): AttachmentRecord => ({
  id: r.id,
  fileId: r.file_id,
  draftId: r.draft_id,
  caseId: r.case_id,
  materialId: r.material_id,
  filename: r.filename,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  source: r.source,
  thumbnail: r.thumbnail,
  createdAt: r.created_at,
  createdBy: r.created_by,
  uploadMsgid: r.upload_msgid,
  fileQuryNo: r.file_qury_no,
  uploadedAt: r.uploaded_at,
});

export interface NewAttachment {
  ref: AttachmentRef;
  materialId: string;
  filename: string;
  source: AttachmentSource;
  bytes: Buffer;
  /** A small JPEG/PNG made by the renderer (canvas); anything else is dropped, never stored. */
  thumbnail?: Buffer | null;
  by: string;
}

/** A file name fit for a form and the platform: no path, no control characters, at most 80 characters. */
export function cleanFilename(name: string, mime: AttachmentMime): string {
  const base = [...path.basename(name.replace(/\\/g, '/'))].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f).join('').trim();
  const stem = base.replace(/\.[^.]*$/, '').slice(0, 70) || '材料';
  return `${stem}.${MIME_EXTENSIONS[mime]}`;
}

export class AttachmentStore {
  readonly dir: string;

  constructor(
    private readonly db: Db,
    dataDir: string,
    private readonly key: Buffer,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.dir = path.join(dataDir, ATTACHMENTS_FOLDER);
  }

  add(a: NewAttachment): AttachmentRecord {
    const problem = attachmentProblem(a.bytes, a.filename);
    if (problem) throw new AppError('attachment-refused', problem);
    const mime = sniffMime(a.bytes)!;
    const thumbMime = a.thumbnail && a.thumbnail.length <= MAX_THUMBNAIL_BYTES ? sniffMime(a.thumbnail) : null;
    const thumb = thumbMime === 'image/jpeg' || thumbMime === 'image/png' ? a.thumbnail! : null;
    const fileId = crypto.randomUUID();
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(this.fileOf(fileId), sealAttachment(this.key, fileId, a.bytes), { what: '保存材料附件' });
    const now = this.clock().toISOString();
    try {
      const info = st(
        this.db,
        `INSERT INTO attachments (file_id, draft_id, case_id, material_id, filename, mime, size, sha256, source, thumbnail, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        fileId,
        'draftId' in a.ref ? a.ref.draftId : null,
        'caseId' in a.ref ? a.ref.caseId : null,
        a.materialId,
        cleanFilename(a.filename, mime),
        mime,
        a.bytes.length,
        crypto.createHash('sha256').update(a.bytes).digest('hex'),
        a.source,
        thumb,
        now,
        a.by,
      );
      return this.get(Number(info.lastInsertRowid))!;
    } catch (err) {
      fs.rmSync(this.fileOf(fileId), { force: true });
      throw err;
    }
  }

  get(id: number): AttachmentRecord | null {
    const r = st(this.db, 'SELECT * FROM attachments WHERE id = ?').get(id) as Row | undefined;
    return r ? toRecord(r) : null;
  }

  list(ref: AttachmentRef): AttachmentRecord[] {
    const rows = ('draftId' in ref
      ? st(this.db, 'SELECT * FROM attachments WHERE draft_id = ? ORDER BY id').all(ref.draftId)
      : st(this.db, 'SELECT * FROM attachments WHERE case_id = ? ORDER BY id').all(ref.caseId)) as Row[];
    return rows.map(toRecord);
  }

  /** Whether the sealed file is still there (the retention may have purged it). */
  present(rec: AttachmentRecord): boolean {
    return fs.existsSync(this.fileOf(rec.fileId));
  }

  /** The plain bytes, after the seal and the SHA-256 both check out. */
  content(rec: AttachmentRecord): Buffer {
    let sealed: Buffer;
    try {
      sealed = fs.readFileSync(this.fileOf(rec.fileId));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('attachment-missing', `附件“${rec.filename}”已按保留期限删除或丢失`);
      throw err;
    }
    let plain: Buffer;
    try {
      plain = openAttachment(this.key, rec.fileId, sealed);
    } catch (err) {
      throw new AppError('attachment-damaged', `附件“${rec.filename}”: ${(err as Error).message}`);
    }
    if (crypto.createHash('sha256').update(plain).digest('hex') !== rec.sha256) {
      throw new AppError('attachment-damaged', `附件“${rec.filename}”的校验值 (SHA-256) 与登记时不符`);
    }
    return plain;
  }

  /** Removes an attachment of a draft (before acceptance); a case's attachments are part of the record. */
  remove(id: number): AttachmentRecord {
    const rec = this.get(id);
    if (!rec) throw new AppError('not-found', '找不到该附件');
    if (rec.caseId !== null) throw new AppError('attachment-locked', '办件已受理，附件已归档，不能删除');
    st(this.db, 'DELETE FROM attachments WHERE id = ?').run(id);
    fs.rmSync(this.fileOf(rec.fileId), { force: true });
    return rec;
  }

  /** Material ids a draft has attachments for (each counts as received). */
  materialIdsOf(draftId: string): string[] {
    return (st(this.db, 'SELECT DISTINCT material_id AS m FROM attachments WHERE draft_id = ? ORDER BY m').all(draftId) as Array<{ m: string }>).map((r) => r.m);
  }

  /** Moves a draft's attachments to the accepted case; run inside the accepting transaction. */
  linkDraft(draftId: string, caseId: number): number {
    return st(this.db, 'UPDATE attachments SET case_id = ?, draft_id = NULL WHERE draft_id = ?').run(caseId, draftId).changes;
  }

  /** Persists the msgid of the first 9101 before it is sent: a retry resends under the same msgid. */
  reserveUploadMsgid(id: number, msgid: string): void {
    st(this.db, 'UPDATE attachments SET upload_msgid = ? WHERE id = ? AND upload_msgid IS NULL').run(msgid, id);
  }

  markUploaded(id: number, fileQuryNo: string): void {
    st(this.db, 'UPDATE attachments SET file_qury_no = ?, uploaded_at = ? WHERE id = ?').run(fileQuryNo, this.clock().toISOString(), id);
  }

  private fileOf(fileId: string): string {
    return path.join(this.dir, `${fileId}.bin`);
  }
}

/**
 * After the privacy retention removed sealed files: a draft's row whose file is gone goes too (nobody accepted
 * it), and a case's row keeps its record (material, SHA-256, file_qury_no) but loses its thumbnail — a small
 * picture of the same document. Only rows older than `cutoff` that still hold something are looked at, so a
 * daily run touches only what expired since the last one. Returns how many rows changed.
 */
export function forgetPurgedAttachments(db: Db, dataDir: string, cutoff: Date): number {
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'`).get();
  if (!hasTable) return 0;
  const rows = db
    .prepare('SELECT id, file_id, case_id FROM attachments WHERE created_at < ? AND (case_id IS NULL OR thumbnail IS NOT NULL)')
    .all(cutoff.toISOString()) as Array<{ id: number; file_id: string; case_id: number | null }>;
  const dir = path.join(dataDir, ATTACHMENTS_FOLDER);
  let changed = 0;
  db.transaction(() => {
    for (const r of rows) {
      if (fs.existsSync(path.join(dir, `${r.file_id}.bin`))) continue;
      if (r.case_id === null) db.prepare('DELETE FROM attachments WHERE id = ?').run(r.id);
      else db.prepare('UPDATE attachments SET thumbnail = NULL WHERE id = ?').run(r.id);
      changed++;
    }
  })();
  return changed;
}
