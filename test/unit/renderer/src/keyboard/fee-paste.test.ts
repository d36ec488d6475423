import { describe, expect, it } from 'vitest';
import { BillItemForm, ReimbursementForm } from '../../../../../electron/contract/features/cases';
import { isMultiCellPaste, MAX_FEE_ROWS, moneyCell, parseFeePaste } from '../../../../../renderer/src/keyboard/fee-paste';

describe('parseFeePaste', () => {
  it('takes one fee item per tab-separated line, in the grid order 名称, 类别, 金额, 超限价, 先行自付%', () => {
    const out = parseFeePaste('床位费\t甲\t370\n某乙类药\t乙\t1000.5\t\t10\n自费耗材\t丙\t300\t20\n');
    expect(out.problems).toEqual([]);
    expect(out.header).toBe(false);
    expect(out.rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(out.rows.map((r) => r.row)).toEqual([
      { name: '床位费', category: '甲', amount: '370', overLimit: '', selfPayRatio: '' },
      { name: '某乙类药', category: '乙', amount: '1000.5', overLimit: '', selfPayRatio: '10' },
      { name: '自费耗材', category: '丙', amount: '300', overLimit: '20', selfPayRatio: '' },
    ]);
  });

  it('skips a header line, blank lines and a spreadsheet’s CRLF and empty trailing cells', () => {
    const out = parseFeePaste('项目名称\t类别\t金额\t超限价金额\t先行自付%\r\n\r\n床位费\t甲\t370\t\t\r\n   \r\n检查费\t乙类\t80\r\n');
    expect(out.header).toBe(true);
    expect(out.problems).toEqual([]);
    expect(out.rows.map((r) => [r.line, r.row.name, r.row.category])).toEqual([
      [3, '床位费', '甲'],
      [5, '检查费', '乙'],
    ]);
  });

  it('normalises full-width digits, ￥, 元, full-width commas and thousands separators', () => {
    const out = parseFeePaste('手术费\t甲\t１２，３４５．６７\n药费\t乙\t￥1,234.50\t１０\t１５％\n材料费\t丙\t８０元\n　护理费　\t甲类\t 2,000 ');
    expect(out.problems).toEqual([]);
    expect(out.rows.map((r) => r.row)).toEqual([
      { name: '手术费', category: '甲', amount: '12345.67', overLimit: '', selfPayRatio: '' },
      { name: '药费', category: '乙', amount: '1234.50', overLimit: '10', selfPayRatio: '15' },
      { name: '材料费', category: '丙', amount: '80', overLimit: '', selfPayRatio: '' },
      { name: '护理费', category: '甲', amount: '2000', overLimit: '', selfPayRatio: '' },
    ]);
    // What comes out is exactly what the form's own rule accepts.
    for (const r of out.rows) expect(BillItemForm.safeParse(r.row).success).toBe(true);
  });

  it('reports every bad line with its number, its text and a Chinese reason, and still takes the good ones', () => {
    const text = [
      '床位费\t甲\t370', // 1 ok
      '药费\t丁\t10', // 2 bad category
      '检查费\t乙\t12.345', // 3 three decimals
      '化验费\t甲\tabc', // 4 not a number
      '只有名称', // 5 one column
      '\t甲\t10', // 6 no name
      '耗材\t丙\t-5', // 7 negative
      '针剂\t乙\t1,23', // 8 misplaced separator (a decimal comma?)
      '药\t乙\t10\t0\t120', // 9 ratio over 100
      'a\t甲\t1\t2\t3\t4', // 10 too many columns
      '治疗费\t\t50', // 11 no category
      '护理\t甲\t', // 12 no amount (trailing empty cell trimmed → two columns)
      '挂号费\t甲\t5', // 13 ok
    ].join('\n');
    const out = parseFeePaste(text);
    expect(out.rows.map((r) => r.line)).toEqual([1, 13]);
    const reasons = Object.fromEntries(out.problems.map((p) => [p.line, p.reason]));
    expect(Object.keys(reasons).map(Number)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(reasons[2]).toBe('类别“丁”应为甲、乙或丙');
    expect(reasons[3]).toBe('金额“12.345”应为以元为单位的金额，最多两位小数');
    expect(reasons[4]).toBe('金额“abc”不是数字金额');
    expect(reasons[5]).toMatch(/应至少有名称、类别、金额三列.*只有 1 列/);
    expect(reasons[6]).toBe('缺少项目名称');
    expect(reasons[7]).toBe('金额“-5”不能为负数');
    expect(reasons[8]).toMatch(/千位分隔符/);
    expect(reasons[9]).toMatch(/先行自付比例“120”/);
    expect(reasons[10]).toMatch(/列数过多/);
    expect(reasons[11]).toBe('缺少类别（甲、乙或丙）');
    expect(reasons[12]).toMatch(/只有 2 列/);
    expect(out.problems.find((p) => p.line === 2)?.text).toBe('药费\t丁\t10');
    // Every line is accounted for: a row or a problem.
    expect(out.rows.length + out.problems.length).toBe(13);
  });

  it('a first line that looks like data is not taken for a header', () => {
    const out = parseFeePaste('名称药\t甲\t10');
    expect(out.header).toBe(false);
    expect(out.rows).toHaveLength(1);
  });

  it('takes no more rows than there is room for and reports the rest', () => {
    const out = parseFeePaste('a\t甲\t1\nb\t甲\t2\nc\t甲\t3', 2);
    expect(out.rows.map((r) => r.row.name)).toEqual(['a', 'b']);
    expect(out.problems).toEqual([{ line: 3, text: 'c\t甲\t3', reason: `费用明细最多 ${MAX_FEE_ROWS} 条，此行未导入` }]);
  });

  it('MAX_FEE_ROWS is the form’s own cap', () => {
    const item = { name: 'a', category: '甲', amount: '1', overLimit: '', selfPayRatio: '' };
    const form = (n: number) => ({
      insutype: '390', reason: '03', hospitalCode: 'H1', hospitalName: 'h', hospitalLevel: '3', visitType: 'inpatient',
      begndate: '2026-01-01', enddate: '2026-01-02', outOfArea: 'none', diseaseCode: '', retired: null,
      items: Array.from({ length: n }, () => item), invoices: [{ code: '110101', no: '00000001', amount: String(n) }], memo: '', // the invoice total matches the items
    });
    expect(ReimbursementForm.safeParse(form(MAX_FEE_ROWS)).success).toBe(true);
    expect(ReimbursementForm.safeParse(form(MAX_FEE_ROWS + 1)).success).toBe(false);
  });
});

describe('moneyCell', () => {
  it('accepts grouped and plain amounts and refuses what the form would refuse', () => {
    expect(moneyCell('1,234,567.89', '金额')).toEqual({ value: '1234567.89' });
    expect(moneyCell('0.5', '金额')).toEqual({ value: '0.5' });
    expect(moneyCell('12345678901', '金额')).toHaveProperty('reason');
    expect(moneyCell('1,2345', '金额')).toHaveProperty('reason');
    expect(moneyCell('1.2.3', '金额')).toHaveProperty('reason');
    expect(moneyCell('', '金额')).toHaveProperty('reason');
  });
});

describe('isMultiCellPaste', () => {
  it('one cell (even with the newline a spreadsheet adds) is an ordinary paste; tabs or several lines are a grid paste', () => {
    expect(isMultiCellPaste('床位费')).toBe(false);
    expect(isMultiCellPaste('370\r\n')).toBe(false);
    expect(isMultiCellPaste('床位费\t甲')).toBe(true);
    expect(isMultiCellPaste('370\n80')).toBe(true);
  });
});
