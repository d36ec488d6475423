/** Step 1 of every claim: split the bill into 全自费, 先行自付 and 政策范围内. */
import type { ClaimItem } from './claim-schema';
import { applyRate, formatRate, formatYuan, percentToBp } from './money';
import type { Policy } from './policy-schema';

export interface FeeBreakdown {
  total: number;
  fullOwnPay: number;
  preSelfPay: number;
  inscope: number;
  explain: string[];
}

export function breakDownFees(items: readonly ClaimItem[], policy: Policy): FeeBreakdown {
  let total = 0;
  let categoryC = 0;
  let overLimit = 0;
  let preSelfPay = 0;
  let categoryB = 0;
  let usedDefaultRatio = false;
  for (const item of items) {
    total += item.amount;
    if (item.category === '丙') {
      categoryC += item.amount;
      continue;
    }
    const over = item.overLimit ?? 0;
    overLimit += over;
    if (item.category === '乙') {
      const ratioBp = item.selfPayRatio === undefined ? policy.defaultSelfPayRatioBp : (percentToBp(item.selfPayRatio) as number);
      if (item.selfPayRatio === undefined) usedDefaultRatio = true;
      categoryB += item.amount - over;
      preSelfPay += applyRate(item.amount - over, ratioBp);
    }
  }
  const fullOwnPay = categoryC + overLimit;
  const inscope = total - fullOwnPay - preSelfPay;
  const ratioNote = usedDefaultRatio ? `未填写比例的按 ${formatRate(policy.defaultSelfPayRatioBp)}` : '按各项目的先行自付比例';
  return {
    total,
    fullOwnPay,
    preSelfPay,
    inscope,
    explain: [
      `费用总额 ${formatYuan(total)}，共 ${items.length} 项费用明细。`,
      `全自费 ${formatYuan(fullOwnPay)}：丙类项目 ${formatYuan(categoryC)}，甲类、乙类超出限价部分 ${formatYuan(overLimit)}，由个人全部负担。`,
      `先行自付 ${formatYuan(preSelfPay)}：乙类项目（限价内）${formatYuan(categoryB)}，${ratioNote}逐项计算，四舍五入到分。`,
      `政策范围内费用 = ${formatYuan(total)} − ${formatYuan(fullOwnPay)} − ${formatYuan(preSelfPay)} = ${formatYuan(inscope)}。`,
    ],
  };
}
