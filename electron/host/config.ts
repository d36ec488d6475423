/**
 * Workstation configuration: <dataDir>/config.json, validated by zod, created with defaults on first start.
 * The defaults use the built-in simulators, so a fresh machine has a working desk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const SerialDevice = z.object({ mode: z.literal('serial'), path: z.string().min(1), baudRate: z.number().int().positive().default(115200) });
const HidDevice = z.object({ mode: z.literal('hid'), vendorId: z.number().int(), productId: z.number().int(), path: z.string().optional() });
const Simulated = z.object({ mode: z.literal('simulator') });
const Off = z.object({ mode: z.literal('off') });
/** The provincial 社保卡 reader library, run out of process: the driver's command line (社保卡读卡器 only). */
const LibraryDevice = z.object({
  mode: z.literal('library'),
  command: z.array(z.string().min(1)).min(1),
  timeoutMs: z.number().int().min(1000).max(120_000).optional(),
});
export const DeviceConfig = z.discriminatedUnion('mode', [SerialDevice, HidDevice, Simulated, Off, LibraryDevice]);
export type DeviceConfig = z.infer<typeof DeviceConfig>;

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
    site: z
      .object({ regionCode: z.string().regex(/^\d{6}$/).default('990100'), windowCode: z.string().regex(/^\d{3}$/).default('001') })
      .prefault({}),
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
    platform: z
      .object({ profile: z.string().default('demo'), url: z.string().url().optional(), simulator: z.boolean().default(true) })
      .prefault({}),
    web: z.object({ port: z.number().int().min(0).max(65535).default(5780) }).prefault({}),
    /** Sign-in rules: idle auto-lock and the lockout after repeated wrong passwords (all on the app clock). */
    security: z
      .object({
        /** Minutes without activity before a session locks itself; 0 = never. */
        idleLockMinutes: z.number().int().min(0).max(24 * 60).default(10),
        /** Wrong passwords in a row that lock an operator out. */
        maxFailedSignIns: z.number().int().min(1).max(100).default(5),
        /** How long such a lockout lasts. */
        lockoutMinutes: z.number().int().min(1).max(24 * 60).default(15),
      })
      .prefault({}),
    /** The reimbursement policy file; default: the shipped sample policy (resources/policy/demo-2026.json). */
    policy: z.object({ file: z.string().min(1).optional() }).prefault({}),
  })
  .strict();
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

/** Read config.json (writing the defaults when absent); a broken file is an error, never silently replaced. */
export function loadConfig(dataDir: string): AppConfig {
  const file = configPath(dataDir);
  if (!fs.existsSync(file)) {
    const defaults = AppConfig.parse({});
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(defaults, null, 2) + '\n');
    return defaults;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`配置文件 ${file} 不是合法的 JSON: ${(err as Error).message}`);
  }
  const parsed = AppConfig.safeParse(raw);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`配置文件 ${file} 有误 — ${detail}`);
  }
  return parsed.data;
}

export function saveConfig(dataDir: string, config: AppConfig): void {
  const file = configPath(dataDir);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(AppConfig.parse(config), null, 2) + '\n');
  fs.renameSync(tmp, file);
}
