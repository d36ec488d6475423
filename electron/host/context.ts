/**
 * What every feature module receives from the composition root: the outside world and the app-wide pieces
 * (database, events, audit, clock). Built services (device manager, platform runtime, operators) are not on
 * it: each feature names the ones it needs as its typed dependencies (`Feature<Deps>`), built in ./services.ts.
 */
import type { AuditLog } from '../services/audit/audit-log';
import type { A4Output } from '../services/printing/a4';
import type { DeviceFactories } from '../services/devices/ports';
import type { Db } from '../services/store/database';
import type { AppInfo } from '../contract/schemas';
import type { AppConfig } from './config';
import type { Handlers } from './dispatch';
import type { EventHub } from './event-hub';

export interface AppContext {
  dataDir: string;
  mode: AppInfo['mode'];
  config: AppConfig;
  db: Db;
  events: EventHub;
  audit: AuditLog;
  clock: () => Date;
  fetch: typeof fetch;
  devices: DeviceFactories;
  /** A4 forms: system printer and PDF (Electron) or PDF through Chromium (browser mode, CLI). */
  a4: A4Output;
  /** Register cleanup, run in reverse order at close(). */
  onClose(fn: () => Promise<void> | void): void;
}

/** A feature contributes handlers for its part of the contract, from the context and exactly the services it names. */
export type FeatureHandlers = Partial<Handlers>;
export type Feature<Deps = Record<never, never>> = (ctx: AppContext, deps: Deps) => Promise<FeatureHandlers> | FeatureHandlers;
