/** What every feature module receives from the composition root. */
import type { AuditLog } from '../services/audit/audit-log';
import type { A4Output } from '../services/printing/a4';
import type { DeviceFactories } from '../services/devices/ports';
import type { Db } from '../services/store/database';
import type { AppInfo } from '../contract/schemas';
import type { AppConfig } from './config';
import type { Handlers } from './dispatch';
import type { EventHub } from './event-hub';
import type { PlatformRuntime } from './features/platform';
import type { OperatorStore } from '../services/operators/operator-store';
import type { SessionRules } from './session-guard';

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
  /** Set by the platform feature for the features after it. */
  platform?: PlatformRuntime;
  /** Set by the auth feature: the operators (the cases feature checks a supervisor's approval with it). */
  operators?: OperatorStore;
  /** Set by the auth feature: idle lock and disabled operators, bound to the handlers by the composition root. */
  sessionRules?: SessionRules;
  /** Register cleanup, run in reverse order at close(). */
  onClose(fn: () => Promise<void> | void): void;
}

/** A feature contributes handlers for its part of the contract. */
export type FeatureHandlers = Partial<Handlers>;
export type Feature = (ctx: AppContext) => Promise<FeatureHandlers> | FeatureHandlers;
