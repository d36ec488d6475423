/** Form templates as data: the shipped ones load; a bad one is refused naming its file and the field. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FORM_FIELDS, FORM_LISTS } from '../../../../../electron/services/paper/form-fields';
import { FormTemplateError, loadFormTemplates, parseFormTemplate } from '../../../../../electron/services/paper/form-template';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const shipped = () => JSON.parse(fs.readFileSync(path.resolve('resources/forms/remote-registration.json'), 'utf8')) as Record<string, unknown>;

/** A folder with the given files (name → JSON value or raw text). */
function folder(files: Record<string, unknown>): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'forms-'));
  dirs.push(d);
  for (const [name, v] of Object.entries(files)) fs.writeFileSync(path.join(d, name), typeof v === 'string' ? v : JSON.stringify(v));
  return d;
}

function refusal(fn: () => unknown): FormTemplateError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(FormTemplateError);
    return err as FormTemplateError;
  }
  throw new Error('expected the template to be refused');
}

describe('shipped form templates', () => {
  it('load, every one of the seven forms, in their order', () => {
    const t = loadFormTemplates();
    expect(t.map((x) => x.title).sort()).toEqual(
      ['个人承诺书', '医疗费用结算单', '容缺承诺书', '异地就医备案表', '撤销申请', '门诊慢特病认定申请表', '零星报销申请表'].sort(),
    );
    expect(t.map((x) => x.order)).toEqual([...t.map((x) => x.order)].sort((a, b) => a - b));
    for (const x of t) expect(x.signatures.map((s) => s.label).join(' ')).toMatch(/签名.*日期.*经办人/);
  });
});

describe('bad templates are refused with the file and the field', () => {
  it('an unknown {{field}}', () => {
    const t = shipped();
    (t.sections as Array<{ rows?: Array<{ value: string }> }>)[1].rows![0].value = '{{regTyp}}';
    const dir = folder({ 'remote-registration.json': t });
    const err = refusal(() => loadFormTemplates(dir));
    expect(err.message).toContain(path.join(dir, 'remote-registration.json'));
    expect(err.message).toContain('sections[1].rows[0].value: 未知字段 {{regTyp}}');
  });

  it('no signature lines', () => {
    const err = refusal(() => parseFormTemplate({ ...shipped(), signatures: [] }, 'x.json'));
    expect(err.problems).toEqual(['signatures: 至少需要 1 项']);
  });

  it('a kind that does not exist, and a missing title', () => {
    const { title: _t, ...rest } = shipped();
    const err = refusal(() => parseFormTemplate({ ...rest, appliesTo: { kinds: ['remote'] } }, 'x.json'));
    expect(err.problems.some((p) => p.startsWith('title: 缺少必填字段'))).toBe(true);
    expect(err.problems.some((p) => p.startsWith('appliesTo.kinds[0]: 取值 "remote" 无效'))).toBe(true);
  });

  it('a settlement section on a form that is not for 零星报销', () => {
    const t = shipped();
    const err = refusal(() => parseFormTemplate({ ...t, sections: [...(t.sections as unknown[]), { type: 'settlement' }] }, 'x.json'));
    expect(err.problems).toEqual(['sections[4]: 结算明细只能用于零星报销（appliesTo.kinds 只能是 reimbursement）']);
  });

  it('an unknown key (a typo would otherwise be ignored) and an unknown list', () => {
    const t = shipped();
    const err = refusal(() =>
      parseFormTemplate({ ...t, signatures: [{ label: '申请人签名', valeu: 'x' }], sections: [{ type: 'list', label: '材料', items: 'things' }] }, 'x.json'),
    );
    expect(err.problems.join('\n')).toMatch(/signatures\[0\]: 不认识的字段：valeu/);
    expect(err.problems.join('\n')).toMatch(/sections\[0\]\.items: 取值 "things" 无效/);
  });

  it('an id that is not the file name, broken JSON, an empty folder', () => {
    expect(refusal(() => loadFormTemplates(folder({ 'other.json': shipped() }))).message).toMatch(/id: 应与文件名一致（"other"），实际为 "remote-registration"/);
    expect(refusal(() => loadFormTemplates(folder({ 'a.json': '{ "id": ' }))).message).toMatch(/a\.json 有误：\(整体\): 不是有效的 JSON/);
    expect(refusal(() => loadFormTemplates(folder({ 'README.md': '# forms' }))).message).toMatch(/目录中没有表单模板/);
    expect(refusal(() => loadFormTemplates(path.join(os.tmpdir(), 'no-such-forms-dir'))).message).toMatch(/无法读取表单模板目录（ENOENT）/);
  });

  it('a good edited copy loads (a province may change the text and rows)', () => {
    const t = shipped();
    (t.sections as unknown[]).push({ type: 'text', paragraphs: ['本省补充说明：{{office}}'] });
    const [loaded] = loadFormTemplates(folder({ 'remote-registration.json': t }));
    expect(loaded.sections.at(-1)).toEqual({ type: 'text', paragraphs: ['本省补充说明：{{office}}'] });
  });
});

describe('resources/forms/README.md', () => {
  it('documents every field and list a template may use', () => {
    const doc = fs.readFileSync(path.resolve('resources/forms/README.md'), 'utf8');
    for (const name of Object.keys(FORM_FIELDS)) expect(doc).toContain(`\`{{${name}}}\``);
    for (const name of Object.keys(FORM_LISTS)) expect(doc).toContain(`| \`${name}\` |`);
  });
});
