/**
 * `counter diagnose`: a bundle for the support desk — versions (app, Node, Electron, native modules), the
 * devices present and configured, the upload queue and case counts, recent warnings and errors from the log,
 * crash records, the configuration without secrets, and what the data directory holds. No personal data:
 * nothing is read from the database but counts by state, the clerk's name and any credential in the
 * configuration are removed, home folders are written as ~, and every text passes the log's redaction once
 * more (the log was redacted when written; an older version's file may not have been).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { DEVICE_IDS, DEVICE_NAMES } from '../../contract/vocabulary/devices';
import { openAppDatabase } from '../../services/app-schema';
import { CONFIG_KEY } from '../../services/devices/ports';
import { queueCounts } from '../../services/outbox/queue-view';
import { APP_DATABASE_FILE } from '../../services/store/data-dir';
import { AppConfig, configPath, loadConfig } from '../config';
import { defaultDeviceFactories } from '../default-devices';
import { discoverDevices } from '../devices/discovery';
import { logText } from '../log';
import { packageInfo } from './app-version';
import { recentCrashRecords } from './crash-record';
import { logDir, readRecentLines } from './log-file';
import { tarBuffer, type TarEntry } from './tar';

/** The native modules the app loads (electron-builder.json rebuilds and unpacks the same three). */
export const NATIVE_MODULES = ['better-sqlite3-multiple-ciphers', 'node-hid', '@serialport/bindings-cpp'] as const;

export const BUNDLE_FOLDER = 'counter-diagnose';

export interface BundleFile {
  name: string;
  text: string;
}

/** Home folders carry the login name; the bundle says ~ instead. */
function hideHome(text: string): string {
  const home = os.homedir();
  return home.length > 1 ? text.split(home).join('~') : text;
}

const clean = (text: string) => logText(hideHome(text));
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const SECRET_KEY = /(password|passwd|secret|token|passphrase|privatekey|apikey|credential)/i;

function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    u.search = '';
    return u.toString();
  } catch {
    return '***';
  }
}

/** The configuration as support may see it: no clerk name, no credential, no password-like value. */
export function configWithoutSecrets(config: AppConfig): unknown {
  const walk = (value: unknown, key: string): unknown => {
    if (SECRET_KEY.test(key)) return '***';
    if (Array.isArray(value)) return value.map((v) => walk(v, ''));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return withoutCredentials(value);
    return value;
  };
  const out = walk(config, '') as { operator: { name: string } };
  out.operator.name = '***';
  return out;
}

interface NativeModuleInfo {
  module: string;
  version: string | null;
  loads: boolean;
  problem?: string;
}

function nativeModules(): NativeModuleInfo[] {
  const req = createRequire(__filename);
  return NATIVE_MODULES.map((module) => {
    let version: string | null = null;
    try {
      version = (req(`${module}/package.json`) as { version: string }).version;
    } catch {
      return { module, version, loads: false, problem: '未安装' };
    }
    try {
      req(module);
      return { module, version, loads: true };
    } catch (err) {
      return { module, version, loads: false, problem: clean((err as Error).message) };
    }
  });
}

function versions(): unknown {
  const pkg = packageInfo();
  return {
    app: pkg?.version ?? null,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    modules: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
    os: `${os.type()} ${os.release()}`,
    nativeModules: nativeModules(),
  };
}

interface ConfigState {
  config: AppConfig;
  source: 'file' | 'defaults' | 'broken';
  problem?: string;
}

/** Reads config.json without creating one (diagnose only looks). */
function readConfig(dataDir: string): ConfigState {
  if (!fs.existsSync(configPath(dataDir))) return { config: AppConfig.parse({}), source: 'defaults' };
  try {
    return { config: loadConfig(dataDir), source: 'file' };
  } catch (err) {
    return { config: AppConfig.parse({}), source: 'broken', problem: clean((err as Error).message) };
  }
}

