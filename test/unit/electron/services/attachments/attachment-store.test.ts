/**
 * The materials store on a real encrypted counter.db and real files: sealed at rest (no plain bytes on disk),
 * round trip, tamper detection (a flipped byte, a file swapped under another id, a changed SHA-256),
 * wrong key, refused types and sizes, draft → case link, removal only before acceptance, retention purge.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import { attachmentKeyOf, openAttachment, sealAttachment } from '../../../../../electron/services/attachments/attachment-cipher';
import { AttachmentStore } from '../../../../../electron/services/attachments/attachment-store';
import { MAX_ATTACHMENT_BYTES } from '../../../../../electron/services/attachments/mime-sniff';
import { purgeExpired } from '../../../../../electron/services/privacy/retention';
import type { Db } from '../../../../../electron/services/store/database';
import { keySourceFromMaster } from '../../../../../electron/services/store/key-source';
import { useTempDirs } from '../../../../helpers/temp-dirs';

const tempDir = useTempDirs('att-');
const dbs: Db[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

const MASTER = crypto.randomBytes(32);
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('张三的身份证 110105194912310021 照片')]);

function setup(master = MASTER) {
  const dir = tempDir();
  const keys = keySourceFromMaster(master, 'key-file');
  const db = openAppDatabase(dir, keys);
  dbs.push(db);
  return { dir, db, keys, store: new AttachmentStore(db, dir, attachmentKeyOf(db, keys)) };
}

function sealedFiles(dir: string): string[] {
  const d = path.join(dir, 'attachments');
  return fs.readdirSync(d).map((f) => path.join(d, f));
}

describe('attachment cipher', () => {
  it('round-trips and refuses a flipped byte, a short file and another id', () => {
    const key = crypto.randomBytes(32);
    const sealed = sealAttachment(key, 'id-1', jpeg);
    expect(openAttachment(key, 'id-1', sealed).equals(jpeg)).toBe(true);
    const flipped = Buffer.from(sealed);
    flipped[20] ^= 1;
    expect(() => openAttachment(key, 'id-1', flipped)).toThrow(/被改动或损坏/);
    expect(() => openAttachment(key, 'id-2', sealed)).toThrow(/被改动或损坏/);
    expect(() => openAttachment(key, 'id-1', sealed.subarray(0, 10))).toThrow(/格式不对/);
    expect(() => openAttachment(crypto.randomBytes(32), 'id-1', sealed)).toThrow(/被改动或损坏/);
  });

  it('derives a key of its own from the master key and keeps it in the database, so a new master key still opens old files', () => {
    const { db, keys } = setup();
    const key = attachmentKeyOf(db, keys);
    expect(key.equals(keys.databaseKey())).toBe(false);
    expect(key.equals(keys.auditKey())).toBe(false);
    // After `counter rekey` the master key is another one; the stored key is still the same.
    expect(attachmentKeyOf(db, keySourceFromMaster(crypto.randomBytes(32), 'key-file')).equals(key)).toBe(true);
    const other = setup(crypto.randomBytes(32));
    expect(attachmentKeyOf(other.db, other.keys).equals(key)).toBe(false);
  });
});

describe('AttachmentStore', () => {
  it('keeps the bytes sealed on disk, with SHA-256, size and sniffed MIME in the row', () => {
    const { dir, store } = setup();
    const rec = store.add({ ref: { draftId: 'd1' }, materialId: 'id-copy', filename: 'C:\\scans\\身份证.JPG', source: 'file', bytes: jpeg, by: '0001' });
    expect(rec).toMatchObject({ mime: 'image/jpeg', size: jpeg.length, sha256: crypto.createHash('sha256').update(jpeg).digest('hex'), filename: '身份证.jpg', draftId: 'd1', caseId: null });
    const [file] = sealedFiles(dir);
    const onDisk = fs.readFileSync(file);
    expect(onDisk.includes(Buffer.from('110105194912310021'))).toBe(false);
    expect(onDisk.includes(jpeg.subarray(0, 4))).toBe(false);
    expect(store.content(rec).equals(jpeg)).toBe(true);
  });

  it('detects a tampered file and a swapped file', () => {
    const { dir, store } = setup();
    const a = store.add({ ref: { draftId: 'd1' }, materialId: 'm1', filename: 'a.jpg', source: 'file', bytes: jpeg, by: '0001' });
    const b = store.add({ ref: { draftId: 'd1' }, materialId: 'm2', filename: 'b.jpg', source: 'file', bytes: Buffer.concat([jpeg, Buffer.from('b')]), by: '0001' });
    const fa = path.join(dir, 'attachments', `${a.fileId}.bin`);
    const fb = path.join(dir, 'attachments', `${b.fileId}.bin`);
    fs.copyFileSync(fb, fa);
    expect(() => store.content(a)).toThrow(/被改动或损坏/);
    const bytes = fs.readFileSync(fb);
    bytes[bytes.length - 20] ^= 0x40;
    fs.writeFileSync(fb, bytes);
    expect(() => store.content(b)).toThrow(/被改动或损坏/);
  });

  it('detects a row whose SHA-256 was changed', () => {
    const { db, store } = setup();
    const a = store.add({ ref: { draftId: 'd1' }, materialId: 'm1', filename: 'a.jpg', source: 'file', bytes: jpeg, by: '0001' });
    db.prepare('UPDATE attachments SET sha256 = ? WHERE id = ?').run('0'.repeat(64), a.id);
    expect(() => store.content(store.get(a.id)!)).toThrow(/SHA-256/);
  });

  it('does not open with another master key', () => {
    const { dir, store } = setup();
    const a = store.add({ ref: { draftId: 'd1' }, materialId: 'm1', filename: 'a.jpg', source: 'file', bytes: jpeg, by: '0001' });
    const other = new AttachmentStore(dbs[0], dir, crypto.randomBytes(32));
    expect(() => other.content(a)).toThrow(/被改动或损坏/);
  });

  it('refuses wrong types and oversize files in Chinese, writing nothing', () => {
    const { dir, store } = setup();
    expect(() => store.add({ ref: { draftId: 'd' }, materialId: 'm', filename: 'x.docx', source: 'file', bytes: Buffer.from('PK\u0003\u0004'), by: '1' })).toThrow(/不是 JPEG、PNG 或 PDF/);
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    jpeg.copy(big);
    expect(() => store.add({ ref: { draftId: 'd' }, materialId: 'm', filename: 'big.jpg', source: 'file', bytes: big, by: '1' })).toThrow(/超过 10 MB/);
    expect(fs.existsSync(path.join(dir, 'attachments')) ? sealedFiles(dir) : []).toEqual([]);
    expect(store.list({ draftId: 'd' })).toEqual([]);
  });

  it('keeps only an image thumbnail of modest size', () => {
    const { store } = setup();
    const withThumb = store.add({ ref: { draftId: 'd' }, materialId: 'm', filename: 'a.jpg', source: 'camera', bytes: jpeg, thumbnail: jpeg, by: '1' });
    const badThumb = store.add({ ref: { draftId: 'd' }, materialId: 'm', filename: 'a.jpg', source: 'camera', bytes: jpeg, thumbnail: Buffer.from('<svg onload=x>'), by: '1' });
    expect(withThumb.thumbnail?.equals(jpeg)).toBe(true);
    expect(badThumb.thumbnail).toBeNull();
  });

  it('links a draft to its case, after which nothing can be removed', () => {
    const { db, store } = setup();
    const a = store.add({ ref: { draftId: 'd1' }, materialId: 'id-copy', filename: 'a.jpg', source: 'file', bytes: jpeg, by: '1' });
    const gone = store.add({ ref: { draftId: 'd1' }, materialId: 'rb-fee-list', filename: 'b.jpg', source: 'file', bytes: jpeg, by: '1' });
    store.add({ ref: { draftId: 'd2' }, materialId: 'other', filename: 'c.jpg', source: 'file', bytes: jpeg, by: '1' });
    store.remove(gone.id);
    expect(store.materialIdsOf('d1')).toEqual(['id-copy']);
    db.prepare(`INSERT INTO cases (id, case_no, kind, business_key, psn_no, state, payload, created_at, updated_at, created_by) VALUES (7, 'X', 'reimbursement', 'k', 'p', 'pending', '{}', 'now', 'now', '1')`).run();
    expect(store.linkDraft('d1', 7)).toBe(1);
    expect(store.list({ caseId: 7 }).map((x) => x.id)).toEqual([a.id]);
    expect(store.list({ draftId: 'd1' })).toEqual([]);
    expect(store.list({ draftId: 'd2' })).toHaveLength(1);
    expect(() => store.remove(a.id)).toThrow(/已受理/);
    expect(() => store.remove(9999)).toThrow(/找不到/);
  });

  it('reserves the first upload msgid only once and keeps the file_qury_no', () => {
    const { store } = setup();
    const a = store.add({ ref: { draftId: 'd1' }, materialId: 'm', filename: 'a.jpg', source: 'file', bytes: jpeg, by: '1' });
    store.reserveUploadMsgid(a.id, 'M1');
    store.reserveUploadMsgid(a.id, 'M2');
    store.markUploaded(a.id, 'F123');
    expect(store.get(a.id)).toMatchObject({ uploadMsgid: 'M1', fileQuryNo: 'F123' });
  });

  it('is purged by the privacy retention like any file in attachments/, and says so afterwards', () => {
    const { dir, db, store } = setup();
    const a = store.add({ ref: { draftId: 'd1' }, materialId: 'm', filename: 'a.jpg', source: 'file', bytes: jpeg, by: '1' });
    const [file] = sealedFiles(dir);
    const old = new Date(Date.now() - 40 * 86_400_000);
    fs.utimesSync(file, old, old);
    expect(purgeExpired({ db, dataDir: dir, clock: () => new Date(), retentionDays: 30 }).files).toBe(1);
    expect(store.present(a)).toBe(false);
    expect(() => store.content(a)).toThrow(/已按保留期限删除/);
  });

  it('after the purge a draft row whose file went is removed, a case row keeps its record without the thumbnail', () => {
    const { dir, db, store } = setup();
    const clock = { now: new Date(Date.now() - 40 * 86_400_000) };
    const old = new AttachmentStore(db, dir, attachmentKeyOf(db, keySourceFromMaster(MASTER, 'key-file')), () => clock.now);
    db.prepare(`INSERT INTO cases (id, case_no, kind, business_key, psn_no, state, payload, created_at, updated_at, created_by) VALUES (8, 'Y', 'reimbursement', 'k', 'p', 'filed', '{}', 'now', 'now', '1')`).run();
    const draft = old.add({ ref: { draftId: 'gone' }, materialId: 'm', filename: 'a.jpg', source: 'camera', bytes: jpeg, thumbnail: jpeg, by: '1' });
    const filed = old.add({ ref: { caseId: 8 }, materialId: 'm', filename: 'b.jpg', source: 'camera', bytes: jpeg, thumbnail: jpeg, by: '1' });
    old.markUploaded(filed.id, 'F1');
    const fresh = store.add({ ref: { draftId: 'now' }, materialId: 'm', filename: 'c.jpg', source: 'camera', bytes: jpeg, thumbnail: jpeg, by: '1' });
    for (const f of sealedFiles(dir)) fs.utimesSync(f, clock.now, clock.now);
    fs.utimesSync(path.join(dir, 'attachments', `${fresh.fileId}.bin`), new Date(), new Date());
    expect(purgeExpired({ db, dataDir: dir, clock: () => new Date(), retentionDays: 30 })).toMatchObject({ files: 2, attachmentRows: 2 });
    expect(store.get(draft.id)).toBeNull();
    expect(store.get(filed.id)).toMatchObject({ thumbnail: null, fileQuryNo: 'F1', sha256: filed.sha256 });
    expect(store.get(fresh.id)?.thumbnail?.equals(jpeg)).toBe(true);
    // A second run finds nothing more to do.
    expect(purgeExpired({ db, dataDir: dir, clock: () => new Date(), retentionDays: 30 }).attachmentRows).toBe(0);
  });
});
