/**
 * Browser mode's credentials, without I/O: a one-time launch secret (handed only to whoever started the
 * host: its terminal and a 0600 file in the data directory) is exchanged once for a bridge session. The
 * session token lives in that tab's sessionStorage, so a reload or reconnect resumes the same session and
 * with it the same Caller (and so the same signed-in operator). Nothing here is ever written into a page.
 *
 * Secrets and tokens are kept only as SHA-256 digests and compared in constant time.
 */
import crypto from 'node:crypto';
import { createCaller, type Caller } from './caller';

export interface BridgeSession {
  readonly caller: Caller;
  readonly createdAt: number;
}

export type ExchangeResult =
  | { ok: true; token: string; session: BridgeSession; nextLaunchSecret: string }
  | { ok: false; code: 'launch-invalid'; message: string };

export type ResumeResult = { ok: true; session: BridgeSession } | { ok: false; code: 'session-invalid'; message: string };

export interface BridgeSessionsOptions {
  /** Random source, injectable for tests. */
  randomBytes?: (n: number) => Buffer;
  now?: () => number;
  /** Sessions kept at most; the oldest is forgotten first (each needs a launch secret, so this is generous). */
  maxSessions?: number;
}

const digest = (value: string): Buffer => crypto.createHash('sha256').update(value, 'utf8').digest();

export class BridgeSessions {
  private launchDigest: Buffer;
  private readonly sessions = new Map<string, BridgeSession>();
  private readonly random: (n: number) => Buffer;
  private readonly now: () => number;
  private readonly maxSessions: number;
  private currentSecret: string;

  constructor(opts: BridgeSessionsOptions = {}) {
    this.random = opts.randomBytes ?? crypto.randomBytes;
    this.now = opts.now ?? Date.now;
    this.maxSessions = opts.maxSessions ?? 32;
    this.currentSecret = this.mint();
    this.launchDigest = digest(this.currentSecret);
  }

  /** The launch secret not yet used: print it, write it to the launch file. */
  get launchSecret(): string {
    return this.currentSecret;
  }

  /** Trade the current launch secret for a new session; the secret is spent and a fresh one minted. */
  exchange(secret: string): ExchangeResult {
    if (!matches(secret, this.launchDigest)) {
      return { ok: false, code: 'launch-invalid', message: '打开链接无效或已被使用过' };
    }
    this.currentSecret = this.mint();
    this.launchDigest = digest(this.currentSecret);
    const token = this.mint();
    const session: BridgeSession = { caller: createCaller('websocket', null, this.now()), createdAt: this.now() };
    this.sessions.set(digest(token).toString('hex'), session);
    while (this.sessions.size > this.maxSessions) this.sessions.delete(this.sessions.keys().next().value!);
    return { ok: true, token, session, nextLaunchSecret: this.currentSecret };
  }

  /** The session a token belongs to (a reload or reconnect of the same tab). */
  resume(token: string): ResumeResult {
    const session = typeof token === 'string' && token.length <= 200 ? this.sessions.get(digest(token).toString('hex')) : undefined;
    if (!session) return { ok: false, code: 'session-invalid', message: '会话已失效（工作站服务可能已重新启动）' };
    return { ok: true, session };
  }

  get size(): number {
    return this.sessions.size;
  }

  private mint(): string {
    return this.random(32).toString('base64url');
  }
}

function matches(candidate: unknown, expected: Buffer): boolean {
  if (typeof candidate !== 'string' || candidate.length === 0 || candidate.length > 200) return false;
  return crypto.timingSafeEqual(digest(candidate), expected);
}
