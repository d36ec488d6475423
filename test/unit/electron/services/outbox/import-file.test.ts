import { describe, expect, it } from 'vitest';
import { loadDiseaseCatalogue } from '../../../../../electron/services/cases/disease-catalogue';
import { parseImportText as parseWithRules } from '../../../../../electron/services/outbox/import-file';
import { specialDiseaseFixtures } from '../../../../helpers/outbox-fixtures';

const rules = { diseases: loadDiseaseCatalogue(), today: '2026-12-02' };
const parseImportText = (text: string) => parseWithRules(text, rules);
const [a, b] = specialDiseaseFixtures(2);
const claim = {
  kind: 'reimbursement',
  psnNo: 'P9',
  payload: {
    insutype: '390',
    reason: '03',
    hospitalCode: 'H1',
    hospitalName: '外省医院',
    begndate: '2026-02-01',
    enddate: '2026-02-05',
    totalFen: 1_250_000,
    fundPayFen: 0,
    invoices: [{ code: '440101', no: '0001', amountFen: 1_250_000 }],
  },
};

describe('parseImportText', () => {
  it('reads JSON lines (with BOM, CRLF and blank lines) and derives business keys', () => {
    const text = '\uFEFF' + [JSON.stringify(a), '', JSON.stringify(claim)].join('\r\n') + '\r\n';
    const r = parseImportText(text);
    expect(r.problems).toEqual([]);
    expect(r.format).toBe('jsonl');
    expect(r.records.map((x) => [x.line, x.businessKey])).toEqual([
      [1, `${a.psnNo}|${a.payload.opsp_dise_code}|${a.payload.begndate}`],
      [3, '440101|0001'],
    ]);
  });

  it('reads a JSON array, numbering records by position', () => {
    const r = parseImportText(JSON.stringify([a, b]));
    expect(r.format).toBe('array');
    expect(r.records.map((x) => x.line)).toEqual([1, 2]);
  });

  it('reports every problem with its line, in Chinese', () => {
    const lines = [
      JSON.stringify({ ...a, extra: 1 }),
      JSON.stringify({ ...claim, payload: { ...claim.payload, totalFen: 12.5 } }),
      JSON.stringify({ ...claim, payload: { ...claim.payload, invoices: [] } }),
      JSON.stringify({ ...claim, payload: { ...claim.payload, fundPayFen: 2_000_000 } }),
      JSON.stringify({ kind: 'special-disease-cancel', psnNo: 'P1', payload: {} }),
      JSON.stringify({ ...a, businessKey: 'made-up' }),
      JSON.stringify({ ...a, psnNo: '' }),
      JSON.stringify([1, 2]),
    ];
    const r = parseImportText(lines.join('\n'));
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([
      { line: 1, message: '不认识的字段 extra' },
      { line: 2, message: 'payload.totalFen: 总金额必须是整数分' },
      { line: 3, message: 'payload.invoices: 至少需要一张票据' },
      { line: 4, message: 'payload: 基金支付不能大于总金额' },
      { line: 5, message: 'businessKey: 撤销记录必须给出原办件的业务键' },
      { line: 6, message: expect.stringContaining('businessKey: 与记录内容不符') },
      { line: 7, message: 'psnNo: 人员编号不能为空' },
      { line: 8, message: expect.stringContaining('') },
    ]);
  });

  it('refuses a broken array or an empty file as a whole', () => {
    expect(parseImportText('[{"kind":').problems[0].message).toMatch(/^文件不是合法的 JSON 数组/);
    expect(parseImportText('  \n ').problems).toEqual([{ line: 0, message: '文件中没有任何记录' }]);
  });
});
