import { describe, expect, it } from 'vitest';
import { describeIssueLines, describeIssues } from '../../../../electron/contract/issue-text';
import { AcceptInput } from '../../../../electron/contract/features/cases';

describe('refusals in the clerk’s words', () => {
  it('rows become 第 n 条费用明细 / 第 n 张票据; a label already in the message is not repeated', () => {
    expect(describeIssues([{ path: ['form', 'items', 0, 'amount'], message: '金额应为以元为单位的金额' }])).toBe('第 1 条费用明细：金额应为以元为单位的金额');
    expect(describeIssues([{ path: ['form', 'invoices', 1, 'no'], message: '与第 1 张票据重复' }])).toBe('第 2 张票据的票据号码：与第 1 张票据重复');
  });

  it('a top-level field gets its Chinese label when the message lacks it', () => {
    expect(describeIssues([{ path: ['psnNo'], message: '应为 1–40 位数字或字母' }])).toBe('人员编号：应为 1–40 位数字或字母');
    expect(describeIssues([{ path: ['psnNo'], message: '人员编号不能为空' }])).toBe('人员编号不能为空');
  });

  it('unlabelled containers are left out; an unlabelled leaf (a device option, not a form field) keeps its name', () => {
    const text = describeIssues([
      { path: ['form', 'weird'], message: '不合法' },
      { path: [], message: '缺少内容' },
      { path: ['form'], message: '应为对象' },
      { path: ['timeoutMs'], message: 'Too small: expected number to be >=1000' },
    ]);
    expect(text).toBe('不合法；缺少内容；应为对象；timeoutMs：Too small: expected number to be >=1000');
  });

  it('the policy engine’s `path: message` lines', () => {
    expect(describeIssueLines(['items[0].amount: 金额不能为负数', 'visit.date: 就诊日期 2020-01-01 不在政策适用期内'])).toBe(
      '第 1 条费用明细：金额不能为负数；就诊日期 2020-01-01 不在政策适用期内',
    );
    expect(describeIssueLines(['缺少费用类别'])).toBe('缺少费用类别');
  });

  it('a real refused accept input reads without a single field path', () => {
    const parsed = AcceptInput.safeParse({ kind: 'reimbursement', psnNo: 'P1', insuplcAdmdvs: '330100', materials: [], form: { items: [{ amount: 'x' }] } });
    expect(parsed.success).toBe(false);
    const text = describeIssues(parsed.error!.issues);
    expect(text).not.toMatch(/[A-Za-z]+(\.|\[)\w|\bform\b|items|invoices|retired/);
    expect(text).not.toContain('医疗机构编码：请填写');
    expect(text).toContain('第 1 条费用明细');
  });
});
