/**
 * ESC/POS bytes → a text preview (lines with alignment, size and bold; cut marks; status queries), so
 * printed output "can be viewed" in the simulator, the CLI and the UI. Streaming: bytes may arrive in any
 * split. Never throws and never buffers without bound: unknown commands are skipped, text lines are cut at
 * MAX_LINE_BYTES, image/barcode payloads are skipped by count, not stored.
 */
import iconv from 'iconv-lite';
import { DLE, ESC, FS, GS } from './commands';
import type { Align } from './builder';

export interface PreviewLine {
  text: string;
  align: Align;
  /** Character width multiplier 1–8. */
  width: number;
  /** Character height multiplier 1–8. */
  height: number;
  bold: boolean;
}

export type DecodeEvent =
  | { type: 'line'; line: PreviewLine }
  | { type: 'cut' }
  | { type: 'init' }
  | { type: 'status-query'; n: number }
  | { type: 'image'; bytes: number }
  | { type: 'barcode' };

export const MAX_LINE_BYTES = 1024;
const MAX_NUL_DATA = 255;

// ESC/GS/FS commands with a fixed number of parameter bytes after the 2-byte command.
const ESC_PARAMS: Record<number, number> = {
  0x40: 0, 0x61: 1, 0x45: 1, 0x47: 1, 0x21: 1, 0x64: 1, 0x4a: 1, 0x4b: 1, 0x2d: 1, 0x32: 0, 0x33: 1,
  0x4d: 1, 0x52: 1, 0x74: 1, 0x70: 3, 0x69: 0, 0x6d: 0, 0x56: 1, 0x7b: 1, 0x20: 1, 0x24: 2, 0x5c: 2,
  0x63: 2, 0x65: 1, 0x55: 1, 0x72: 1, 0x3d: 1, 0x25: 1, 0x42: 2, 0x54: 1, 0x4c: 0, 0x53: 0, 0x57: 8,
};
const GS_PARAMS: Record<number, number> = {
  0x21: 1, 0x42: 1, 0x48: 1, 0x68: 1, 0x77: 1, 0x66: 1, 0x61: 1, 0x72: 1, 0x4c: 2, 0x57: 2, 0x2f: 1,
  0x49: 1, 0x50: 2, 0x62: 1, 0x24: 2, 0x5c: 2, 0x54: 1, 0x45: 1,
};
const FS_PARAMS: Record<number, number> = { 0x26: 0, 0x2e: 0, 0x21: 1, 0x2d: 1, 0x57: 1, 0x53: 2, 0x70: 2, 0x43: 1 };

type State = 'text' | 'cmd' | 'skip' | 'skip-nul';

export class EscPosDecoder {
  private state: State = 'text';
  private cmd: number[] = [];
  private skipLeft = 0;
  private line: number[] = [];
  private lineAttrs: PreviewLine | null = null;
  private align: Align = 'left';
  private width = 1;
  private height = 1;
  private bold = false;
  private chinese = false;
  private out: DecodeEvent[] = [];

  /** True while a command's bytes have started but not completed (its meaning is not known yet). */
  get inCommand(): boolean {
    return this.state === 'cmd';
  }

