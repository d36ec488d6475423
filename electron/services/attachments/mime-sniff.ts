/**
 * What an attachment really is, read from its first bytes (never from its name or the browser's type):
 * only JPEG, PNG and PDF are kept — what a 高拍仪, a scanner or a phone photo produces and what 9101 takes.
 * Anything else is refused with a message the clerk can act on.
 */
import { ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES, MIME_NAMES, type AttachmentMime } from '../../contract/vocabulary/attachments';

export { ATTACHMENT_MIMES, MAX_ATTACHMENT_BYTES, MIME_NAMES, type AttachmentMime };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffMime(bytes: Uint8Array): AttachmentMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  // "%PDF-": readers accept a few bytes of junk before it, but a scanner's file starts with it.
  if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  return null;
}

export const MIME_EXTENSIONS: Record<AttachmentMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' };

/** Why these bytes cannot be an attachment (size first: the limit is checked before anything is read), or null. */
export function attachmentProblem(bytes: Uint8Array, filename: string): string | null {
  if (bytes.length === 0) return `文件“${filename}”是空的，请重新拍摄或扫描`;
  if (bytes.length > MAX_ATTACHMENT_BYTES) return sizeProblem(bytes.length, filename);
  if (!sniffMime(bytes)) return `文件“${filename}”不是 JPEG、PNG 或 PDF 格式，不能作为材料附件（请用高拍仪拍照或扫描为 PDF）`;
  return null;
}

export function sizeProblem(size: number, filename: string): string {
  return `文件“${filename}”大小 ${(size / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 上限，请降低扫描分辨率或分页扫描`;
}
