/**
 * 设置 (系统管理员): the workstation's settings an administrator may change from the screen — the site (区划,
 * 窗口号 = the 办件编号 prefix, the desk's own hospital), the desk profile (counter, hospital 医保办, kiosk), the
 * provincial platform (profile, address, simulator), sign-in security, the signed forms' templates folder and retention. Each section's schema is the one config.json is read with
 * (electron/host/config.ts), so the screen cannot save what the next start would refuse. Devices and operators
 * have their own pages. Every change is written to config.json atomically, audited with its full new value,
 * and takes effect at the next start.
 */
import { z } from 'zod';
import { method } from '../spec';

const int = (label: string, min: number, max: number, unit: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .min(min, `${label}应在 ${min}–${max} ${unit}之间`)
    .max(max, `${label}应在 ${min}–${max} ${unit}之间`);

export const SiteSettings = z.object({
  regionCode: z.string().regex(/^\d{6}$/, '经办机构区划应为 6 位数字区划代码').default('990100'),
  windowCode: z.string().regex(/^\d{3}$/, '窗口号应为 3 位数字（办件编号的第 7–9 位）').default('001'),
  /** A desk inside a hospital: its 定点医疗机构编码, the default hospital of its forms (resources/catalogues/hospitals.json). */
  hospitalCode: z
    .string()
    .regex(/^[A-Z0-9]{1,30}$/, '医院编码应为定点医疗机构编码（大写字母和数字，例如 H99010100001）')
    .optional(),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

export const PlatformSettings = z.object({
  profile: z.string().regex(/^[a-z0-9-]+$/, '省份配置名称只能包含小写字母、数字和连字符').default('demo'),
  url: z.string().url('平台地址应为完整的网址，例如 https://hsa.example.gov.cn/fsi/api/callService').optional(),
  simulator: z.boolean().default(true),
});
export type PlatformSettings = z.infer<typeof PlatformSettings>;

/** Sign-in rules: idle auto-lock and the lockout after repeated wrong passwords (all on the app clock). */
export const SecuritySettings = z.object({
  /** Minutes without activity before a session locks itself; 0 = never. */
  idleLockMinutes: int('自动锁定时间', 0, 24 * 60, '分钟').default(10),
  /** Wrong passwords in a row that lock an operator out. */
  maxFailedSignIns: int('允许连续输错密码次数', 1, 100, '次').default(5),
  /** How long such a lockout lasts. */
  lockoutMinutes: int('锁定时长', 1, 24 * 60, '分钟').default(15),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const PrivacySettings = z.object({
  retentionDays: int('个人数据保留天数', 1, 3650, '天').default(30),
});
export type PrivacySettings = z.infer<typeof PrivacySettings>;

/**
 * What this machine is (config.json `profile`): a hall counter; a hospital's 医保办 desk (特门 and 异地转诊 first,
 * its own hospital and doctors as the forms' defaults; needs site.hospitalCode); or a self-service kiosk.
 */
export const DESK_PROFILES = ['counter', 'hospital', 'kiosk'] as const;
export const DeskProfile = z.enum(DESK_PROFILES, { message: 'profile 应为 counter（政务大厅柜台）、hospital（医院医保办）或 kiosk（自助终端）' });
export type DeskProfile = z.infer<typeof DeskProfile>;
export const DESK_PROFILE_NAMES: Record<DeskProfile, string> = { counter: '政务大厅柜台', hospital: '医院医保办', kiosk: '自助终端' };
export const HOSPITAL_PROFILE_NEEDS_CODE = '医院医保办（profile 为 hospital）须先在“站点”中填写本院定点医疗机构编码（site.hospitalCode）';

/** The signed forms' templates: a folder of *.json (absent: the shipped resources/forms). */
export const PaperSettings = z.object({
  formsDir: z
    .string()
    .trim()
    .min(1, '请填写表单模板目录')
    .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, '表单模板目录应为完整路径（例如 /opt/forms 或 D:\\forms）')
    .optional(),
});
export type PaperSettings = z.infer<typeof PaperSettings>;

export const SETTINGS_SECTIONS = ['site', 'platform', 'security', 'privacy', 'profile', 'paper'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export const SettingsUpdate = z.discriminatedUnion('section', [
  z.object({ section: z.literal('site'), value: SiteSettings.strict() }).strict(),
  z.object({ section: z.literal('platform'), value: PlatformSettings.strict() }).strict(),
  z.object({ section: z.literal('security'), value: SecuritySettings.strict() }).strict(),
  z.object({ section: z.literal('privacy'), value: PrivacySettings.strict() }).strict(),
  z.object({ section: z.literal('profile'), value: DeskProfile }).strict(),
  z.object({ section: z.literal('paper'), value: PaperSettings.strict() }).strict(),
]);
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;

const Sections = z.object({
  site: SiteSettings,
  platform: PlatformSettings,
  security: SecuritySettings,
  privacy: PrivacySettings,
  profile: DeskProfile,
  // As config.json holds it (a hand-edited relative folder is shown, not refused).
  paper: z.object({ formsDir: z.string().optional() }),
});

/** The templates a folder holds, loaded as the next start would load them; `error` is the loader's refusal. */
const FormTemplates = z.object({
  dir: z.string(),
  shipped: z.boolean(),
  templates: z.array(z.object({ id: z.string(), title: z.string() })),
  error: z.string().nullable(),
});

export const settingsMethods = {
  'settings.get': method(
    z.object({}).strict(),
    z.object({
      /** What config.json holds now (the next start uses it). */
      saved: Sections,
      /** Sections whose saved value differs from what this run started with: a restart applies them. */
      pendingRestart: z.array(z.enum(SETTINGS_SECTIONS)),
      profiles: z.array(z.object({ id: z.string(), name: z.string() })),
      /** The templates in use now (this run's folder) and those the saved folder holds. */
      forms: z.object({ running: FormTemplates, saved: FormTemplates }),
      configFile: z.string(),
    }),
    'The settings an administrator may change, and which of them wait for a restart',
  ),
  'settings.update': method(
    SettingsUpdate,
    z.object({ section: z.enum(SETTINGS_SECTIONS), pendingRestart: z.boolean() }),
    'Validate and save one settings section to config.json (audited; applied at the next start)',
  ),
};