  push(chunk: Uint8Array): DecodeEvent[] {
    this.out = [];
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (this.state === 'skip') {
        const n = Math.min(this.skipLeft, chunk.length - i);
        this.skipLeft -= n;
        i += n - 1;
        if (this.skipLeft === 0) this.state = 'text';
      } else if (this.state === 'skip-nul') {
        if (b === 0 || --this.skipLeft <= 0) this.state = 'text';
      } else if (this.state === 'cmd') {
        this.cmd.push(b);
        this.tryCommand();
      } else {
        this.textByte(b);
      }
    }
    return this.out;
  }

  /** Ends a pending partial line (end of job). */
  flush(): DecodeEvent[] {
    this.out = [];
    if (this.line.length > 0) this.emitLine();
    return this.out;
  }

  private textByte(b: number): void {
    if (b === 0x0a) return this.emitLine();
    if (b === ESC || b === GS || b === FS || b === DLE) {
      this.state = 'cmd';
      this.cmd = [b];
      return;
    }
    if (b === 0x09) {
      const pad = 8 - (this.line.length % 8);
      for (let k = 0; k < pad; k++) this.addText(0x20);
      return;
    }
    if (b < 0x20 || b === 0x7f) return; // CR and other controls: nothing to show
    this.addText(b);
  }

  private addText(b: number): void {
    if (this.line.length === 0) this.lineAttrs = this.attrs();
    else if (this.lineAttrs) {
      this.lineAttrs.width = Math.max(this.lineAttrs.width, this.width);
      this.lineAttrs.height = Math.max(this.lineAttrs.height, this.height);
      this.lineAttrs.bold ||= this.bold;
    }
    this.line.push(b);
    if (this.line.length >= MAX_LINE_BYTES) this.emitLine();
  }

  private attrs(): PreviewLine {
    return { text: '', align: this.align, width: this.width, height: this.height, bold: this.bold };
  }

  private emitLine(): void {
    const line = this.lineAttrs ?? this.attrs();
    line.text = this.decodeText(this.line);
    this.out.push({ type: 'line', line });
    this.line = [];
    this.lineAttrs = null;
  }

  private decodeText(bytes: number[]): string {
    if (bytes.length === 0) return '';
    if (this.chinese) return iconv.decode(Buffer.from(bytes), 'gb18030').replace(/\ufffd/g, '?');
    return bytes.map((b) => (b < 0x80 ? String.fromCharCode(b) : '?')).join('');
  }

  /** Runs the command in this.cmd once it is complete; stays in 'cmd' while it needs more bytes. */
  private tryCommand(): void {
    const c = this.cmd;
    const [lead, op] = c;
    const done = () => {
      this.state = 'text';
      this.cmd = [];
    };
    const skip = (n: number) => {
      this.cmd = [];
      if (n > 0) {
        this.state = 'skip';
        this.skipLeft = n;
      } else this.state = 'text';
    };
    if (lead === DLE) {
      if (op === 0x04 || op === 0x05) {
        if (c.length < 3) return;
        if (op === 0x04) this.out.push({ type: 'status-query', n: c[2] });
        return done();
      }
      if (op === 0x14) return c.length < 5 ? undefined : done();
      return done(); // unknown DLE x
    }
    if (lead === ESC) {
      if (op === 0x2a) {
        // ESC * m nL nH d1…dk: bit image
        if (c.length < 5) return;
        const dots = c[3] + c[4] * 256;
        const k = dots * (c[2] >= 32 ? 3 : 1);
        this.out.push({ type: 'image', bytes: k });
        return skip(k);
      }
      if (op === 0x44) {
        // ESC D n1…nk NUL: tab positions
        this.cmd = [];
        this.state = 'skip-nul';
        this.skipLeft = 33;
        return;
      }
      const n = ESC_PARAMS[op];
      if (n === undefined) return done();
      if (c.length < 2 + n) return;
      this.runEsc(op, c.slice(2));
      return done();
    }
    if (lead === GS) {
      if (op === 0x56) {
        if (c.length < 3) return;
        if ((c[2] === 65 || c[2] === 66) && c.length < 4) return;
        this.cutNow();
        return done();
      }
      if (op === 0x6b) {
        // GS k m …: barcode
        if (c.length < 3) return;
        this.out.push({ type: 'barcode' });
        if (c[2] <= 6) {
          this.cmd = [];
          this.state = 'skip-nul';
          this.skipLeft = MAX_NUL_DATA;
          return;
        }
        if (c.length < 4) return;
        return skip(c[3]);
      }
      if (op === 0x76) {
        // GS v 0 m xL xH yL yH d…: raster image
        if (c.length < 8) return;
        const k = (c[4] + c[5] * 256) * (c[6] + c[7] * 256);
        this.out.push({ type: 'image', bytes: k });
        return skip(k);
      }
      if (op === 0x28 || op === 0x38) {
        // GS ( x pL pH … / GS 8 L p1 p2 p3 p4 …: length-prefixed functions (QR codes, graphics)
        const head = op === 0x28 ? 5 : 7;
        if (c.length < head) return;
        const k = op === 0x28 ? c[3] + c[4] * 256 : c[3] + c[4] * 256 + c[5] * 65536 + c[6] * 16777216;
        if (op === 0x28 && c[2] === 0x6b) this.out.push({ type: 'barcode' });
        return skip(k);
      }
      if (op === 0x2a) {
        if (c.length < 4) return;
        return skip(c[2] * c[3] * 8);
      }
      const n = GS_PARAMS[op];
      if (n === undefined) return done();
      if (c.length < 2 + n) return;
      if (op === 0x21) {
        this.width = ((c[2] >> 4) & 7) + 1;
        this.height = (c[2] & 7) + 1;
      }
      return done();
    }
    if (lead === FS) {
      const n = FS_PARAMS[op];
      if (n === undefined) return done();
      if (c.length < 2 + n) return;
      if (op === 0x26) this.chinese = true;
      if (op === 0x2e) this.chinese = false;
      return done();
    }
    done();
  }

  private runEsc(op: number, p: number[]): void {
    switch (op) {
      case 0x40:
        if (this.line.length > 0) this.emitLine();
        this.align = 'left';
        this.width = 1;
        this.height = 1;
        this.bold = false;
        this.chinese = false;
        this.out.push({ type: 'init' });
        break;
      case 0x61: {
        const n = p[0] >= 0x30 ? p[0] - 0x30 : p[0];
        this.align = n === 1 ? 'center' : n === 2 ? 'right' : 'left';
        break;
      }
      case 0x45:
        this.bold = (p[0] & 1) === 1;
        break;
      case 0x21:
        this.bold = (p[0] & 0x08) !== 0;
        this.height = p[0] & 0x10 ? 2 : 1;
        this.width = p[0] & 0x20 ? 2 : 1;
        break;
      case 0x64:
        if (this.line.length > 0) this.emitLine();
        for (let k = 0; k < Math.min(p[0], 255); k++) this.emitLine();
        break;
      case 0x69:
      case 0x6d:
        this.cutNow();
        break;
    }
  }

  private cutNow(): void {
    if (this.line.length > 0) this.emitLine();
    this.out.push({ type: 'cut' });
  }
}

