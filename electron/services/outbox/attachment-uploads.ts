/**
 * Before a case is filed, its materials go up with 9101 (fsUploadIn), one by one, in the order they were
 * attached. Each attachment's msgid is reserved on its row before its first send, so a retry after a lost
 * reply, a 500 or an offline stretch asks the platform under the same msgid and gets the same answer back:
 * a file is stored once. The file_qury_no is kept on the attachment the moment it arrives; an attachment that
 * has one is never sent again. The filing itself goes only when every attachment has its file_qury_no.
 */
import type { CaseRecord } from '../cases/case-store';
import type { AttachmentRecord, AttachmentStore } from '../attachments/attachment-store';
import type { CallOptions } from '../platform/client';
import type { Db } from '../store/database';
import { beginSideAttempt, finishAttempt, type OutboxItem } from './outbox-store';
import { asPlatformFailure, caseOperator, type PlatformFailure } from './platform-port';

export const UPLOAD_INFNO = '9101';

/** Sends one file; resolves with its file_qury_no (the real one: platform/transactions/file-upload.ts). */
export type UploadFile = (input: { filename: string; content: Uint8Array }, opts: CallOptions) => Promise<string>;

export interface AttachmentUploadsOptions {
  db: Db;
  store: AttachmentStore;
  upload: UploadFile;
  freshMsgid: () => string;
  now: () => Date;
}

export type UploadsResult =
  | { kind: 'ok'; fileQuryNos: string[] }
  /** The platform did not take one (offline, 5xx, refusal): the filing waits. */
  | { kind: 'platform'; failure: PlatformFailure; attachment: AttachmentRecord }
  /** Ours: the sealed file is gone (retention) or damaged; the clerk must look. */
  | { kind: 'local'; message: string; attachment: AttachmentRecord };

export class AttachmentUploads {
  constructor(private readonly o: AttachmentUploadsOptions) {}

  /** Uploads what is not yet uploaded; `answered` is told of every answer (for reachability). */
  async ensureUploaded(item: OutboxItem, c: CaseRecord, answered: () => void): Promise<UploadsResult> {
    const { db, store } = this.o;
    const fileQuryNos: string[] = [];
    for (const att of store.list({ caseId: c.id })) {
      if (att.fileQuryNo) {
        fileQuryNos.push(att.fileQuryNo);
        continue;
      }
      let content: Buffer;
      try {
        content = store.content(att);
      } catch (err) {
        return { kind: 'local', message: (err as Error).message, attachment: att };
      }
      if (!att.uploadMsgid) store.reserveUploadMsgid(att.id, this.o.freshMsgid());
      const msgid = store.get(att.id)!.uploadMsgid!;
      const attempt = beginSideAttempt(db, item.id, { infno: UPLOAD_INFNO, msgid, now: this.o.now() });
      const operator = caseOperator(c);
      try {
        const no = await this.o.upload({ filename: att.filename, content }, operator ? { msgid, operator } : { msgid });
        db.transaction(() => {
          store.markUploaded(att.id, no);
          finishAttempt(db, attempt, 'ok', `附件 ${att.filename} → ${no}`, this.o.now());
        }).immediate();
        answered();
        fileQuryNos.push(no);
      } catch (err) {
        const f = asPlatformFailure(err);
        finishAttempt(db, attempt, f?.outcomeUnknown ? 'unknown' : 'error', `附件 ${att.filename}: ${(err as Error).message}`, this.o.now());
        if (!f) return { kind: 'local', message: (err as Error).message, attachment: att };
        return { kind: 'platform', failure: f, attachment: att };
      }
    }
    return { kind: 'ok', fileQuryNos };
  }
}
