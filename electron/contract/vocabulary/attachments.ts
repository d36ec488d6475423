/**
 * Material attachments: the file types kept (sniffed from the bytes, never the name), where a file came from,
 * and the sizes both sides check — the platform's 9101 limit and the bridge's chunk size.
 */
export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];
export const MIME_NAMES: Record<AttachmentMime, string> = { 'image/jpeg': 'JPEG 图片', 'image/png': 'PNG 图片', 'application/pdf': 'PDF 文件' };

export const ATTACHMENT_SOURCES = ['file', 'camera', 'scanner'] as const;
export type AttachmentSource = (typeof ATTACHMENT_SOURCES)[number];
export const SOURCE_NAMES: Record<AttachmentSource, string> = { file: '文件', camera: '高拍仪', scanner: '扫描仪' };

/** 10 MiB: the platform's 9101 limit (the simulator refuses more, as the province does). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** One piece of an upload: its base64 (≈ 683 KiB) keeps a bridge message well under the 1 MiB cap. */
export const MAX_CHUNK_BYTES = 512 * 1024;
/** A thumbnail the renderer makes with a canvas; kept beside the attachment in the database. */
export const MAX_THUMBNAIL_BYTES = 64 * 1024;