interface StoreState {
  database: 'absent' | 'opened' | 'unreadable';
  problem?: string;
  schemaVersion?: number;
  queue?: Record<string, number>;
  cases?: { byKind: Record<string, number>; byState: Record<string, number>; total: number };
  auditRows?: number;
  printJobs?: Record<string, number>;
}

function countBy(db: ReturnType<typeof openAppDatabase>, sql: string): Record<string, number> {
  return Object.fromEntries((db.prepare(sql).all() as Array<{ k: string; n: number }>).map((r) => [r.k, r.n]));
}

/** Counts only: which states the queue and the cases are in, never a row's content. */
function storeState(dataDir: string): StoreState {
  if (!fs.existsSync(path.join(dataDir, APP_DATABASE_FILE))) return { database: 'absent' };
  let db: ReturnType<typeof openAppDatabase>;
  try {
    db = openAppDatabase(dataDir);
  } catch (err) {
    return { database: 'unreadable', problem: clean((err as Error).message) };
  }
  try {
    const byKind = countBy(db, 'SELECT kind AS k, COUNT(*) AS n FROM cases GROUP BY kind');
    return {
      database: 'opened',
      schemaVersion: (db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version,
      queue: { ...queueCounts(db) },
      cases: { byKind, byState: countBy(db, 'SELECT state AS k, COUNT(*) AS n FROM cases GROUP BY state'), total: Object.values(byKind).reduce((a, b) => a + b, 0) },
      auditRows: (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n,
      printJobs: countBy(db, 'SELECT state AS k, COUNT(*) AS n FROM print_jobs GROUP BY state'),
    };
  } catch (err) {
    return { database: 'unreadable', problem: clean((err as Error).message) };
  } finally {
    db.close();
  }
}

/** What the data directory holds: top-level names, sizes and how many files each folder has (no file names inside). */
function dataDirListing(dataDir: string): unknown {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dataDir, { withFileTypes: true });
  } catch (err) {
    return { problem: clean((err as Error).message) };
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((e) => {
      const full = path.join(dataDir, e.name);
      if (e.isDirectory()) {
        let files = 0;
        try {
          files = fs.readdirSync(full).length;
        } catch {
          files = -1;
        }
        return { entry: `${e.name}/`, files };
      }
      let bytes = -1;
      try {
        bytes = fs.statSync(full).size;
      } catch {
        // vanished meanwhile
      }
      return { entry: e.name, bytes };
    });
}

const STATE_NAMES: Record<string, string> = { pending: '待上报', 'in-flight': '上报中', done: '已完成', retry: '等待重试', 'needs-clerk': '需人工处理', unknown: '结果未知' };

export async function collectDiagnostics(dataDir: string, now = new Date()): Promise<BundleFile[]> {
  const cfg = readConfig(dataDir);
  const store = storeState(dataDir);
  const found = await discoverDevices(defaultDeviceFactories(), cfg.config.devices).catch((err: Error) => ({ serialPorts: [], hidDevices: [], problems: [clean(err.message)] }));
  const errors = readRecentLines(logDir(dataDir), { minLevel: 'warn', limit: 200 });
  const crashes = recentCrashRecords(dataDir);
  const ver = versions() as { app: string | null; node: string; electron: string | null; platform: string; arch: string; os: string; nativeModules: NativeModuleInfo[] };

  const configured = Object.fromEntries(DEVICE_IDS.map((id) => [id, cfg.config.devices[CONFIG_KEY[id]]]));
  const summary = [
    '医保综合柜员工作站 诊断包',
    `生成时间: ${now.toISOString()}`,
    `程序版本: ${ver.app ?? '未知'}（Node ${ver.node}，Electron ${ver.electron ?? '无（命令行）'}）`,
    `系统: ${ver.os} ${ver.platform} ${ver.arch}`,
    `本机模块: ${ver.nativeModules.map((m) => `${m.module} ${m.version ?? '—'} ${m.loads ? '正常' : `异常（${m.problem}）`}`).join('；')}`,
    `数据目录: ${dataDir}`,
    `配置文件: ${cfg.source === 'file' ? '已读取' : cfg.source === 'defaults' ? '尚未生成（使用默认配置）' : `有误 — ${cfg.problem}`}`,
    `设备配置: ${DEVICE_IDS.map((id) => `${DEVICE_NAMES[id]} ${cfg.config.devices[CONFIG_KEY[id]].mode}`).join('，')}`,
    `本机设备: 串口 ${found.serialPorts.length} 个，USB HID ${found.hidDevices.length} 个${found.problems.length ? `；注意: ${found.problems.join('；')}` : ''}`,
    store.database === 'opened'
      ? `上报队列: ${Object.entries(store.queue!)
          .filter(([k]) => k !== 'total')
          .map(([k, n]) => `${STATE_NAMES[k] ?? k} ${n}`)
          .join('，')}（共 ${store.queue!.total}）；办件 ${store.cases!.total} 件`
      : store.database === 'absent'
        ? '数据库: 尚未创建'
        : `数据库: 无法打开 — ${store.problem}`,
    `最近的警告和错误: ${errors.length} 条（recent-errors.txt）`,
    `崩溃记录: ${crashes.length} 份（crashes.json）`,
    '',
    '本诊断包不含个人信息: 不含姓名、证件号码、电话、地址和办件内容，只有计数；日志已脱敏，柜员姓名和密码类配置已去除。',
  ].join('\n');

  const files: BundleFile[] = [
    { name: 'summary.txt', text: `${summary}\n` },
    { name: 'versions.json', text: json(ver) },
    { name: 'config.json', text: json({ source: cfg.source, problem: cfg.problem ?? null, config: configWithoutSecrets(cfg.config) }) },
    { name: 'devices.json', text: json({ configured, ...found }) },
    { name: 'queue.json', text: json(store) },
    { name: 'recent-errors.txt', text: errors.map((l) => `${l.time} ${l.level.toUpperCase()} ${l.msg}`).join('\n') + (errors.length ? '\n' : '') },
    { name: 'crashes.json', text: json(crashes) },
    { name: 'data-dir.json', text: json(dataDirListing(dataDir)) },
  ];
  // The last net: whatever came from outside (log lines, crash texts, device strings) is redacted once more.
  return files.map((f) => ({ name: f.name, text: clean(f.text) }));
}

/** Why `out` cannot receive a bundle, in Chinese, or null. A bundle never overwrites anything. */
export function outPathProblem(out: string): string | null {
  const parent = path.dirname(path.resolve(out));
  if (!fs.existsSync(parent)) return `上级目录 ${parent} 不存在`;
  if (!fs.statSync(parent).isDirectory()) return `${parent} 不是目录`;
  if (fs.existsSync(out)) return `${out} 已存在（诊断包不覆盖已有文件或目录）`;
  return null;
}

/** Writes the bundle as one .tar file (when `out` ends in .tar) or as a folder of files; private to this user. */
export function writeBundle(files: BundleFile[], out: string, now = new Date()): { kind: 'tar' | 'dir'; path: string } {
  const target = path.resolve(out);
  if (target.toLowerCase().endsWith('.tar')) {
    const entries: TarEntry[] = files.map((f) => ({ name: `${BUNDLE_FOLDER}/${f.name}`, data: Buffer.from(f.text, 'utf8'), mtime: now }));
    fs.writeFileSync(target, tarBuffer(entries), { flag: 'wx', mode: 0o600 });
    return { kind: 'tar', path: target };
  }
  fs.mkdirSync(target, { mode: 0o700 });
  for (const f of files) fs.writeFileSync(path.join(target, f.name), f.text, { flag: 'wx', mode: 0o600 });
  return { kind: 'dir', path: target };
}