export type PreviewItem = PreviewLine | { cut: true };

/** One-shot decode of a whole job. */
export function decodeEscPos(bytes: Uint8Array): PreviewItem[] {
  const d = new EscPosDecoder();
  return toItems([...d.push(bytes), ...d.flush()]);
}

export function toItems(events: DecodeEvent[]): PreviewItem[] {
  const items: PreviewItem[] = [];
  for (const e of events) {
    if (e.type === 'line') items.push(e.line);
    else if (e.type === 'cut') items.push({ cut: true });
  }
  return items;
}

/**
 * Plain-text rendering of a preview at the paper's column count: alignment applied, double-width text
 * spaced out, cuts shown as a scissors line. Meant for terminals, logs and the simulator's saved jobs.
 */
export function previewToText(items: PreviewItem[], columns: number): string {
  const out: string[] = [];
  for (const item of items) {
    if ('cut' in item) {
      out.push('✂' + '-'.repeat(Math.max(0, columns - 2)));
      continue;
    }
    const text = item.width > 1 ? [...item.text].join(' '.repeat(Math.min(item.width - 1, 7))) : item.text;
    let w = 0;
    for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
    const room = Math.max(0, columns - w);
    const left = item.align === 'center' ? Math.floor(room / 2) : item.align === 'right' ? room : 0;
    out.push(' '.repeat(left) + text);
  }
  return out.join('\n');
}
