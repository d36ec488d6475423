/**
 * Materials as files: the clerk captures each material (a file, a 高拍仪 frame, a scan from the scanner's
 * folder) while filling the form — the attachments belong to the form's draft until 受理 links them to the
 * case. Bytes travel in base64 pieces of ≤ 512 KiB (one bridge message stays under its 1 MiB cap), then a
 * finish call stores them sealed. An attached material counts as received. Removal only before 受理.
 */
import { z } from 'zod';
import { method } from '../spec';
import {
  ATTACHMENT_MIMES,
  ATTACHMENT_SOURCES,
  MAX_ATTACHMENT_BYTES,
  MAX_CHUNK_BYTES,
  MAX_THUMBNAIL_BYTES,
} from '../vocabulary/attachments';

const b64Chars = (bytes: number) => Math.ceil(bytes / 3) * 4;
const base64 = (max: number, label: string) =>
  z
    .string()
    .max(b64Chars(max), `${label}过大`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, `${label}不是合法的 Base64`);

export const DraftId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, '草稿编号格式不正确');
const caseNo = z.string().trim().regex(/^\d{23}$/, '办件编号应为 23 位数字');
const materialId = z.string().min(1).max(40);
const AttachmentRef = z.union([z.object({ draftId: DraftId }).strict(), z.object({ caseNo }).strict()]);

export const AttachmentView = z.object({
  id: z.number().int(),
  materialId: z.string(),
  filename: z.string(),
  mime: z.enum(ATTACHMENT_MIMES),
  mimeName: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  source: z.enum(ATTACHMENT_SOURCES),
  sourceName: z.string(),
  /** data: URL of a small JPEG/PNG, or null (a PDF, or a scan without one). */
  thumbnail: z.string().nullable(),
  createdAt: z.string(),
  /** 9101's 文件查询号 once uploaded. */
  fileQuryNo: z.string().nullable(),
  uploadedAt: z.string().nullable(),
  /** false once the retention removed the file. */
  present: z.boolean(),
  removable: z.boolean(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;

export const ScannedFile = z.object({ name: z.string(), size: z.number().int(), modifiedAt: z.string() });
export type ScannedFile = z.infer<typeof ScannedFile>;

export const materialsMethods = {
  'materials.attachChunk': method(
    z
      .object({
        uploadId: DraftId,
        seq: z.number().int().min(0).max(Math.ceil(MAX_ATTACHMENT_BYTES / MAX_CHUNK_BYTES)),
        filename: z.string().trim().min(1, '文件名不能为空').max(200),
        data: base64(MAX_CHUNK_BYTES, '附件分片'),
      })
      .strict(),
    z.object({ received: z.number().int() }),
    'One piece (≤ 512 KiB) of an attachment being uploaded, in order',
  ),
  'materials.attachFinish': method(
    z
      .object({
        uploadId: DraftId,
        draftId: DraftId,
        materialId,
        filename: z.string().trim().min(1, '文件名不能为空').max(200),
        size: z.number().int().min(1),
        source: z.enum(ATTACHMENT_SOURCES),
        thumbnail: base64(MAX_THUMBNAIL_BYTES, '缩略图').optional(),
      })
      .strict(),
    AttachmentView,
    'Store the assembled attachment (sniffed, sized, sealed) for a material of the draft',
  ),
  'materials.list': method(AttachmentRef, z.array(AttachmentView), "A draft's or a case's attachments with thumbnails"),
  'materials.remove': method(z.object({ id: z.number().int().positive() }).strict(), z.object({ ok: z.literal(true) }), 'Remove an attachment before 受理'),
  'materials.scannerFiles': method(z.object({}).strict(), z.array(ScannedFile), "The newest files in the scanner's output folder"),
  'materials.attachScanned': method(
    z.object({ draftId: DraftId, materialId, name: z.string().min(1).max(255) }).strict(),
    AttachmentView,
    "Attach a file from the scanner's output folder to a material of the draft",
  ),
};
