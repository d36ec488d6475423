/** Display names for the services' codes. */
export const INSUTYPE_NAMES: Record<string, string> = { '310': '职工基本医疗保险', '390': '城乡居民基本医疗保险' };
export const REG_TYPE_NAMES: Record<string, string> = {
  retiredResettled: '异地安置退休',
  longTermResidence: '异地长期居住',
  residentWorker: '常驻异地工作',
  referral: '异地转诊',
  emergency: '异地急诊抢救',
  otherTemporary: '其他临时外出就医',
};
export const REASON_NAMES: Record<string, string> = {
  '01': '01 一般',
  '02': '02 定点无卡就医',
  '03': '03 异地就诊',
  '04': '04 急救抢救',
  '05': '05 异地转诊转院',
  '9923': '9923 统筹区外已备案',
  '9924': '9924 统筹区外未备案',
};
export const VISIT_NAMES: Record<string, string> = { inpatient: '住院', outpatient: '普通门诊', special: '门诊慢特病' };
export const OUT_OF_AREA_NAMES: Record<string, string> = {
  none: '本地就医',
  'long-term': '异地长期备案',
  referral: '异地转诊',
  emergency: '异地急诊',
  temporary: '其他临时备案',
  unregistered: '异地未备案',
};

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('zh-CN')}.${String(abs % 100).padStart(2, '0')}`;
}
