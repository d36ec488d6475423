/**
 * What a material file really is, from its first bytes (never its name or the browser's type): JPEG, PNG or
 * PDF, else null. Pure, so the desk refuses a wrong file before uploading it and the host decides again.
 */
export type SniffedMime = 'image/jpeg' | 'image/png' | 'application/pdf';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** How many leading bytes sniffMime needs at most. */
export const SNIFF_BYTES = 8;

export function sniffMime(bytes: Uint8Array): SniffedMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'image/png';
  // Readers tolerate junk before "%PDF-", but a scanner's file starts with it.
  if (bytes.length >= 5 && PDF_SIGNATURE.every((b, i) => bytes[i] === b)) return 'application/pdf';
  return null;
}

/**
 * Why a file cannot be a material attachment, in the clerk's words, or null. `head` is at least its first
 * SNIFF_BYTES bytes; `size` its whole length (the limit is checked before anything else is read).
 */
export function attachmentProblem(head: Uint8Array, size: number, filename: string, maxBytes: number): string | null {
  if (size === 0) return `文件“${filename}”是空的，请重新拍摄或扫描`;
  if (size > maxBytes) return sizeProblem(size, filename, maxBytes);
  if (!sniffMime(head)) return `文件“${filename}”不是 JPEG、PNG 或 PDF 格式，不能作为材料附件（请用高拍仪拍照或扫描为 PDF）`;
  return null;
}

export function sizeProblem(size: number, filename: string, maxBytes: number): string {
  return `文件“${filename}”大小 ${(size / 1024 / 1024).toFixed(1)} MB，超过 ${maxBytes / 1024 / 1024} MB 上限，请降低扫描分辨率或分页扫描`;
}
