/** Display helpers for the person panel (platform code names live in electron/contract/vocabulary). */
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

/** Today (yyyy-MM-dd) in China Standard Time, whatever the machine's zone. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A document's validity against today: expired, expiring within 90 days, or fine ('长期' never expires). */
export function expiryState(validTo: string, today: string): 'expired' | 'soon' | 'ok' {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validTo)) return 'ok';
  if (validTo < today) return 'expired';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 90);
  return validTo <= soon.toISOString().slice(0, 10) ? 'soon' : 'ok';
}
