/**
 * What an attachment really is, read from its first bytes (never from its name or the browser's type):
 * only JPEG, PNG and PDF are kept — what a 高拍仪, a scanner or a phone photo produces and what 9101 takes.
 * Anything else is refused with a message the clerk can act on.
 */
import { attachmentProblem as sharedProblem, sizeProblem as sharedSizeProblem, SNIFF_BYTES, sniffMime } from '../../../shared/attachment-mime';
import { ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES, MIME_NAMES, type AttachmentMime } from '../../contract/vocabulary/attachments';

export { ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES, MIME_NAMES, type AttachmentMime };

export { sniffMime };

export const MIME_EXTENSIONS: Record<AttachmentMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/** Why these bytes cannot be an attachment, or null (the same words as the desk's own check before upload). */
export function attachmentProblem(bytes: Uint8Array, filename: string): string | null {
  return sharedProblem(bytes.subarray(0, SNIFF_BYTES), bytes.length, filename, MAX_ATTACHMENT_BYTES);
}

export function sizeProblem(size: number, filename: string): string {
  return sharedSizeProblem(size, filename, MAX_ATTACHMENT_BYTES);
}
