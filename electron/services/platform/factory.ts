/**
 * Builds the platform services from configuration, for the composition root and the CLI:
 * profile (by id) + optional address override + the app DB (sign-in state, person cache).
 */
import type { Db } from '../store/database';
import { PlatformClient, type CallOptions, type PlatformClientOptions } from './client';
import { lookupPersonCached, PersonCache, type PersonLookupResult, type ProvisionalRequest } from './person-cache';
import { loadProfile, type ProvinceProfile } from './profile';
import { settingsMsgidStore, settingsSignInStore } from './sign-in-store';
import type { PersonQuery } from './transactions/person';

export interface PlatformServicesOptions {
  db: Db;
  /** A loaded profile, or the id of one in resources/profiles (default demo). */
  profile?: ProvinceProfile | string;
  /** --platform URL / config.platform.url: overrides the profile's service address. */
  baseUrl?: string;
  operator: PlatformClientOptions['operator'];
  fetch?: typeof fetch;
  clock?: () => Date;
  deviceNo?: string;
  mac?: string;
  ip?: string;
  resourcesDir?: string;
}

export interface PlatformServices {
  client: PlatformClient;
  personCache: PersonCache;
  /** `opts.operator`: who is asking (the envelope's opter); default the client's configured operator. */
  /** `provisional`: when the platform is unreachable and nothing is known, accept the person from the card (临时受理). */
  lookupPerson(q: PersonQuery, opts?: CallOptions, provisional?: ProvisionalRequest): Promise<PersonLookupResult>;
}

export function createPlatformServices(o: PlatformServicesOptions): PlatformServices {
  const profile = typeof o.profile === 'object' ? o.profile : loadProfile(o.profile ?? 'demo', o.resourcesDir);
  const clock = o.clock ?? (() => new Date());
  const client = new PlatformClient({
    profile,
    baseUrl: o.baseUrl,
    fetch: o.fetch,
    clock,
    operator: o.operator,
    deviceNo: o.deviceNo,
    mac: o.mac,
    ip: o.ip,
    signInStore: settingsSignInStore(o.db, clock),
    msgidStore: settingsMsgidStore(o.db, clock),
  });
  const personCache = new PersonCache(o.db, clock);
  return { client, personCache, lookupPerson: (q, opts, provisional) => lookupPersonCached(client, personCache, q, opts, provisional) };
}
