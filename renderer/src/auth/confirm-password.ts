/** A new password typed twice: the contract's schema for the form plus a 确认密码 field that must match `key`. */
import { z } from 'zod';

export function withConfirmation<T extends z.ZodRawShape>(schema: z.ZodObject<T>, key: keyof T & string) {
  return schema
    .extend({ confirm: z.string().min(1, '请再次输入密码') })
    .refine((v) => (v as Record<string, unknown>).confirm === (v as Record<string, unknown>)[key], { path: ['confirm'], message: '两次输入的密码不一致' });
}
