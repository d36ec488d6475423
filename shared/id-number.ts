/**
 * GB 11643 citizen ID numbers: 17 digits + check character. Pure (no Node imports) so the renderer can use it.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type IdNumberProblem = 'length' | 'characters' | 'birth-date' | 'check-digit';

/** Returns null when valid, otherwise what is wrong with it. Accepts a lower-case x. */
export function idNumberProblem(id: string): IdNumberProblem | null {
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dXx]$/.test(id)) return 'characters';
  if (!isRealDate(id.slice(6, 14))) return 'birth-date';
  if (idCheckChar(id) !== id[17].toUpperCase()) return 'check-digit';
  return null;
}

export function isValidIdNumber(id: string): boolean {
  return idNumberProblem(id) === null;
}

export const ID_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = {
  length: '身份证号码应为18位',
  characters: '身份证号码只能是17位数字加一位数字或X',
  'birth-date': '身份证号码中的出生日期不存在',
  'check-digit': '身份证号码校验位错误',
};

/** Sex from the 17th digit: odd = male. */
export function idSexCode(id: string): '1' | '2' {
  return Number(id[16]) % 2 === 1 ? '1' : '2';
}

/** Birth date YYYY-MM-DD from digits 7–14. */
export function idBirthDate(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Mask for screens, logs and receipts: keep the first 6 and last 4 characters. */
export function maskIdNumber(id: string): string {
  if (id.length <= 10) return id.replace(/./g, '*');
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** YYYYMMDD that names a real calendar day between 1900 and 2099. */
export function isRealDate(yyyymmdd: string): boolean {
  if (!/^(19|20)\d{6}$/.test(yyyymmdd)) return false;
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
