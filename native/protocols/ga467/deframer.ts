/**
 * Streaming GA 467 deframer: push() any chunking of the byte stream, get checked frames back.
 * Resynchronises on the preamble after garbage, rejects bad checksums and impossible lengths with
 * typed errors, and never holds more than one maximum frame (fixed-size buffer).
 */
import { DEFAULT_MAX_LEN, HEADER_LENGTH, MIN_LEN, PREAMBLE, xorChecksum, type Ga467Frame } from './frame';
import { Ga467Error } from './errors';

export type DeframerResult = { ok: true; frame: Ga467Frame } | { ok: false; error: Ga467Error };

export interface DeframerStats {
  frames: number;
  checksumErrors: number;
  lengthErrors: number;
  droppedBytes: number;
}

export class Ga467Deframer {
  private readonly buf: Buffer;
  private start = 0;
  private end = 0;
  readonly stats: DeframerStats = { frames: 0, checksumErrors: 0, lengthErrors: 0, droppedBytes: 0 };

  constructor(private readonly maxLen = DEFAULT_MAX_LEN) {
    if (maxLen < MIN_LEN || maxLen > 0xffff) throw new RangeError(`maxLen out of range: ${maxLen}`);
    this.buf = Buffer.alloc(HEADER_LENGTH + maxLen);
  }

  /** Bytes currently held (always ≤ capacity). */
  get buffered(): number {
    return this.end - this.start;
  }

  get capacity(): number {
    return this.buf.length;
  }

  /** Feed bytes; returns every frame (or framing error) completed by them, in stream order. */
  push(chunk: Uint8Array): DeframerResult[] {
    const out: DeframerResult[] = [];
    let offset = 0;
    while (offset < chunk.length) {
      this.compact();
      const n = Math.min(chunk.length - offset, this.buf.length - this.end);
      this.buf.set(chunk.subarray(offset, offset + n), this.end);
      this.end += n;
      offset += n;
      this.scan(out);
    }
    return out;
  }

  /**
   * The peer went quiet in the middle of a frame: the "frame" is probably garbage that looked like a
   * preamble. Skip its first byte and rescan, so a real frame hidden inside is not lost.
   */
  flushStalled(): DeframerResult[] {
    const out: DeframerResult[] = [];
    if (this.buffered >= PREAMBLE.length) {
      this.drop(1);
      this.scan(out);
    }
    return out;
  }

  reset(): void {
    this.start = this.end = 0;
  }

  private scan(out: DeframerResult[]): void {
    for (;;) {
      const at = this.buf.subarray(0, this.end).indexOf(PREAMBLE, this.start);
      if (at < 0) {
        // No complete preamble: keep only a tail that may be the start of one.
        const keep = Math.min(this.buffered, PREAMBLE.length - 1);
        this.drop(this.buffered - keep);
        this.dropUntilPossiblePreambleStart();
        return;
      }
      this.drop(at - this.start);
      if (this.buffered < HEADER_LENGTH) return;
      const len = this.buf.readUInt16BE(this.start + 5);
      if (len < MIN_LEN || len > this.maxLen) {
        this.stats.lengthErrors++;
        out.push({ ok: false, error: new Ga467Error('length', '读卡器数据长度错误', `LEN=${len}`) });
        this.drop(1);
        continue;
      }
      const total = HEADER_LENGTH + len;
      if (this.buffered < total) return;
      const s = this.start;
      const chk = xorChecksum(this.buf, s + 5, s + total - 1);
      if (chk !== this.buf[s + total - 1]) {
        this.stats.checksumErrors++;
        out.push({ ok: false, error: new Ga467Error('checksum', '读卡器数据校验错误', `LEN=${len}`) });
        this.drop(1); // a real frame may hide inside what looked like one
        continue;
      }
      const body = Buffer.from(this.buf.subarray(s + HEADER_LENGTH, s + total - 1));
      this.start += total;
      this.stats.frames++;
      out.push({ ok: true, frame: { body } });
    }
  }

  /** The kept tail is useful only if it begins like the preamble. */
  private dropUntilPossiblePreambleStart(): void {
    while (this.buffered > 0) {
      const n = this.buffered;
      let prefix = true;
      for (let i = 0; i < n; i++) {
        if (this.buf[this.start + i] !== PREAMBLE[i]) {
          prefix = false;
          break;
        }
      }
      if (prefix) return;
      this.drop(1);
    }
  }

  private drop(n: number): void {
    if (n <= 0) return;
    this.start += n;
    this.stats.droppedBytes += n;
    if (this.start === this.end) this.start = this.end = 0;
  }

  private compact(): void {
    if (this.start === 0) return;
    this.buf.copy(this.buf, 0, this.start, this.end);
    this.end -= this.start;
    this.start = 0;
  }
}
