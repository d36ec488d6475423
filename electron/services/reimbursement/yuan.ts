/** Money typed by a clerk in 元 ("1234.5") to integer 分, by string arithmetic: never through a float. */

export class MoneyTextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyTextError';
  }
}

const YUAN = /^(\d{1,10})(?:\.(\d{1,2}))?$/;

/** "123.45" → 12345, "0.5" → 50, "7" → 700. Anything else (signs, commas, 3 decimals, blanks) is refused. */
export function yuanToFen(text: string, label = '金额'): number {
  const m = YUAN.exec(text.trim());
  if (!m) throw new MoneyTextError(`${label}「${text}」不是有效金额：应为以元为单位的数字，最多两位小数`);
  const whole = Number(m[1]);
  const cents = Number((m[2] ?? '').padEnd(2, '0'));
  return whole * 100 + cents;
}

/** Optional money field: blank → undefined. */
export function optionalYuanToFen(text: string | undefined, label: string): number | undefined {
  return text === undefined || text.trim() === '' ? undefined : yuanToFen(text, label);
}

/** 12345 → "123.45" (no separators: for editing and printing). */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
