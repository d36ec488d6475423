/**
 * Serial scanner line framing. A serial scanner sends one code per line, terminated by CR, CR LF or LF.
 * Pure (no Node imports): bytes in, text lines out. Handles terminators split across reads (a CR at the
 * end of one chunk and its LF at the start of the next yield one line, not an extra empty one), drops
 * control characters, and bounds the line length so a device that never sends a terminator cannot grow
 * memory without limit.
 */
export type FramerEvent =
  | { type: 'line'; text: string }
  /** A line longer than maxLineBytes: it is discarded up to its terminator, never half-classified. */
  | { type: 'overflow'; bytes: number };

export interface LineFramerOptions {
  /** Longest accepted line in bytes (default 4096; QR payloads are well below). */
  maxLineBytes?: number;
}

const CR = 0x0d;
const LF = 0x0a;

export class ScanLineFramer {
  private readonly maxLineBytes: number;
  private buf: Uint8Array;
  private len = 0;
  private overflowBytes = 0; // > 0 while discarding an overlong line
  private lastWasCR = false;
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  constructor(options: LineFramerOptions = {}) {
    this.maxLineBytes = Math.max(1, options.maxLineBytes ?? 4096);
    this.buf = new Uint8Array(Math.min(this.maxLineBytes, 256));
  }

  /** Feed raw bytes; returns the complete lines (and overflow reports) they finish, in order. */
  push(chunk: Uint8Array): FramerEvent[] {
    const out: FramerEvent[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === LF && this.lastWasCR) {
        this.lastWasCR = false; // second half of CR LF
        continue;
      }
      this.lastWasCR = b === CR;
      if (b === CR || b === LF) {
        this.finishLine(out);
        continue;
      }
      if (b < 0x20 || b === 0x7f) continue; // control characters (prefix/suffix noise, NUL padding)
      if (this.overflowBytes > 0) {
        this.overflowBytes++;
        continue;
      }
      if (this.len >= this.maxLineBytes) {
        this.overflowBytes = this.len + 1;
        this.len = 0;
        continue;
      }
      if (this.len === this.buf.length) this.grow();
      this.buf[this.len++] = b;
    }
    return out;
  }

  /** Bytes held for the line in progress (never more than maxLineBytes). */
  get pendingBytes(): number {
    return this.len;
  }

  reset(): void {
    this.len = 0;
    this.overflowBytes = 0;
    this.lastWasCR = false;
  }

  private finishLine(out: FramerEvent[]): void {
    if (this.overflowBytes > 0) {
      out.push({ type: 'overflow', bytes: this.overflowBytes });
      this.overflowBytes = 0;
    } else if (this.len > 0) {
      const text = stripControl(this.decoder.decode(this.buf.subarray(0, this.len))).trim();
      if (text.length > 0) out.push({ type: 'line', text });
    }
    this.len = 0;
  }

  private grow(): void {
    const next = new Uint8Array(Math.min(this.maxLineBytes, this.buf.length * 2));
    next.set(this.buf);
    this.buf = next;
  }
}

/** Removes C0/C1 control characters and the replacement character left by invalid UTF-8. */
export function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '');
}
