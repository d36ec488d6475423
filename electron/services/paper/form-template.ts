/**
 * The signed forms as data: one JSON file per form in resources/forms/ (a province edits or replaces them),
 * validated at load with zod. A bad file is refused with its name and the offending field's path, e.g.
 * `resources/forms/remote-registration.json: sections[1].rows[0].value: 未知字段 {{fooBar}}`, so the
 * workstation never prints a form with a silent blank where the province meant a value.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CASE_KIND_NAMES, type CaseKindName } from '../../contract/vocabulary/case-kinds';
import { chineseIssueMessage, formatIssues } from '../policy/zod-messages';
import { FORM_LISTS, isFormField, placeholdersIn } from './form-fields';

export class FormTemplateError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`表单模板 ${file} 有误：${problems.join('；')}`);
    this.name = 'FormTemplateError';
  }
}

const CASE_KINDS = Object.keys(CASE_KIND_NAMES) as [CaseKindName, ...CaseKindName[]];

/** Text that may hold {{field}} placeholders: every name must be a known field. */
const filled = (max = 400) =>
  z
    .string()
    .max(max)
    .superRefine((s, ctx) => {
      for (const name of placeholdersIn(s)) {
        if (!isFormField(name)) ctx.addIssue({ code: 'custom', message: `未知字段 {{${name}}}（可用字段见 resources/forms/README.md）` });
      }
    });
const label = z.string().trim().min(1).max(40);

const FieldsSection = z
  .object({ type: z.literal('fields'), heading: label.optional(), rows: z.array(z.object({ label, value: filled() }).strict()).min(1).max(40) })
  .strict();
const ListSection = z
  .object({
    type: z.literal('list'),
    heading: label.optional(),
    label,
    items: z.enum(Object.keys(FORM_LISTS) as [keyof typeof FORM_LISTS, ...Array<keyof typeof FORM_LISTS>]),
    empty: z.string().max(40).default('（无）'),
  })
  .strict();
const TextSection = z.object({ type: z.literal('text'), heading: label.optional(), paragraphs: z.array(filled(1000)).min(1).max(20) }).strict();
const SettlementSection = z.object({ type: z.literal('settlement'), heading: label.optional() }).strict();

export const FormTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/, 'id 只能由小写字母、数字和连字符组成'),
    title: z.string().trim().min(1).max(40),
    subtitle: filled(120).optional(),
    /** Which cases the form is printed for: their kinds, and whether only for 承诺制 or 容缺 ones. */
    appliesTo: z
      .object({ kinds: z.array(z.enum(CASE_KINDS)).min(1), when: z.enum(['always', 'promise', 'pending']).default('always') })
      .strict(),
    /** Place in the list of forms of a case (lower first). */
    order: z.number().int().min(0).max(999).default(100),
    sections: z.array(z.discriminatedUnion('type', [FieldsSection, ListSection, TextSection, SettlementSection])).min(1).max(20),
    /** The signature lines, e.g. 申请人签名 / 日期 / 经办人; `value` pre-fills one (e.g. the clerk's name). */
    signatures: z.array(z.object({ label, value: filled(80).optional() }).strict()).min(1).max(6),
    note: filled(400).optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    t.sections.forEach((s, i) => {
      if (s.type === 'settlement' && t.appliesTo.kinds.some((k) => k !== 'reimbursement')) {
        ctx.addIssue({ code: 'custom', path: ['sections', i], message: '结算明细只能用于零星报销（appliesTo.kinds 只能是 reimbursement）' });
      }
    });
    if (t.appliesTo.when === 'promise' && t.appliesTo.kinds.some((k) => k !== 'remote-registration')) {
      ctx.addIssue({ code: 'custom', path: ['appliesTo', 'when'], message: '承诺制（promise）只用于异地就医备案' });
    }
  });
export type FormTemplate = z.output<typeof FormTemplateSchema>;

/** Validate one template's JSON; `file` names it in the error. */
export function parseFormTemplate(json: unknown, file: string): FormTemplate {
  const parsed = FormTemplateSchema.safeParse(json, { error: chineseIssueMessage });
  if (!parsed.success) throw new FormTemplateError(file, formatIssues(parsed.error.issues));
  return parsed.data;
}

/** Where the shipped templates lie. */
export function formsDir(resourcesRoot = path.resolve(__dirname, '../../..')): string {
  return path.join(resourcesRoot, 'resources', 'forms');
}

/**
 * Every *.json in dir, validated; ids unique and equal to the file name (remote-registration.json holds the
 * form "remote-registration"), sorted by order. Throws FormTemplateError on the first bad file.
 */
export function loadFormTemplates(dir = formsDir()): FormTemplate[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    throw new FormTemplateError(dir, [`无法读取表单模板目录（${(err as NodeJS.ErrnoException).code ?? (err as Error).message}）`]);
  }
  if (names.length === 0) throw new FormTemplateError(dir, ['目录中没有表单模板（*.json）']);
  const out: FormTemplate[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new FormTemplateError(file, [`(整体): 不是有效的 JSON（${(err as Error).message}）`]);
    }
    const t = parseFormTemplate(json, file);
    const stem = name.slice(0, -'.json'.length);
    if (t.id !== stem) throw new FormTemplateError(file, [`id: 应与文件名一致（"${stem}"），实际为 "${t.id}"`]);
    out.push(t);
  }
  return out.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
