/** Display names for platform codes (national dictionary values; 险种 names live in electron/contract/vocabulary). */
export const INSU_STATUS_LABEL: Record<string, string> = {
  '1': '正常参保',
  '2': '暂停参保',
  '4': '终止参保',
};

export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('zh-CN')}.${String(abs % 100).padStart(2, '0')}`;
}

export function describeAge(ageSeconds: number): string {
  if (ageSeconds < 60) return '刚刚';
  if (ageSeconds < 3600) return `${Math.floor(ageSeconds / 60)} 分钟前`;
  if (ageSeconds < 86_400) return `${Math.floor(ageSeconds / 3600)} 小时前`;
  return `${Math.floor(ageSeconds / 86_400)} 天前`;
}
