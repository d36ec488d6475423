/**
 * Pinyin initials for searching catalogues by keyboard ("gxy" finds 高血压). GB2312 level-1 hanzi are
 * ordered by pinyin, so the first letter follows from a character's GB2312 code and 23 boundaries.
 * Rarer characters (level 2) and non-hanzi keep their own letter or are dropped; polyphones take the
 * reading GB2312 files them under. Enough for catalogue search without a pinyin dictionary.
 */
import iconv from 'iconv-lite';

const LETTERS = 'ABCDEFGHJKLMNOPQRSTWXYZ';
const BOUNDARIES = [
  0xb0a1, 0xb0c5, 0xb2c1, 0xb4ee, 0xb6ea, 0xb7a2, 0xb8c1, 0xb9fe, 0xbbf7, 0xbfa6, 0xc0ac, 0xc2e8, 0xc4c3, 0xc5b6, 0xc5be, 0xc6da, 0xc8bb,
  0xc8f6, 0xcbfa, 0xcdda, 0xcef4, 0xd1b9, 0xd4d1,
];
const LEVEL1_END = 0xd7f9;
/** Level-2 characters common in disease names (GB2312 orders them by radical, not pinyin). */
const LEVEL2: Record<string, string> = { 癫: 'D', 痫: 'X', 疝: 'S', 痉: 'J', 挛: 'L', 髓: 'S', 肾: 'S', 疣: 'Y', 痤: 'C', 疱: 'P', 瘫: 'T', 痪: 'H', 癣: 'X', 瘤: 'L', 疸: 'D', 胰: 'Y', 脾: 'P', 酮: 'T' };

export function initialOf(ch: string): string {
  if (/^[A-Za-z0-9]$/.test(ch)) return ch.toUpperCase();
  if (LEVEL2[ch]) return LEVEL2[ch];
  const bytes = iconv.encode(ch, 'gb2312');
  if (bytes.length !== 2) return '';
  const code = bytes[0] * 256 + bytes[1];
  if (code < BOUNDARIES[0] || code > LEVEL1_END) return '';
  let i = BOUNDARIES.length - 1;
  while (code < BOUNDARIES[i]) i--;
  return LETTERS[i];
}

export function pinyinInitials(text: string): string {
  return Array.from(text, initialOf).join('');
}
