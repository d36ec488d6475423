/**
 * A name as the kiosk shows it on a screen others can see: first and last character, the rest starred
 * (张伟明 → 张*明, 李四 → 李*, 阿依古丽·买买提 → 阿******提). The ID number uses shared/id-number's mask.
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
