/**
 * Person lookup with a local cache, so reception keeps working when the provincial platform is unreachable.
 * A cached answer is always marked as such, with its age. A business refusal from the platform (unknown
 * person, invalid card) is never papered over with a cached answer.
 */
import type { Db, Migration } from '../store/database';
import { PlatformError, type CallOptions, type PlatformClient } from './client';
import { PlatformInputError } from './transactions/shared';
import { provisionalPerson, type CardData } from './provisional-person';
import { lookupPerson, normalisePersonQuery, type Person, type PersonQuery } from './transactions/person';

export const personCacheMigration: Migration = {
  name: 'platform person cache',
  up(db) {
    db.exec(`
      CREATE TABLE platform_person_cache (
        cert_type TEXT NOT NULL,
        cert_no TEXT NOT NULL,
        psn_no TEXT NOT NULL,
        person_json TEXT NOT NULL,
        cached_at TEXT NOT NULL,
        PRIMARY KEY (cert_type, cert_no)
      );
      CREATE INDEX platform_person_cache_psn ON platform_person_cache (psn_no);
    `);
  },
};

export interface PersonLookupResult {
  person: Person;
  /** provisional: 临时受理 from the card's own data (platform unreachable, never seen here), to be checked before upload. */
  source: 'platform' | 'cache' | 'provisional';
  /** When the platform last returned this person (ISO UTC). */
  cachedAt: string;
  ageSeconds: number;
}

/** Raised when the platform is unreachable and nothing is cached for the identity. */
export class PersonUnavailableError extends Error {
  constructor(readonly platformError: PlatformError) {
    // In the clerk's words: a lookup changes nothing on the platform, so no "办理结果未知" and no socket codes
    // (the platform's own message stays on platformError for the log).
    super('医保平台暂时无法连接，本机也没有该人员的缓存信息，无法离线查询');
    this.name = 'PersonUnavailableError';
  }
}

const PROVISIONAL_KEY = 'provisional';
const cacheKey = (q: PersonQuery) => ({ certType: q.certType, certNo: q.certNo.trim().toUpperCase() });

export class PersonCache {
  constructor(private readonly db: Db, private readonly clock: () => Date = () => new Date()) {}

  put(q: PersonQuery, person: Person): string {
    const { certType, certNo } = cacheKey(q);
    const at = this.clock().toISOString();
    this.db
      .prepare(
        `INSERT INTO platform_person_cache (cert_type, cert_no, psn_no, person_json, cached_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (cert_type, cert_no) DO UPDATE SET psn_no = excluded.psn_no, person_json = excluded.person_json, cached_at = excluded.cached_at`,
      )
      .run(certType, certNo, person.psn_no, JSON.stringify(person), at);
    return at;
  }

  get(q: PersonQuery): { person: Person; cachedAt: string; ageSeconds: number } | null {
    const { certType, certNo } = cacheKey(q);
    const row = this.db.prepare('SELECT person_json, cached_at FROM platform_person_cache WHERE cert_type = ? AND cert_no = ?').get(certType, certNo) as
      | { person_json: string; cached_at: string }
      | undefined;
    if (!row) return null;
    return { person: JSON.parse(row.person_json) as Person, cachedAt: row.cached_at, ageSeconds: this.ageOf(row.cached_at) };
  }

  /**
   * A provisional person (./provisional-person.ts) is kept under its own key, apart from 1101 answers: a later
   * answer for the same card must not erase the person the queued cases were accepted for.
   */
  putProvisional(person: Person): string {
    return this.put({ certType: PROVISIONAL_KEY as '02', certNo: person.certno }, person);
  }

  getProvisional(certNo: string): { person: Person; cachedAt: string; ageSeconds: number } | null {
    return this.get({ certType: PROVISIONAL_KEY as '02', certNo });
  }

  /** Drop entries older than maxAgeDays (personal data is kept no longer than useful). */
  prune(maxAgeDays: number): number {
    const cutoff = new Date(this.clock().getTime() - maxAgeDays * 86_400_000).toISOString();
    return this.db.prepare('DELETE FROM platform_person_cache WHERE cached_at < ?').run(cutoff).changes;
  }

  private ageOf(iso: string): number {
    return Math.max(0, Math.floor((this.clock().getTime() - Date.parse(iso)) / 1000));
  }
}

/** 临时受理 asked for with a lookup: the card's own data and this workstation's region (参保地 until 1101 says). */
export interface ProvisionalRequest {
  card: CardData;
  homeAdmdvs: string;
}

/**
 * 1101 through the platform; on an unreachable platform (timeout, network, 5xx, garbled reply) fall back to the
 * cache, then to a provisional person accepted here before, then — when asked — accept one provisionally now.
 */
export async function lookupPersonCached(
  client: PlatformClient,
  cache: PersonCache,
  q: PersonQuery,
  opts?: CallOptions,
  provisional?: ProvisionalRequest,
): Promise<PersonLookupResult> {
  q = normalisePersonQuery(q);
  try {
    const person = await lookupPerson(client, q, opts);
    const cachedAt = cache.put(q, person);
    return { person, source: 'platform', cachedAt, ageSeconds: 0 };
  } catch (err) {
    if (!(err instanceof PlatformError) || err.kind === 'business' || (err.kind === 'http' && (err.status ?? 0) < 500)) throw err;
    const hit = cache.get(q);
    if (hit) return { ...hit, source: 'cache' };
    const earlier = q.certType === '02' ? cache.getProvisional(q.certNo) : null;
    if (earlier) return { ...earlier, source: 'provisional' };
    if (!provisional) throw new PersonUnavailableError(err);
    if (q.certType !== '02' || provisional.card.number.toUpperCase() !== q.certNo || provisional.card.psnCertType !== (q.psnCertType ?? '01')) {
      throw new PlatformInputError('临时受理只能用刚读取的证件本身的信息');
    }
    const person = provisionalPerson(provisional.card, provisional.homeAdmdvs);
    const cachedAt = cache.putProvisional(person);
    return { person, source: 'provisional', cachedAt, ageSeconds: 0 };
  }
}

/** "3分钟前" style age for the UI. */
export function describeAge(ageSeconds: number): string {
  if (ageSeconds < 60) return '刚刚';
  if (ageSeconds < 3600) return `${Math.floor(ageSeconds / 60)}分钟前`;
  if (ageSeconds < 86_400) return `${Math.floor(ageSeconds / 3600)}小时前`;
  return `${Math.floor(ageSeconds / 86_400)}天前`;
}
