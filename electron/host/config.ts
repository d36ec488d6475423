/**
 * Workstation configuration: <dataDir>/config.json, validated by zod, created with defaults on first start.
 * The defaults use the built-in simulators, so a fresh machine has a working desk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic, type AtomicFs } from '../services/store/atomic-write';
import { DeviceConfig } from '../services/devices/device-config';
import { DeskProfile, HOSPITAL_PROFILE_NEEDS_CODE, PlatformSettings, PrivacySettings, SecuritySettings, SiteSettings } from '../contract/features/settings';
import { LoggingConfig, UpdatesConfig } from './ops/ops-config';

/** One device's entry in config.json; its schema lives with the device ports so the services may name it. */
export { DeviceConfig };

/** config.json of an older version kept the driver's command line; it is refused, never run (see loadConfig). */
export const LEGACY_COMMAND_REFUSED =
  '社保卡读卡器的“读卡库”配置仍是旧版的驱动命令行（command）。出于安全考虑，新版本不再运行配置文件中的命令行：请管理员在读卡驱动清单文件中登记该驱动，' +
  '再在“设备”页的“配置”中选择它（或把 devices.ssCardReader 改为 {"mode":"library","driver":"驱动编号"}，或改为 {"mode":"simulator"}）';

export const LIBRARY_ONLY_SSCARD = '“读卡库”连接方式只用于社保卡读卡器';

