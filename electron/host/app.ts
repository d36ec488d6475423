/**
 * The composition root. It imports no `electron`: the Electron main process, browser mode, the CLI and the
 * tests all build the workstation here, passing in the outside world (data directory, clock, key provider,
 * HTTP client, device factories). Each feature module adds its services and its part of the handlers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { methodNames } from '../contract/api';
import type { AppInfo } from '../contract/schemas';
import { AuditLog } from '../services/audit/audit-log';
import { chromiumA4Output, type A4Output } from '../services/printing/a4';
import type { DeviceFactories } from '../services/devices/ports';
import { openDatabase, type Db } from '../services/store/database';
import { appMigrations } from '../services/store/migrations';
import { loadConfig, type AppConfig } from './config';
import type { AppContext, Feature } from './context';
import type { Handlers } from './dispatch';
import { EventHub } from './event-hub';
import { authFeature } from './features/auth';
import { casesFeature } from './features/cases';
import { platformFeature } from './features/platform';
import { devicesFeature } from './features/devices';
import { receptionFeature } from './features/reception';
import { withKioskScope } from './kiosk-scope';
import { bindSessionRules } from './session-guard';

export interface KeyProvider {
  /** The database encryption key, or undefined for a plain file (development, tests). */
  databaseKey(): Promise<string | undefined>;
}

export interface AppOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  devices: DeviceFactories;
  clock?: () => Date;
  keyProvider?: KeyProvider;
  fetch?: typeof fetch;
  /** A4 forms; default: PDFs through Debian's Chromium. */
  a4?: A4Output;
  /** Overrides applied on top of <dataDir>/config.json (command-line flags). */
  configOverrides?: (config: AppConfig) => AppConfig;
}

export interface App {
  config: AppConfig;
  db: Db;
  events: EventHub;
  handlers: Handlers;
  close(): Promise<void>;
}

/** How long a kiosk's card read stays good for lookups when sessions never idle-lock (idleLockMinutes 0). */
const KIOSK_SCOPE_DEFAULT_MS = 10 * 60_000;

export function appDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'counter.db');
}

// auth after platform (sign-out sends 9002), before cases (a 容缺 approval checks a supervisor's password).
const FEATURES: Feature[] = [receptionFeature, devicesFeature, platformFeature, authFeature, casesFeature];

export async function createApp(opts: AppOptions): Promise<App> {
  const clock = opts.clock ?? (() => new Date());
  fs.mkdirSync(opts.dataDir, { recursive: true });
  let config = loadConfig(opts.dataDir);
  if (opts.configOverrides) config = opts.configOverrides(config);

  const key = await opts.keyProvider?.databaseKey();
  const db = openDatabase(appDatabaseFile(opts.dataDir), { migrations: appMigrations, key });
  const closers: Array<() => Promise<void> | void> = [];
  const close = async () => {
    for (const c of closers.reverse()) await c();
    db.close();
  };

  const ctx: AppContext = {
    dataDir: opts.dataDir,
    mode: opts.mode,
    config,
    db,
    events: new EventHub(),
    audit: new AuditLog(db, clock),
    clock,
    fetch: opts.fetch ?? globalThis.fetch,
    devices: opts.devices,
    a4: opts.a4 ?? chromiumA4Output,
    onClose: (fn) => closers.push(fn),
  };

  const handlers: Partial<Handlers> = {
    'app.info': () => ({
      productName: '医保综合柜员工作站',
      version: readVersion(),
      mode: opts.mode,
      dataDir: opts.dataDir,
      operatorType: config.operator.type,
    }),
  };
  try {
    for (const feature of FEATURES) Object.assign(handlers, await feature(ctx));
  } catch (err) {
    await close();
    throw err;
  }
  const missing = methodNames.filter((m) => !handlers[m]);
  if (missing.length) {
    await close();
    throw new Error(`contract methods without a handler: ${missing.join(', ')}`);
  }
  const idleMs = config.security.idleLockMinutes * 60_000;
  const scoped = withKioskScope(handlers as Handlers, clock, idleMs > 0 ? idleMs : KIOSK_SCOPE_DEFAULT_MS);
  if (ctx.sessionRules) bindSessionRules(scoped, ctx.sessionRules);
  return { config, db, events: ctx.events, handlers: scoped, close };
}

function readVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
