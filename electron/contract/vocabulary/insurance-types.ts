/**
 * 险种类型 (national dictionary insutype): the one home for their codes and Chinese names, and for the
 * subset the counter's cases are filed under. The renderer's labels and the reimbursement engine import it.
 */

export const INSUTYPE_NAMES: Record<string, string> = {
  '310': '职工基本医疗保险',
  '320': '公务员医疗补助',
  '330': '职工大额医疗费用补助',
  '340': '离休人员医疗保障',
  '390': '城乡居民基本医疗保险',
  '392': '城乡居民大病医疗保险',
  '510': '生育保险',
};

/** The basic schemes a case is filed under (and the reimbursement engine computes): 职工 310, 城乡居民 390. */
export const CASE_INSUTYPES = ['390', '310'] as const;

export function isCaseInsutype(insutype: string): boolean {
  return (CASE_INSUTYPES as readonly string[]).includes(insutype);
}
