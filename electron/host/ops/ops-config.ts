/**
 * The operations part of config.json: the log files (`logging`) and updates from an internal server
 * (`updates`, off by default). Kept apart from config.ts so the packaging/operations settings have one home;
 * config.ts only names them.
 */
import { z } from 'zod';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const LoggingConfig = z
  .object({
    /** The lowest level written to <data>/logs/; the console keeps info, warn and error as before. */
    level: z.enum(LOG_LEVELS, { message: `logging.level 应为 ${LOG_LEVELS.join(' / ')}` }).default('info'),
    /** One log file's size before it is rotated (counter.log → counter.log.1 …). */
    maxFileMB: z.number({ message: 'logging.maxFileMB 应为数字' }).int('logging.maxFileMB 应为整数').min(1, 'logging.maxFileMB 应在 1–100 之间').max(100, 'logging.maxFileMB 应在 1–100 之间').default(5),
    /** Rotated files kept besides the current one. */
    files: z.number({ message: 'logging.files 应为数字' }).int('logging.files 应为整数').min(1, 'logging.files 应在 1–50 之间').max(50, 'logging.files 应在 1–50 之间').default(5),
  })
  .strict();
export type LoggingConfig = z.infer<typeof LoggingConfig>;

const PEM_PUBLIC_KEY = /^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END PUBLIC KEY-----\s*$/;

export const UpdatesConfig = z
  .object({
    /** Off by default: a counter machine updates only when its administrator turns this on. */
    enabled: z.boolean().default(false),
    /** The internal update server's folder holding latest.yml / latest-linux.yml and the installers. */
    url: z
      .string()
      .url('updates.url 应为更新服务器地址，例如 https://updates.example.internal/counter/')
      .refine((u) => /^https?:\/\//.test(u), 'updates.url 应以 https:// 或 http:// 开头')
      .refine((u) => !/^https?:\/\/[^/]*@/.test(u), 'updates.url 不应包含用户名或密码')
      .optional(),
    /**
     * The Ed25519 public key (PEM) whose private half signs every installer (<installer>.sig beside it).
     * A downloaded update whose signature does not verify is never installed.
     */
    publicKey: z.string().regex(PEM_PUBLIC_KEY, 'updates.publicKey 应为 PEM 格式的公钥 (-----BEGIN PUBLIC KEY-----)').optional(),
    /** How often to look for an update while the app runs. */
    checkIntervalHours: z.number().int().min(1, 'updates.checkIntervalHours 应在 1–168 之间').max(168, 'updates.checkIntervalHours 应在 1–168 之间').default(6),
  })
  .strict()
  .superRefine((u, ctx) => {
    if (!u.enabled) return;
    if (!u.url) ctx.addIssue({ code: 'custom', path: ['url'], message: '启用自动更新时须填写 updates.url（内部更新服务器地址）' });
    if (!u.publicKey) ctx.addIssue({ code: 'custom', path: ['publicKey'], message: '启用自动更新时须填写 updates.publicKey（安装包签名公钥），否则无法校验更新' });
  });
export type UpdatesConfig = z.infer<typeof UpdatesConfig>;
