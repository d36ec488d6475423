/**
 * A person's name as lists show it to whoever stands behind the clerk: the surname and, for three characters
 * or more, the last character (张* / 张*丰 / 欧阳**娜). The full name stays on the case and the receipt.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
