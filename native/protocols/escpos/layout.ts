/**
 * Column layout for receipt paper, counting a hanzi (any non-ASCII character, which GB18030 prints
 * double-width) as 2 columns. 58 mm paper: 32 columns (16 hanzi); 80 mm: 48 columns (24 hanzi).
 */
export type PaperWidth = 58 | 80;

export function columnsFor(width: PaperWidth): number {
  return width === 58 ? 32 : 48;
}

export function charWidth(ch: string): number {
  return (ch.codePointAt(0) ?? 0) < 0x80 ? 1 : 2;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/** Splits text into lines of at most `columns` display columns; never splits a character; honours \n. */
export function wrapText(text: string, columns: number): string[] {
  const cols = Math.max(2, Math.floor(columns));
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of para) {
      const cw = charWidth(ch);
      if (w + cw > cols) {
        out.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += cw;
    }
    out.push(line);
  }
  return out;
}

export function padEndDisplay(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}

/**
 * A row with `left` flush left and `right` flush right. If both do not fit on one line, left wraps and
 * right goes at the end of the last line (or onto its own line when even that does not fit).
 */
export function twoColumn(left: string, right: string, columns: number): string[] {
  const rw = displayWidth(right);
  const lines = wrapText(left, columns);
  const last = lines[lines.length - 1];
  if (displayWidth(last) + 1 + rw <= columns) {
    lines[lines.length - 1] = last + ' '.repeat(columns - displayWidth(last) - rw) + right;
    return lines;
  }
  for (const r of wrapText(right, columns)) lines.push(' '.repeat(Math.max(0, columns - displayWidth(r))) + r);
  return lines;
}

/** A separator line of the full width. */
export function rule(columns: number, ch = '-'): string {
  return ch.repeat(columns);
}

/** Integer 分 → "123.45" (no float arithmetic; negative amounts keep their sign). */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`amount in fen must be a safe integer: ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}