export const AppConfig = z
  .object({
    operator: z
      .object({
        code: z.string().min(1).default('op001'),
        name: z.string().min(1).default('柜员一'),
        /** 1 = clerk at a counter, 2 = self-service kiosk (envelope opter_type). */
        type: z.union([z.literal(1), z.literal(2)]).default(1),
      })
      .prefault({}),
    site: SiteSettings.prefault({}),
    devices: z
      .object({
        idReader: DeviceConfig.default({ mode: 'simulator' }),
        ssCardReader: DeviceConfig.default({ mode: 'simulator' }),
        scanner: DeviceConfig.default({ mode: 'simulator' }),
        printer: DeviceConfig.default({ mode: 'simulator' }),
      })
      .superRefine((devices, ctx) => {
        for (const key of ['idReader', 'scanner', 'printer'] as const) {
          if (devices[key].mode === 'library') ctx.addIssue({ code: 'custom', path: [key, 'mode'], message: LIBRARY_ONLY_SSCARD });
        }
      })
      .prefault({}),
    platform: PlatformSettings.prefault({}),
    web: z.object({ port: z.number().int().min(0).max(65535).default(5780) }).prefault({}),
    /** Sign-in rules: idle auto-lock and the lockout after repeated wrong passwords (all on the app clock). */
    security: SecuritySettings.prefault({}),
    /** The reimbursement policy file; default: the shipped sample policy (resources/policy/demo-2026.json). */
    policy: z.object({ file: z.string().min(1).optional() }).prefault({}),
    /** The signed forms' templates (one JSON per form); default: the shipped resources/forms (a province points to its own). */
    paper: z.object({ formsDir: z.string().min(1).optional() }).prefault({}),
    /**
     * The office's time commitments, in working days (法定节假日 and 调休 from resources/holidays plus the data
     * directory's local additions): how long a 容缺受理 applicant has to bring the missing materials, and the
     * completion date printed on each 受理回执 per service. Absent: the sample values (services/cases/service-rules.ts).
     */
    cases: z
      .object({
        promiseWorkingDays: z.number().int().min(1, 'cases.promiseWorkingDays 应为 1–60 个工作日').max(60, 'cases.promiseWorkingDays 应为 1–60 个工作日').optional(),
        committedWorkingDays: z
          .object({
            'special-disease': z.number().int().min(0).max(90).optional(),
            'remote-registration': z.number().int().min(0).max(90).optional(),
            reimbursement: z.number().int().min(0).max(90).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .prefault({}),
    /**
     * How long personal data kept only for convenience stays on this machine: the platform person cache
     * (offline lookups) and saved receipt/notice PDFs and attachments under the data directory. Purged at
     * start and daily. Case records themselves are business records and are not purged here.
     */
    privacy: PrivacySettings.strict().prefault({}),
    /** Log files under <data>/logs/ (ops/ops-config.ts). */
    logging: LoggingConfig.prefault({}),
    /** Updates from an internal server, off by default (ops/ops-config.ts, electron/main/updates.ts). */
    updates: UpdatesConfig.prefault({}),
    /**
     * What this machine is: a hall counter (default), a hospital's 医保办 desk (its own hospital and doctors as
     * the forms' defaults, so site.hospitalCode is required) or a self-service kiosk. A kiosk opens its window
     * fullscreen and locked (electron/main/security/window-options.ts); its account has the kiosk role.
     */
    profile: DeskProfile.default('counter'),
    /** The kiosk's citizen session: wiped after idleSeconds without a touch, the last warnSeconds counted down. */
    kiosk: z
      .object({
        idleSeconds: z.number().int('kiosk.idleSeconds 应为整数秒').min(5, 'kiosk.idleSeconds 应在 5–600 秒之间').max(600, 'kiosk.idleSeconds 应在 5–600 秒之间').default(60),
        warnSeconds: z.number().int('kiosk.warnSeconds 应为整数秒').min(0, 'kiosk.warnSeconds 应在 0–60 秒之间').max(60, 'kiosk.warnSeconds 应在 0–60 秒之间').default(10),
      })
      .strict()
      .prefault({}),
    /** Materials capture: the flatbed scanner's output folder (its software saves each scan there); null: none. */
    materials: z.object({ scannerFolder: z.string().min(1).nullable().default(null) }).strict().prefault({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    // A hospital desk without its hospital would fill every form with blanks the clerk must notice: refused.
    if (c.profile === 'hospital' && !c.site.hospitalCode) ctx.addIssue({ code: 'custom', path: ['site', 'hospitalCode'], message: HOSPITAL_PROFILE_NEEDS_CODE });
  });
export type AppConfig = z.infer<typeof AppConfig>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function configPath(dataDir: string): string {
  return path.join(dataDir, 'config.json');
}

function configText(config: AppConfig): string {
  return JSON.stringify(config, null, 2) + '\n';
}

/**
 * Older versions wrote the defaults with a plain writeFileSync, so a full disk or a crash at first start
 * left config.json empty or cut short, and every later start failed on it. Such a file can only be a torn
 * first write — it is empty, or a strict prefix of the defaults the program writes — so it holds no
 * setting of anyone's and is replaced by the defaults. Any other unparsable file may be a hand edit and is
 * still refused with its error, never silently replaced.
 */
function isTornDefaultsWrite(text: string, defaults: AppConfig): boolean {
  if (text.trim() === '') return true;
  const full = configText(defaults);
  return text.length < full.length && full.startsWith(text);
}

/** Read config.json (writing the defaults when absent); a broken file is an error, never silently replaced. */
export function loadConfig(dataDir: string, opts: { fs?: AtomicFs } = {}): AppConfig {
  const file = configPath(dataDir);
  const defaults = AppConfig.parse({});
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (text === undefined || isTornDefaultsWrite(text, defaults)) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileAtomic(file, configText(defaults), { what: `写入配置文件 ${file}`, fs: opts.fs });
    return defaults;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`配置文件 ${file} 不是合法的 JSON: ${(err as Error).message}`);
  }
  if (hasLegacyDriverCommand(raw)) throw new ConfigError(`配置文件 ${file} 有误 — devices.ssCardReader: ${LEGACY_COMMAND_REFUSED}`);
  const parsed = AppConfig.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`配置文件 ${file} 有误 — ${detail}`);
  }
  return parsed.data;
}

function hasLegacyDriverCommand(raw: unknown): boolean {
  const devices = (raw as { devices?: Record<string, unknown> } | null)?.devices;
  if (!devices || typeof devices !== 'object') return false;
  return Object.values(devices).some((d) => typeof d === 'object' && d !== null && 'command' in d);
}

export function saveConfig(dataDir: string, config: AppConfig): void {
  const file = configPath(dataDir);
  writeFileAtomic(file, configText(AppConfig.parse(config)), { what: `写入配置文件 ${file}` });
  // The temp name older versions used; a crash could leave it behind.
  fs.rmSync(`${file}.tmp`, { force: true });
}

/**
 * Replace one top-level section of config.json as it is on disk — never from the running copy, so saving the
 * devices does not undo a settings change that waits for a restart, and vice versa. Validated whole.
 */
export function saveConfigSection<K extends keyof AppConfig>(dataDir: string, key: K, value: AppConfig[K]): AppConfig {
  const next = { ...loadConfig(dataDir), [key]: value } as AppConfig;
  saveConfig(dataDir, next);
  return next;
}
