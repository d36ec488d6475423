/** 日结 on receipt paper: every line fits the paper's columns, money in 元 from 分, each operator after the desk. */
import { describe, expect, it } from 'vitest';
import { decodeEscPos, previewToText } from '../../../../../native/protocols/escpos/decode';
import { renderDaySummaryReceipt, type DaySummaryReceiptData } from '../../../../../native/protocols/escpos/day-summary';
import { columnsFor, displayWidth } from '../../../../../native/protocols/escpos/layout';

const block = (total: number, claimedFen: number, badRatings: number) => ({
  counts: [{ label: '零星报销', total, detail: `待上报0 已上报${total} 需处理0 撤销0` }],
  total,
  claimedFen,
  paidFen: Math.floor(claimedFen / 2),
  pendingOpen: 1,
  pendingOverdue: 0,
  badRatings,
});

const data: DaySummaryReceiptData = {
  office: '示例市医疗保障事务中心 政务服务大厅 第三窗口',
  date: '2026-03-02',
  generatedAt: '2026-03-02 17:00',
  desk: block(3, 1_234_505, 1),
  operators: [
    { title: '柜员一（op001）', ...block(2, 1_234_500, 1) },
    { title: '一位名字很长很长很长很长的柜员（op002）', ...block(1, 5, 0) },
  ],
};

describe('renderDaySummaryReceipt', () => {
  for (const paper of [58, 80] as const) {
    it(`fits ${paper} mm paper and prints the figures in 元`, () => {
      const text = previewToText(decodeEscPos(renderDaySummaryReceipt(data, paper)), columnsFor(paper));
      const lines = text.split('\n');
      // The double-width heading is previewed spaced out; every other line stays inside the columns.
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(columnsFor(paper) * 2);
      for (const l of lines.filter((x) => !x.includes('日 结 单'))) expect(displayWidth(l)).toBeLessThanOrEqual(columnsFor(paper));
      expect(text).toContain('12345.05元');
      expect(text).toContain('0.05元');
      expect(text).toMatch(/差评\s+1件/);
      expect(text.indexOf('本窗口合计')).toBeLessThan(text.indexOf('柜员一（op001）'));
      expect(text.indexOf('柜员一（op001）')).toBeLessThan(text.indexOf('（op002）'));
    });
  }
});
