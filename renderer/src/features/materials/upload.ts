/**
 * Sending one material file to the host: checked here first (type from the bytes, size) with the host's own
 * words, a thumbnail drawn on a canvas for images, then the bytes in base64 pieces of ≤ 512 KiB so one bridge
 * message stays under its 1 MiB cap, and a finish call that stores it sealed under the form's draft.
 */
import type { AttachmentView } from '../../../../electron/contract/features/materials';
import { MAX_ATTACHMENT_BYTES, MAX_CHUNK_BYTES, MAX_THUMBNAIL_BYTES, type AttachmentSource } from '../../../../electron/contract/vocabulary/attachments';
import { attachmentProblem, SNIFF_BYTES, sniffMime } from '../../../../shared/attachment-mime';
import { api } from '../../api/client';

const THUMB_EDGE = 160;

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  // In slices: String.fromCharCode(...) on a whole 512 KiB array would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A small JPEG of an image (longest edge 160 px), or null (a PDF, or an image the browser cannot decode). */
export async function makeThumbnail(blob: Blob): Promise<string | null> {
  try {
    const bitmap = await createImageBitmap(blob);
    const scale = Math.min(1, THUMB_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const thumb = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.7));
    if (!thumb || thumb.size > MAX_THUMBNAIL_BYTES) return null;
    return toBase64(new Uint8Array(await thumb.arrayBuffer()));
  } catch {
    return null;
  }
}

export class AttachmentRefused extends Error {}

export async function uploadAttachment(o: { draftId: string; materialId: string; blob: Blob; filename: string; source: AttachmentSource }): Promise<AttachmentView> {
  const head = new Uint8Array(await o.blob.slice(0, SNIFF_BYTES).arrayBuffer());
  const problem = attachmentProblem(head, o.blob.size, o.filename, MAX_ATTACHMENT_BYTES);
  if (problem) throw new AttachmentRefused(problem);
  const thumbnail = sniffMime(head)?.startsWith('image/') ? await makeThumbnail(o.blob) : null;
  const uploadId = crypto.randomUUID();
  for (let seq = 0, off = 0; off < o.blob.size; seq++, off += MAX_CHUNK_BYTES) {
    const piece = new Uint8Array(await o.blob.slice(off, off + MAX_CHUNK_BYTES).arrayBuffer());
    await api.call('materials.attachChunk', { uploadId, seq, filename: o.filename, data: toBase64(piece) });
  }
  return api.call('materials.attachFinish', {
    uploadId,
    draftId: o.draftId,
    materialId: o.materialId,
    filename: o.filename,
    size: o.blob.size,
    source: o.source,
    ...(thumbnail ? { thumbnail } : {}),
  });
}
