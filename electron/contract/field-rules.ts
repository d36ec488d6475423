/**
 * Field rules shared by every way a case comes in: the desk's forms (contract cases.accept, and the renderer's
 * forms through the same schemas), the platform payloads the desk builds, and `counter import` files. One set,
 * so a file can never bring in what the desk would refuse:
 * - text is NFKC-normalised and trimmed, then capped in length;
 * - control and format characters (Unicode Cc and Cf: NUL, line breaks, U+200B zero-width space, U+FEFF,
 *   bidi overrides …) are refused — they are invisible on screen and on paper, yet make two equal-looking
 *   values differ (the same 特门 business twice) or reorder what the clerk reads;
 * - dates are real calendar dates (no 2026-02-30);
 * - a 人员编号 is letters and digits only.
 * Pure zod, no Node imports: the renderer uses it too.
 */
import { z } from 'zod';
import { normalizeCode, normalizePhone } from '../../shared/normalize';

const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

export const hasInvisibleChars = (s: string): boolean => INVISIBLE.test(s);

const invisibleMessage = (label: string) => `${label}含有不可见的控制字符或格式字符（如零宽空格、换行），请删除后重新填写`;

/** yyyy-MM-dd naming a day that exists. */
export const isRealDate = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

/** Normalised, trimmed text of at most max characters, with no control or format characters; may be empty. */
export const cleanText = (label: string, max: number, required = `${label}必须是文字`) =>
  z
    .string({ error: required })
    .normalize('NFKC')
    .trim()
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !hasInvisibleChars(s), invisibleMessage(label));

/** As cleanText, and not empty. */
export const requiredText = (label: string, max: number, emptyMessage = `请填写${label}`) =>
  z
    .string({ error: emptyMessage })
    .normalize('NFKC')
    .trim()
    .min(1, emptyMessage)
    .max(max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !hasInvisibleChars(s), invisibleMessage(label));

/** A real calendar date, yyyy-MM-dd (payloads and files; the field's path names it). */
export const isoDate = z
  .string({ error: '日期必须是文字' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 yyyy-MM-dd', abort: true })
  .refine(isRealDate, '不是真实存在的日期');

/** A real calendar date or empty. */
export const isoDateOrEmpty = z
  .string({ error: '日期必须是文字' })
  .refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), { message: '日期格式应为 yyyy-MM-dd 或留空', abort: true })
  .refine((s) => s === '' || isRealDate(s), '不是真实存在的日期');

/** 人员编号 as the platform issues it (1101): letters and digits. */
export const psnNoField = z
  .string({ error: '请填写人员编号' })
  .normalize('NFKC')
  .trim()
  .min(1, { message: '人员编号不能为空', abort: true })
  .regex(/^[0-9A-Za-z]{1,40}$/, '人员编号应为 1–40 位数字或字母（不能含空格或不可见字符）');

/** 6-digit administrative division code (GB/T 2260). */
export const admdvsField = (label: string) => z.string({ error: `请填写${label}` }).trim().regex(/^\d{6}$/, `${label}应为 6 位行政区划代码`);

/** 11-digit mobile or a fixed line with its area code. */
export const phoneField = z
  .string({ error: '请填写联系电话' })
  // 138-0013-8000, full-width digits, +86 … are written the one way the platform expects.
  .overwrite(normalizePhone)
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为 11 位手机号或带区号的固定电话');

/** 票据代码 / 票据号码. */
export const invoiceCodeField = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .overwrite(normalizeCode)
    .regex(/^[0-9A-Za-z]{4,20}$/, `${label}应为 4–20 位数字或字母`);

/** A code the clerk types (机构编码, 医师编码): NFKC, no spaces, upper-case; required unless `required` is false. */
export const codeText = (label: string, max: number, required = true) =>
  z
    .string({ error: `请填写${label}` })
    .overwrite(normalizeCode)
    .refine((s) => !required || s.length > 0, `请填写${label}`)
    .refine((s) => s.length <= max, `${label}不能超过 ${max} 个字`)
    .refine((s) => !hasInvisibleChars(s), invisibleMessage(label));

/** The largest amount a form can carry: 9,999,999,999.99 元. */
export const MAX_FEN = 999_999_999_999;

/** Integer 分, 0 … MAX_FEN. */
export const fenField = (label: string) =>
  z
    .number({ error: `${label}必须是整数分` })
    .int(`${label}必须是整数分`)
    .nonnegative(`${label}不能为负数`)
    .max(MAX_FEN, `${label}超出上限`);

/** Field caps, shared by the desk's forms and the payloads built from them (a payload can hold any form value). */
export const CAPS = {
  insutype: 10,
  diseaseCode: 20,
  diseaseName: 100,
  hospitalCode: 30,
  hospitalName: 100,
  doctorCode: 30,
  doctorName: 30,
  addr: 200,
  memo: 200,
  itemName: 100,
} as const;
