/**
 * Installed provincial 社保卡 reader-library drivers. The renderer must never be able to choose what the
 * workstation runs, so a driver's command line lives only in a file an administrator installs and the app
 * only reads (default `/etc/counter-workstation/sscard-drivers.json`, on Windows
 * `%ProgramData%\counter-workstation\sscard-drivers.json`; env COUNTER_DRIVERS_FILE overrides it for tests):
 *
 *   { "drivers": [ { "id": "gd-2026", "name": "广东省社保卡读卡库", "executable": "C:\\sscard\\driver.exe",
 *                    "args": ["--port", "USB1"] } ] }
 *
 * config.json and the contract carry only a driver id. An entry is refused (and reported in Chinese) when its
 * executable is not an absolute path, or — where POSIX modes can be checked — when the drivers file, its
 * folder or the executable can be changed by someone other than its owner (root or the workstation's user).
 * The built-in simulated driver is always listed as id `simulated` when its script ships with the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const SIMULATED_DRIVER_ID = 'simulated';

export interface InstalledDriver {
  id: string;
  name: string;
  /** Program and arguments to spawn. */
  command: string[];
  builtIn: boolean;
  /** Extra environment for the driver (the simulated driver under Electron needs ELECTRON_RUN_AS_NODE). */
  env?: NodeJS.ProcessEnv;
}

export interface DriverListing {
  /** Where the administrator's drivers file is looked for. */
  file: string;
  drivers: InstalledDriver[];
  /** Chinese notes on a missing/broken file or refused entries. */
  problems: string[];
}

const DriverEntry = z
  .object({
    id: z
      .string({ message: '缺少驱动编号 id' })
      .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, '驱动编号 id 应为 1–40 位小写字母、数字、点、下划线或连字符')
      .refine((id) => id !== SIMULATED_DRIVER_ID, `驱动编号 ${SIMULATED_DRIVER_ID} 保留给内置模拟读卡库`),
    name: z.string({ message: '缺少驱动名称 name' }).trim().min(1, '驱动名称 name 不能为空').max(50, '驱动名称 name 过长'),
    executable: z.string({ message: '缺少可执行文件 executable' }).min(1, '可执行文件 executable 不能为空').max(1000, '可执行文件路径过长'),
    args: z.array(z.string().max(1000, '参数过长'), { message: 'args 应为字符串数组' }).max(64, '参数过多').default([]),
  })
  .strict();

const DriversFile = z.object({ drivers: z.array(z.unknown(), { message: 'drivers 应为数组' }).max(100, '驱动过多') }).strict();

export function driversFilePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.COUNTER_DRIVERS_FILE) return env.COUNTER_DRIVERS_FILE;
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'counter-workstation', 'sscard-drivers.json');
  return '/etc/counter-workstation/sscard-drivers.json';
}

const SIMULATED_SCRIPT = path.resolve(__dirname, '../../../native/simulators/sscard-library-driver.ts');

/** The built-in simulated driver (sample card 1), when its script ships (development, tests, browser mode). */
export function simulatedDriver(): InstalledDriver | null {
  if (!fs.existsSync(SIMULATED_SCRIPT)) return null;
  return {
    id: SIMULATED_DRIVER_ID,
    name: '内置模拟读卡库（演示用）',
    command: [process.execPath, '--import', 'tsx', SIMULATED_SCRIPT, '--card', '1'],
    builtIn: true,
    ...(process.versions.electron ? { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } } : {}),
  };
}

const isAbsolute = (p: string, platform: NodeJS.Platform) => (platform === 'win32' ? path.win32.isAbsolute(p) && /^([a-zA-Z]:\\|\\\\)/.test(p) : path.posix.isAbsolute(p));

/** Why a file (or folder) could be changed by someone else, or null. POSIX only: Windows ACLs are not read here. */
function writableByOthers(file: string, what: string): string | null {
  if (process.platform === 'win32') return null;
  const st = fs.statSync(file);
  const uid = process.getuid?.();
  if (st.uid !== 0 && st.uid !== uid) return `${what} ${file} 的所有者既不是 root 也不是当前用户`;
  const sticky = st.isDirectory() && (st.mode & 0o1000) !== 0;
  if (!sticky && (st.mode & 0o022) !== 0) return `${what} ${file} 可被其他用户修改（权限 ${(st.mode & 0o777).toString(8)}）`;
  return null;
}

/** Reads the administrator's drivers file; never throws (a broken file lists only the built-in driver). */
export function listInstalledDrivers(opts: { file?: string; platform?: NodeJS.Platform; includeSimulated?: boolean } = {}): DriverListing {
  const file = opts.file ?? driversFilePath();
  const platform = opts.platform ?? process.platform;
  const problems: string[] = [];
  const drivers: InstalledDriver[] = [];
  const builtIn = opts.includeSimulated === false ? null : simulatedDriver();
  if (builtIn) drivers.push(builtIn);
  if (!fs.existsSync(file)) return { file, drivers, problems };

  let raw: unknown;
  try {
    const unsafe = writableByOthers(file, '驱动清单文件') ?? writableByOthers(path.dirname(file), '驱动清单所在文件夹');
    if (unsafe) return { file, drivers, problems: [`${unsafe}，已忽略其中的驱动；请管理员改为仅管理员可写`] };
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { file, drivers, problems: [`驱动清单文件 ${file} 无法读取或不是合法的 JSON：${(err as Error).message}`] };
  }
  const top = DriversFile.safeParse(raw);
  if (!top.success) return { file, drivers, problems: [`驱动清单文件 ${file} 格式有误：${top.error.issues.map((i) => i.message).join('；')}`] };

  top.data.drivers.forEach((item, index) => {
    const parsed = DriverEntry.safeParse(item);
    const where = `驱动清单第 ${index + 1} 项`;
    if (!parsed.success) return problems.push(`${where}有误：${parsed.error.issues.map((i) => `${i.path.join('.') || '项'}: ${i.message}`).join('；')}`);
    const d = parsed.data;
    if (drivers.some((x) => x.id === d.id)) return problems.push(`${where}的编号 ${d.id} 重复，已忽略`);
    if (!isAbsolute(d.executable, platform)) return problems.push(`${where}（${d.id}）的可执行文件必须是绝对路径：${d.executable}`);
    try {
      const unsafe = writableByOthers(d.executable, '读卡驱动程序');
      if (unsafe) return problems.push(`${where}（${d.id}）已拒绝：${unsafe}`);
    } catch {
      // A driver not (yet) present is listed; starting it reports the missing file.
    }
    drivers.push({ id: d.id, name: d.name, command: [d.executable, ...d.args], builtIn: false });
  });
  return { file, drivers, problems };
}

/** How an administrator installs a driver; shown when none is installed and in refusals. */
export function installHint(file: string): string {
  return `请管理员在 ${file} 中登记读卡驱动（{"drivers":[{"id":"编号","name":"名称","executable":"驱动程序的绝对路径","args":[]}]}），该文件应仅管理员可写`;
}

/** The installed driver with this id, or an Error whose Chinese message says how to install it. */
export function findInstalledDriver(id: string, file?: string): InstalledDriver {
  const listing = listInstalledDrivers({ file });
  const found = listing.drivers.find((d) => d.id === id);
  if (found) return found;
  const why = listing.problems.length ? `（${listing.problems.join('；')}）` : '';
  throw new DriverNotInstalledError(`读卡驱动“${id}”未安装${why}。${installHint(listing.file)}`);
}

export class DriverNotInstalledError extends Error {
  readonly code = 'driver-not-installed';
  constructor(message: string) {
    super(message);
    this.name = 'DriverNotInstalledError';
  }
}
