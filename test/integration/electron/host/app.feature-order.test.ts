import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../../../electron/contract/api';
import { composeHandlers, FEATURES } from '../../../../electron/host/app';
import { loadConfig } from '../../../../electron/host/config';
import type { AppContext, Feature } from '../../../../electron/host/context';
import { defaultDeviceFactories } from '../../../../electron/host/default-devices';
import { call, type Handlers } from '../../../../electron/host/dispatch';
import { EventHub } from '../../../../electron/host/event-hub';
import { createAppServices, type AppServices } from '../../../../electron/host/services';
import { openAppDatabase } from '../../../../electron/services/app-schema';
import { auditKeyOf } from '../../../../electron/services/audit/audit-key';
import { AuditLog } from '../../../../electron/services/audit/audit-log';
import { dataDirKeySource } from '../../../../electron/services/store/key-source';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-features-'));
const closers: Array<() => Promise<void> | void> = [];
let ctx: AppContext;
let services: AppServices;

beforeAll(async () => {
  const keys = dataDirKeySource(dataDir);
  const db = openAppDatabase(dataDir, keys);
  closers.push(() => void db.close());
  const clock = () => new Date();
  ctx = {
    dataDir,
    mode: 'browser',
    config: loadConfig(dataDir),
    db,
    events: new EventHub(),
    audit: new AuditLog(db, clock, auditKeyOf(db, keys.auditKey())),
    clock,
    fetch: globalThis.fetch,
    devices: defaultDeviceFactories(),
    a4: { savePdf: async () => undefined },
    onClose: (fn) => closers.push(fn),
  };
  services = await createAppServices(ctx, keys);
});
afterAll(async () => {
  for (const c of closers.reverse()) await c();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const features = Object.values(FEATURES);
const everyMethodButAppInfo = methodNames.filter((m) => m !== 'app.info').sort();

describe('feature modules take their services as typed dependencies', () => {
  it('builds every feature on its own, with no other feature run before it', async () => {
    for (const [name, feature] of Object.entries(FEATURES)) {
      const handlers = await feature(ctx, services);
      expect(Object.keys(handlers).length, name).toBeGreaterThan(0);
    }
  });

  it('composes the same handlers in any order, and they work (reverse order shown)', async () => {
    const forward = await composeHandlers(ctx, services, features);
    const reverse = await composeHandlers(ctx, services, [...features].reverse());
    expect(Object.keys(forward).sort()).toEqual(everyMethodButAppInfo);
    expect(Object.keys(reverse).sort()).toEqual(everyMethodButAppInfo);
    const handlers = reverse as Handlers;
    // Cases (built first now) uses the platform runtime and the operators without the platform or auth feature before it.
    expect((await call(handlers, 'catalog.diseases', {})).length).toBeGreaterThan(0);
    expect(await call(handlers, 'platform.status', {})).toMatchObject({ simulated: true });
    expect(await call(handlers, 'auth.status', {})).toMatchObject({ setupRequired: true });
    expect((await call(handlers, 'devices.list', {})).find((d) => d.kind === 'id-reader')).toMatchObject({ simulated: true });
  });

  it('refuses two features that handle the same method', async () => {
    const twin: Feature<AppServices> = () => ({ 'platform.status': () => ({ online: false, url: '', simulated: false, profileName: '' }) });
    await expect(composeHandlers(ctx, services, [...features, twin])).rejects.toThrow(/handled by two features: platform.status/);
  });
});
