/**
 * The composition root. It imports no `electron`: the Electron main process, browser mode, the CLI and the
 * tests all build the workstation here, passing in the outside world (data directory, clock, key provider,
 * HTTP client, device factories). The shared services (device manager, platform runtime, operators) are
 * built first (./services.ts); each feature module then turns the ones it names into its part of the handlers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { methodNames } from '../contract/api';
import type { AppInfo } from '../contract/schemas';
import { AuditLog } from '../services/audit/audit-log';
import { auditKeyOf } from '../services/audit/audit-key';
import { startRetention } from '../services/privacy/retention';
import { chromiumA4Output, type A4Output } from '../services/printing/a4';
import type { DeviceFactories } from '../services/devices/ports';
import { auditPolicy } from './audit-policy';
import { withAudit } from './audited-handlers';
import { takeAppLock } from '../services/store/app-lock';
import { openAppDatabase } from '../services/app-schema';
import { prepareDataDir } from '../services/store/app-database';
import { startDailyBackups } from '../services/store/backup';
import type { Db } from '../services/store/database';
import { dataDirKeySource, type KeySource } from '../services/store/key-source';
import { loadConfig, type AppConfig } from './config';
import type { AppContext, Feature } from './context';
import { createAppServices, type AppServices } from './services';
import type { Handlers } from './dispatch';
import { EventHub } from './event-hub';
import { log } from './log';
import { withOutputPrivacy } from './output-privacy';
import { authFeature } from './features/auth';
import { casesFeature } from './features/cases';
import { cataloguesFeature } from './features/catalogues';
import { personFeature } from './features/person';
import { paperFeature } from './features/paper';
import { platformFeature } from './features/platform';
import { devicesFeature } from './features/devices';
import { ratingFeature } from './features/rating';
import { receptionFeature } from './features/reception';
import { settingsFeature } from './features/settings';
import { withKioskScope } from './kiosk-scope';
import { bindSessionRules } from './session-guard';

/**
 * Where the master key comes from. Electron: safeStorage (electron/main/key-provider.ts). Without a
 * provider (browser mode, the CLI, tests): COUNTER_DB_KEY or <dataDir>/db.key (dataDirKeySource).
 * There is no plain mode.
 */
export interface KeyProvider {
  keys(): Promise<KeySource>;
  /** A passphrase an older version encrypted the database with, re-encrypted to the raw key at open. */
  legacyPassphrase?(): string | undefined;
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
  /** Daily backups kept in <dataDir>/backups (default 7). */
  backupsKept?: number;
}

export interface App {
  config: AppConfig;
  db: Db;
  events: EventHub;
  handlers: Handlers;
  audit: AuditLog;
  close(): Promise<void>;
}

/** How long a kiosk's card read stays good for lookups when sessions never idle-lock (idleLockMinutes 0). */
const KIOSK_SCOPE_DEFAULT_MS = 10 * 60_000;

/**
 * The feature modules, by name: each takes only the services it declares, so there is no order among them
 * (a record, not a list). Typed so that a feature asking for a service the root does not build fails to compile.
 */
export const FEATURES: Record<string, Feature<AppServices>> = {
  reception: receptionFeature,
  devices: devicesFeature,
  platform: platformFeature,
  auth: authFeature,
  cases: casesFeature,
  catalogues: cataloguesFeature,
  person: personFeature,
  rating: ratingFeature,
  settings: settingsFeature,
  paper: paperFeature,
};

/** Every feature's handlers, from the services; refuses a method two features both handle (the root checks none is missing). */
export async function composeHandlers(ctx: AppContext, services: AppServices, features: readonly Feature<AppServices>[]): Promise<Partial<Handlers>> {
  const handlers: Partial<Handlers> = {};
  for (const feature of features) {
    for (const [method, handler] of Object.entries(await feature(ctx, services))) {
      if (method in handlers) throw new Error(`contract method handled by two features: ${method}`);
      Object.assign(handlers, { [method]: handler });
    }
  }
  return handlers;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const clock = opts.clock ?? (() => new Date());
  prepareDataDir(opts.dataDir);
  let config = loadConfig(opts.dataDir);
  if (opts.configOverrides) config = opts.configOverrides(config);

  const keys = opts.keyProvider ? await opts.keyProvider.keys() : dataDirKeySource(opts.dataDir);
  const db = openAppDatabase(opts.dataDir, keys, { legacyPassphrase: opts.keyProvider?.legacyPassphrase?.() });
  const closers: Array<() => Promise<void> | void> = [];
  const close = async () => {
    for (const c of closers.reverse()) await c();
    db.close();
  };
  closers.push(takeAppLock(opts.dataDir, opts.mode, clock()));
  const backups = startDailyBackups({
    db,
    dataDir: opts.dataDir,
    key: keys.databaseKey(),
    clock,
    keep: opts.backupsKept,
    onError: (err) => log.error(`数据库备份失败: ${err.message}`),
  });
  closers.push(() => backups.stop());
  // The chain's key lives inside the encrypted database, so rekeying the master key keeps old rows verifiable.
  const audit = new AuditLog(db, clock, auditKeyOf(db, keys.auditKey()));

  const ctx: AppContext = {
    dataDir: opts.dataDir,
    mode: opts.mode,
    config,
    db,
    events: new EventHub(),
    audit,
    clock,
    fetch: opts.fetch ?? globalThis.fetch,
    devices: opts.devices,
    a4: opts.a4 ?? chromiumA4Output,
    onClose: (fn) => closers.push(fn),
  };
  // Registered first so it runs last: the features' own closers may still be saving a PDF.
  const a4 = ctx.a4;
  if (a4.close) closers.push(() => a4.close!());

  const handlers: Partial<Handlers> = {
    'app.info': () => ({
      productName: '医保综合柜员工作站',
      version: readVersion(),
      mode: opts.mode,
      dataDir: opts.dataDir,
      operatorType: config.operator.type,
    }),
  };
  // Anything that fails from here on closes what was already started (devices, simulator, timers, database).
  let services: AppServices;
  try {
    services = await createAppServices(ctx);
    Object.assign(handlers, await composeHandlers(ctx, services, Object.values(FEATURES)));
    const missing = methodNames.filter((m) => !handlers[m]);
    if (missing.length) throw new Error(`contract methods without a handler: ${missing.join(', ')}`);
    const retention = startRetention({ db, dataDir: opts.dataDir, clock, retentionDays: config.privacy.retentionDays, audit });
    closers.push(() => retention.stop());
  } catch (err) {
    await close();
    throw err;
  }
  const idleMs = config.security.idleLockMinutes * 60_000;
  const scoped = withKioskScope(handlers as Handlers, clock, idleMs > 0 ? idleMs : KIOSK_SCOPE_DEFAULT_MS);
  // Every call that shows a person's data or changes something leaves an audit row (one table, one wrapper);
  // a kiosk's out-of-scope attempt is inside it, so it is recorded as a failure too.
  const audited = withOutputPrivacy(withAudit(scoped, auditPolicy, audit));
  bindSessionRules(audited, {
    ...services.sessions.rules,
    onRefused: (method, caller, refusal) =>
      audit.record(caller.operator?.code ?? 'anonymous', 'access.refused', { method, code: refusal.code }, { callerId: caller.id, transport: caller.transport }),
  });
  return { config, db, events: ctx.events, handlers: audited, audit, close };
}

function readVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
