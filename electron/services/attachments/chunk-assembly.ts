/**
 * Assembling an attachment sent in pieces: one WebSocket message of the browser-mode bridge stays under its
 * 1 MiB cap, so the renderer sends ≤ 512 KiB per chunk (base64) in order. Pieces must come in sequence;
 * the running size is checked against the limit at every piece, so an oversize file is refused early.
 * Unfinished uploads are dropped after a while (the clerk walked away mid-upload).
 */
import { MAX_CHUNK_BYTES } from '../../contract/vocabulary/attachments';
import { MAX_ATTACHMENT_BYTES, sizeProblem } from './mime-sniff';

export { MAX_CHUNK_BYTES };
const STALE_MS = 10 * 60_000;
/** Uploads open at once: a desk sends one at a time; this bounds the memory a runaway caller can hold (8 × 10 MiB). */
export const MAX_OPEN_UPLOADS = 8;

export class ChunkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChunkError';
  }
}

interface Pending {
  parts: Buffer[];
  size: number;
  next: number;
  touched: number;
  filename: string;
}

export class ChunkAssembler {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly now: () => number = Date.now, private readonly maxBytes = MAX_ATTACHMENT_BYTES) {}

  /** Adds piece `seq` (0, 1, 2 …) of upload `id`; returns the bytes received so far. */
  add(id: string, seq: number, filename: string, data: Buffer): number {
    this.dropStale();
    if (data.length > MAX_CHUNK_BYTES) throw new ChunkError(`单个分片不能超过 ${MAX_CHUNK_BYTES / 1024} KB`);
    let p = this.pending.get(id);
    if (seq === 0) {
      if (!p && this.pending.size >= MAX_OPEN_UPLOADS) throw new ChunkError('同时上传的附件过多，请等前面的附件保存完毕');
      p = { parts: [], size: 0, next: 0, touched: 0, filename };
      this.pending.set(id, p);
    }
    if (!p) throw new ChunkError('附件上传已中断，请重新选择文件');
    if (seq !== p.next) {
      this.pending.delete(id);
      throw new ChunkError(`附件分片顺序错误 (应为第 ${p.next + 1} 片，收到第 ${seq + 1} 片)，请重新上传`);
    }
    if (p.size + data.length > this.maxBytes) {
      this.pending.delete(id);
      throw new ChunkError(sizeProblem(p.size + data.length, p.filename));
    }
    p.parts.push(data);
    p.size += data.length;
    p.next++;
    p.touched = this.now();
    return p.size;
  }

  /** The whole file, and forgets it; refused when nothing arrived or the total does not match. */
  finish(id: string, expectedSize: number): Buffer {
    const p = this.pending.get(id);
    this.pending.delete(id);
    if (!p) throw new ChunkError('附件上传已中断，请重新选择文件');
    if (p.size !== expectedSize) throw new ChunkError(`附件不完整 (收到 ${p.size} 字节，应为 ${expectedSize} 字节)，请重新上传`);
    return Buffer.concat(p.parts);
  }

  get openUploads(): number {
    return this.pending.size;
  }

  private dropStale(): void {
    const cutoff = this.now() - STALE_MS;
    for (const [id, p] of this.pending) if (p.touched < cutoff) this.pending.delete(id);
  }
}
