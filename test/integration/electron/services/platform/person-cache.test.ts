import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../../../../electron/services/platform/client';
import { createPlatformServices } from '../../../../../electron/services/platform/factory';
import { describeAge, PersonUnavailableError } from '../../../../../electron/services/platform/person-cache';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import type { Db } from '../../../../../electron/services/store/database';
import { LI_SI, ZHANG_SAN, startSim, type SimFixture } from '../../../../helpers/sim-fixture';

let f: SimFixture;
let db: Db;
let dataDir: string;
beforeAll(async () => {
  f = await startSim('demo');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'person-cache-'));
  db = openAppDatabase(dataDir);
});
afterAll(async () => {
  db?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  await f?.close();
});

describe('person lookup with a local cache', () => {
  it('answers from the platform, then from the cache (marked, with its age) when the platform is unreachable', async () => {
    let now = new Date();
    const services = createPlatformServices({ db, profile: f.profile, baseUrl: f.sim.url, operator: { code: 'op001', name: '柜员一', type: 1 }, clock: () => now });
    const live = await services.lookupPerson({ certType: '02', certNo: ZHANG_SAN.certno });
    expect(live).toMatchObject({ source: 'platform', ageSeconds: 0 });
    expect(live.person.psn_no).toBe(ZHANG_SAN.psnNo);

    now = new Date(now.getTime() + 90_000);
    f.sim.faults.set({ dropBefore: 1 });
    const cached = await services.lookupPerson({ certType: '02', certNo: ZHANG_SAN.certno.toLowerCase() });
    expect(cached.source).toBe('cache');
    expect(cached.ageSeconds).toBe(90);
    expect(cached.cachedAt).toBe(live.cachedAt);
    expect(cached.person).toEqual(live.person);
    expect(describeAge(cached.ageSeconds)).toBe('1分钟前');
    f.sim.faults.reset();
  });

  it('does not hide a business refusal behind the cache, and says so when nothing is cached offline', async () => {
    const services = createPlatformServices({ db, profile: f.profile, baseUrl: f.sim.url, operator: { code: 'op001', name: '柜员一', type: 1 } });
    await services.lookupPerson({ certType: '03', certNo: LI_SI.cardNo, cardSn: LI_SI.cardSn });
    const refused = await services.lookupPerson({ certType: '03', certNo: LI_SI.cardNo, cardSn: '1'.repeat(32) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PlatformError);
    expect((refused as PlatformError).kind).toBe('business');

    const offline = createPlatformServices({ db, profile: f.profile, baseUrl: 'http://127.0.0.1:1/fsi', operator: { code: 'op001', name: '柜员一', type: 1 } });
    const hit = await offline.lookupPerson({ certType: '03', certNo: LI_SI.cardNo, cardSn: LI_SI.cardSn });
    expect(hit.source).toBe('cache');
    const miss = await offline.lookupPerson({ certType: '02', certNo: LI_SI.certno }).catch((e: unknown) => e);
    expect(miss).toBeInstanceOf(PersonUnavailableError);
    expect((miss as Error).message).toMatch(/无法离线查询/);
  });

  it('keeps the sign-in in the app DB so a new process reuses it', async () => {
    const before = f.sim.state().calls['9001'] ?? 0;
    const a = createPlatformServices({ db, profile: f.profile, baseUrl: f.sim.url, operator: { code: 'op002', name: '柜员二', type: 1 } });
    await a.lookupPerson({ certType: '02', certNo: ZHANG_SAN.certno });
    const b = createPlatformServices({ db, profile: f.profile, baseUrl: f.sim.url, operator: { code: 'op002', name: '柜员二', type: 1 } });
    await b.lookupPerson({ certType: '02', certNo: ZHANG_SAN.certno });
    expect(f.sim.state().calls['9001']).toBe(before + 1);
  });

  it('prunes old entries', () => {
    const services = createPlatformServices({ db, profile: f.profile, baseUrl: f.sim.url, operator: { code: 'op001', name: '柜员一', type: 1 }, clock: () => new Date(Date.now() + 40 * 86_400_000) });
    expect(services.personCache.prune(30)).toBeGreaterThan(0);
    expect(services.personCache.get({ certType: '02', certNo: ZHANG_SAN.certno })).toBeNull();
  });
});
