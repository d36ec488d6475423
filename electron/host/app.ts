/**
 * The composition root. It imports no `electron`: the Electron main process, browser mode, the CLI and the
 * tests all build the workstation here, passing in the outside world (data directory, clock, key provider,
 * HTTP client, device factories).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../contract/schemas';
import { AppError } from '../contract/errors';
import { AuditLog } from '../services/audit/audit-log';
import type { DeviceFactories, IdReaderPort } from '../services/devices/ports';
import { IdCardService } from '../services/reception/id-card-service';
import { openDatabase, type Db } from '../services/store/database';
import { appMigrations } from '../services/store/migrations';
import { loadConfig, type AppConfig } from './config';
import type { Handlers } from './dispatch';
import { EventHub } from './event-hub';

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

export function appDatabaseFile(dataDir: string): string {
  return path.join(dataDir, 'counter.db');
}

export async function createApp(opts: AppOptions): Promise<App> {
  const clock = opts.clock ?? (() => new Date());
  fs.mkdirSync(opts.dataDir, { recursive: true });
  let config = loadConfig(opts.dataDir);
  if (opts.configOverrides) config = opts.configOverrides(config);

  const key = await opts.keyProvider?.databaseKey();
  const db = openDatabase(appDatabaseFile(opts.dataDir), { migrations: appMigrations, key });
  const events = new EventHub();
  const audit = new AuditLog(db, clock);

  const closers: Array<() => Promise<void> | void> = [];
  const idReader: IdReaderPort = await opts.devices.idReader(config.devices.idReader);
  closers.push(() => idReader.close());
  idReader.onStatus((s) => events.emit('device.status', s));
  const idCards = new IdCardService(idReader, audit, config.operator.code);

  const simulator = () => {
    if (!idReader.simulator) throw new AppError('no-simulator', '身份证阅读器不是模拟器，无法模拟放卡');
    return idReader.simulator;
  };

  const handlers: Handlers = {
    'app.info': () => ({
      productName: '医保综合柜员工作站',
      version: readVersion(),
      mode: opts.mode,
      dataDir: opts.dataDir,
      operatorType: config.operator.type,
    }),
    'idCard.read': ({ timeoutMs }) => idCards.read(timeoutMs),
    'idCard.cancel': () => {
      idCards.cancel();
      return { ok: true as const };
    },
    'devices.list': () => [idReader.status()],
    'simulator.idCard.samples': () => simulator().samples(),
    'simulator.idCard.place': ({ sampleId }) => {
      simulator().place(sampleId);
      return { ok: true as const };
    },
    'simulator.idCard.remove': () => {
      simulator().remove();
      return { ok: true as const };
    },
    'simulator.idCard.fault': ({ fault }) => {
      simulator().fault(fault);
      return { ok: true as const };
    },
  };

  return {
    config,
    db,
    events,
    handlers,
    async close() {
      for (const c of closers.reverse()) await c();
      db.close();
    },
  };
}

function readVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
