/** Display names for platform codes (national dictionary values). */
export const INSUTYPE_LABEL: Record<string, string> = {
  '310': '职工基本医疗保险',
  '320': '公务员医疗补助',
  '330': '职工大额医疗费用补助',
  '340': '离休人员医疗保障',
  '390': '城乡居民基本医疗保险',
  '392': '城乡居民大病医疗保险',
  '510': '生育保险',
};

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
