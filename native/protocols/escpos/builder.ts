/**
 * ESC/POS byte builder: exact bytes for 58 and 80 mm receipt printers. Text is encoded GB18030 (the
 * printer must be in Chinese mode, FS &, to print double-byte characters). Control characters inside
 * text are removed so data (a name, an address) can never smuggle printer commands.
 */
import iconv from 'iconv-lite';
import { CMD, LF } from './commands';
import { columnsFor, twoColumn, wrapText, type PaperWidth } from './layout';
import type { StatusQuery } from './status';

export type Align = 'left' | 'center' | 'right';
const ALIGN_CODE: Record<Align, 0 | 1 | 2> = { left: 0, center: 1, right: 2 };

export function encodeGb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

export class EscPosBuilder {
  readonly columns: number;
  private readonly parts: number[][] = [];
  private widthMul = 1;

  constructor(readonly paper: PaperWidth = 80) {
    this.columns = columnsFor(paper);
  }

  private push(bytes: ArrayLike<number>): this {
    this.parts.push(Array.from(bytes));
    return this;
  }

  /** ESC @: reset the printer's modes. */
  init(): this {
    this.widthMul = 1;
    return this.push(CMD.init);
  }

  /** FS & / FS .: Chinese (double-byte) character mode on or off. */
  chineseMode(on = true): this {
    return this.push(on ? CMD.chineseOn : CMD.chineseOff);
  }

  /** ESC a n */
  align(a: Align): this {
    return this.push(CMD.align(ALIGN_CODE[a]));
  }

  /** ESC E n */
  bold(on = true): this {
    return this.push(CMD.bold(on));
  }

  /** GS ! n: width and height multipliers 1–8. */
  size(width = 1, height = width): this {
    const w = clampInt(width, 1, 8);
    const h = clampInt(height, 1, 8);
    this.widthMul = w;
    return this.push(CMD.size(((w - 1) << 4) | (h - 1)));
  }

  /** Text without a line end; newlines become LF, other control characters are dropped. */
  text(s: string): this {
    // eslint-disable-next-line no-control-regex
    const clean = s.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
    return this.push(encodeGb18030(clean));
  }

  /** Text followed by LF. */
  line(s = ''): this {
    return this.text(s).push([LF]);
  }

  /** Text wrapped to the paper width at the current character width. */
  wrapped(s: string): this {
    for (const l of wrapText(s, this.columns / this.widthMul)) this.line(l);
    return this;
  }

  /** Left label, right value, each on the paper's columns (at the current character width). */
  row(left: string, right: string): this {
    for (const l of twoColumn(left, right, Math.floor(this.columns / this.widthMul))) this.line(l);
    return this;
  }

  /** ESC d n: print and feed n lines. */
  feed(lines = 1): this {
    return this.push(CMD.feedLines(clampInt(lines, 0, 255)));
  }

  /** GS V 66 0: feed to the cutter and cut. */
  cut(): this {
    return this.push(CMD.cut);
  }

  /** DLE EOT n: real-time status query (answered with one byte, see status.ts). */
  statusQuery(n: StatusQuery): this {
    return this.push(CMD.status(n));
  }

  /** Raw bytes (e.g. a logo prepared elsewhere). */
  raw(bytes: ArrayLike<number>): this {
    return this.push(bytes);
  }

  bytes(): Uint8Array {
    const total = this.parts.reduce((n, p) => n + p.length, 0);
    const out = new Uint8Array(total);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

function clampInt(n: number, lo: number, hi: number): number {
  if (!Number.isFinite(n)) return lo;
  return Math.min(hi, Math.max(lo, Math.trunc(n)));
}
