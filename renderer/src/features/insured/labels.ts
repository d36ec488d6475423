/** Display names for platform codes (national dictionary values; 险种 names live in electron/contract/vocabulary). */
export { INSURANCE_STATUS_NAMES as INSU_STATUS_LABEL } from '../../../../electron/contract/vocabulary/insurance-status';

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
