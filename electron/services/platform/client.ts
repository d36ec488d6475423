/**
 * The provincial platform client: builds NHSA envelopes, signs them per the province profile, posts them,
 * classifies every way a call can end, and keeps the 9001 sign-in (sign_no) alive.
 *
 * Error kinds matter to the outbox: only `business` means "the platform refused, nothing was done";
 * a timeout, a lost connection after sending, a 5xx or a garbled reply leave the outcome UNKNOWN.
 */
import type { ProvinceProfile } from './profile';
import { timeoutFor } from './profile';
import { compactTime, sharedMsgidSequencer, type MsgidSequencer, ReplyEnvelope, infTime, inputNodeFor, type EnvelopeFields } from './envelope';
import { createClientCodec, GatewayError, type ClientCodec } from './signing/gateway';

export interface SignInState {
  signNo: string;
  /** sign_time as the platform gave it (yyyy-MM-dd HH:mm:ss). */
  signTime: string;
  opterNo: string;
  /** Their name and opter_type, for the envelope of a 9002 sent after a restart. */
  opterName?: string;
  opterType?: 1 | 2 | 3;
  /** When this workstation obtained it (ISO UTC), for renewal. */
  obtainedAt: string;
  /** Which service address issued it: a sign_no is only good there. */
  serviceUrl: string;
}

/** Sign-ins kept per operator: `opterNo` absent means the client's configured (default) operator. */
export interface SignInStore {
  load(opterNo?: string): SignInState | null;
  save(s: SignInState | null, opterNo?: string): void;
  /** The other operators with a stored sign-in (so shutdown can sign out one an earlier run left). */
  storedOperators?(): string[];
}

/** Who the envelope names (opter, opter_name, opter_type: 1 counter clerk, 2 self-service kiosk, 3 mobile). */
export interface EnvelopeOperator {
  code: string;
  name: string;
  type: 1 | 2 | 3;
}

/**
 * Durable msgid reservations shared by every process on one database (the app, `counter sync`, a restart in
 * the same second): a reservation is written before any id from it is used, and each one starts after every
 * id any process has reserved, so no two requests can ever carry the same msgid.
 */
export interface MsgidStore {
  /**
   * Reserves `count` msgids for `now` from `sequencer`, after everything reserved before; returns them in order.
   * Inside a caller's transaction the reservation is only as durable as that transaction: draw msgids outside.
   */
  reserve(sequencer: MsgidSequencer, now: Date, count: number): string[];
}

/** msgids reserved at a time: enough that a busy second costs few writes, few enough that gaps stay small. */
const MSGID_BLOCK = 32;

export interface PlatformClientOptions {
  profile: ProvinceProfile;
  /** Overrides profile.serviceUrl (--platform URL). */
  baseUrl?: string;
  fetch?: typeof fetch;
  clock?: () => Date;
  /**
   * The default opter/opter_name/opter_type, for calls that name no operator of their own (CallOptions.operator):
   * the app's shutdown 9002, old queued cases that predate sign-in, the CLI.
   */
  operator: EnvelopeOperator;
  deviceNo?: string;
  mac?: string;
  ip?: string;
  signInStore?: SignInStore;
  /** Overrides the 12-character msgid prefix (default: profile.agency.code). */
  msgidPrefix?: string;
  msgidStore?: MsgidStore;
}

export interface CallOptions {
  insuplcAdmdvs?: string;
  /** Re-send under a known msgid (idempotent retry); default a fresh one. */
  msgid?: string;
  timeoutMs?: number;
  skipSignIn?: boolean;
  /** The operator doing this business (signed in with 9001 under their own 工号); default the client's. */
  operator?: EnvelopeOperator;
}

export interface PlatformReply<T = unknown> {
  msgid: string;
  infcode: number;
  infRefmsgid: string;
  errMsg: string | null;
  output: T;
  raw: unknown;
}

export type PlatformErrorKind =
  | 'business' // infcode -1: the platform refused; errMsg verbatim; the work was NOT done
  | 'timeout' // no reply in time: OUTCOME UNKNOWN
  | 'network' // connection refused/reset before a reply: outcome unknown if the request may have been sent
  | 'http' // non-2xx status (status field)
  | 'malformed'; // reply not JSON / not an envelope: outcome unknown

export class PlatformError extends Error {
  readonly kind: PlatformErrorKind;
  readonly msgid: string;
  readonly infno: string;
  readonly errMsg?: string;
  readonly status?: number;
  readonly outcomeUnknown: boolean;

  constructor(
    message: string,
    init: { kind: PlatformErrorKind; msgid: string; infno: string; errMsg?: string; status?: number; outcomeUnknown: boolean; cause?: unknown },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'PlatformError';
    this.kind = init.kind;
    this.msgid = init.msgid;
    this.infno = init.infno;
    this.errMsg = init.errMsg;
    this.status = init.status;
    this.outcomeUnknown = init.outcomeUnknown;
  }
}

/** Connection errors that prove the request never left this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);

function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A gateway's own error body is usually {"message": "..."}; show it when present. */
function gatewayMessage(body: string): string {
  try {
    const m = (JSON.parse(body) as { message?: unknown }).message;
    return typeof m === 'string' && m ? `: ${m.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}

export class PlatformClient {
  /** True when the last call reached the platform (any HTTP answer), false after a time-out or network failure. */
  online = false;

  readonly profile: ProvinceProfile;
  readonly serviceUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly clock: () => Date;
  private readonly codec: ClientCodec;
  private readonly msgids: MsgidSequencer;
  /** One platform sign-in per operator code: a sign_no belongs to the opter_no that obtained it. */
  private readonly signIns = new Map<string, SignInState>();
  private readonly signInsPending = new Map<string, Promise<SignInState>>();
  /** Who each sign-in is for, so a 9002 at shutdown names them in its envelope. */
  private readonly signedInOperators = new Map<string, EnvelopeOperator>();
  private reserved: string[] = [];

  constructor(private readonly opts: PlatformClientOptions) {
    this.profile = opts.profile;
    this.serviceUrl = opts.baseUrl ?? opts.profile.serviceUrl;
    this.fetchFn = opts.fetch ?? fetch;
    this.clock = opts.clock ?? (() => new Date());
    this.codec = createClientCodec(opts.profile.signing);
    this.msgids = sharedMsgidSequencer(opts.msgidPrefix ?? opts.profile.agency.code);
    const stored = opts.signInStore?.load() ?? null;
    if (stored && this.usable(stored, opts.operator.code)) this.signIns.set(opts.operator.code, stored);
  }

  /** A msgid never used before on this workstation's database (reserved durably before it is handed out). */
  newMsgid(): string {
    const store = this.opts.msgidStore;
    const now = this.clock();
    if (!store) return this.msgids.next(now);
    // Ids of a second that has passed are dropped rather than sent with a stale stamp.
    const stamp = compactTime(now);
    while (this.reserved.length > 0 && this.reserved[0].slice(12, 26) < stamp) this.reserved.shift();
    if (this.reserved.length === 0) this.reserved = store.reserve(this.msgids, now, MSGID_BLOCK);
    return this.reserved.shift()!;
  }

  /** The default operator's current sign-in, if any (not checked for age). */
  get currentSignIn(): SignInState | null {
    return this.signIns.get(this.opts.operator.code) ?? null;
  }

  /** An operator's current sign-in, if any (not checked for age). */
  signInOf(opterNo: string): SignInState | null {
    return this.signIns.get(opterNo) ?? null;
  }

  private storeKey(opterNo: string): string | undefined {
    return opterNo === this.opts.operator.code ? undefined : opterNo;
  }

  async call<T = unknown>(infno: string, input: Record<string, unknown>, opts: CallOptions = {}): Promise<PlatformReply<T>> {
    const needsSignIn = !opts.skipSignIn && infno !== '9001';
    if (!needsSignIn) return this.send<T>(infno, input, opts, '');
    const operator = opts.operator ?? this.opts.operator;
    const state = await this.signIn(false, operator);
    try {
      return await this.send<T>(infno, input, opts, state.signNo);
    } catch (err) {
      // The platform forgot our sign_no (expired, restarted, signed out elsewhere): sign in once more, retry once
      // under the same msgid — the first attempt was refused, so nothing was done.
      if (err instanceof PlatformError && err.kind === 'business' && this.isSignNoRefusal(err.errMsg)) {
        const renewed = await this.signIn(true, operator);
        return this.send<T>(infno, input, { ...opts, msgid: err.msgid }, renewed.signNo);
      }
      throw err;
    }
  }

  /**
   * 9001 签到 of `operator` (default: the client's), reusing their still-fresh sign_no unless forced.
   * Concurrent callers for one operator share one sign-in.
   */
  async signIn(force = false, operator: EnvelopeOperator = this.opts.operator): Promise<SignInState> {
    const code = operator.code;
    const current = this.signIns.get(code) ?? this.loadStored(code);
    if (!force && current && this.usable(current, code)) return current;
    const pending = this.signInsPending.get(code);
    if (pending) return pending;
    const attempt = (async () => {
      const reply = await this.send<{ signinoutb?: { sign_no?: unknown; sign_time?: unknown } }>(
        '9001',
        { opter_no: code, mac: this.opts.mac ?? '', ip: this.opts.ip ?? '' },
        { operator },
        '',
      );
      const out = reply.output?.signinoutb;
      if (!out || typeof out.sign_no !== 'string' || !out.sign_no) {
        throw new PlatformError('平台签到应答缺少 sign_no', { kind: 'malformed', msgid: reply.msgid, infno: '9001', outcomeUnknown: false });
      }
      const state: SignInState = {
        signNo: out.sign_no,
        signTime: typeof out.sign_time === 'string' ? out.sign_time : infTime(this.clock()),
        opterNo: code,
        opterName: operator.name,
        opterType: operator.type,
        obtainedAt: this.clock().toISOString(),
        serviceUrl: this.serviceUrl,
      };
      this.signIns.set(code, state);
      this.signedInOperators.set(code, operator);
      this.opts.signInStore?.save(state, this.storeKey(code));
      return state;
    })();
    this.signInsPending.set(code, attempt);
    try {
      return await attempt;
    } finally {
      this.signInsPending.delete(code);
    }
  }

  /** Who a stored sign-in was for (older entries keep only the 工号). */
  private storedOperator(code: string): EnvelopeOperator {
    const s = this.signIns.get(code) ?? this.opts.signInStore?.load(code) ?? null;
    return { code, name: s?.opterName ?? code, type: s?.opterType ?? 1 };
  }

  /** A sign-in another process (or an earlier run) stored for this operator. */
  private loadStored(opterNo: string): SignInState | null {
    if (opterNo === this.opts.operator.code) return null; // loaded in the constructor
    const stored = this.opts.signInStore?.load(opterNo) ?? null;
    if (!stored || stored.opterNo !== opterNo || !this.usable(stored, opterNo)) return null;
    this.signIns.set(opterNo, stored);
    return stored;
  }

  /**
   * 9002 签退 of one operator (`operator` leaving at shift end; default the client's, on shutdown).
   * Forgets the sign_no even if the platform cannot be reached; nothing is sent when they were not signed in.
   */
  async signOut(operator: EnvelopeOperator = this.opts.operator): Promise<void> {
    const code = operator.code;
    const state = this.signIns.get(code) ?? this.loadStored(code);
    this.signIns.delete(code);
    this.signedInOperators.delete(code);
    this.opts.signInStore?.save(null, this.storeKey(code));
    if (!state) return;
    await this.send('9002', { sign_no: state.signNo, opter_no: state.opterNo }, { operator }, state.signNo);
  }

  /** 9002 for every operator this client signed in (on shutdown). */
  async signOutAll(): Promise<void> {
    const operators = new Set([this.opts.operator.code, ...this.signIns.keys(), ...(this.opts.signInStore?.storedOperators?.() ?? [])]);
    const failures: unknown[] = [];
    for (const code of operators) {
      const op = code === this.opts.operator.code ? this.opts.operator : (this.signedInOperators.get(code) ?? this.storedOperator(code));
      await this.signOut(op).catch((err: unknown) => failures.push(err));
    }
    if (failures.length) throw failures[0];
  }

  private usable(s: SignInState, opterNo: string): boolean {
    if (s.opterNo !== opterNo || s.serviceUrl !== this.serviceUrl) return false;
    const obtained = new Date(s.obtainedAt);
    const now = this.clock();
    if (Number.isNaN(obtained.getTime()) || obtained > now) return false;
    const ageMin = (now.getTime() - obtained.getTime()) / 60_000;
    // A sign-in belongs to one working day.
    return ageMin < this.profile.signIn.renewAfterMinutes && obtained.toDateString() === now.toDateString();
  }

  private isSignNoRefusal(errMsg: string | undefined): boolean {
    return !!errMsg && this.profile.signIn.invalidSignNoPatterns.some((p) => errMsg.includes(p));
  }

  private envelope(infno: string, msgid: string, input: Record<string, unknown>, opts: CallOptions, signNo: string): EnvelopeFields {
    const p = this.profile;
    const node = inputNodeFor(infno, p.inputNodes);
    const carriesPsnNo = typeof input.psn_no === 'string' && input.psn_no !== '';
    const operator = opts.operator ?? this.opts.operator;
    return {
      infno,
      msgid,
      mdtrtarea_admvs: p.mdtrtareaAdmvs,
      insuplc_admdvs: opts.insuplcAdmdvs ?? (carriesPsnNo ? p.defaultInsuplcAdmdvs : ''),
      recer_sys_code: p.recerSysCode,
      dev_no: this.opts.deviceNo ?? '',
      dev_safe_info: p.devSafeInfo,
      cainfo: p.cainfo,
      signtype: p.signing.type === 'sm' ? 'SM2' : '',
      infver: p.infver,
      opter_type: String(operator.type),
      opter: operator.code,
      opter_name: operator.name,
      inf_time: infTime(this.clock()),
      fixmedins_code: p.agency.code,
      fixmedins_name: p.agency.name,
      sign_no: signNo,
      input: { [node]: input },
    };
  }

  private async send<T>(infno: string, input: Record<string, unknown>, opts: CallOptions, signNo: string): Promise<PlatformReply<T>> {
    const msgid = opts.msgid ?? this.newMsgid();
    const env = this.envelope(infno, msgid, input, opts, signNo);
    const wire = this.codec.encodeRequest(JSON.stringify(env), this.clock());
    const timeoutMs = opts.timeoutMs ?? timeoutFor(this.profile, infno);
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    const base = { msgid, infno };
    let status: number;
    let text: string;
    try {
      const res = await this.fetchFn(this.serviceUrl, { method: 'POST', headers: wire.headers, body: wire.body, signal: ctrl.signal });
      status = res.status;
      text = await res.text();
    } catch (err) {
      this.online = false;
      if (ctrl.signal.aborted) {
        throw new PlatformError(`平台 ${timeoutMs / 1000} 秒内无应答 (交易 ${infno})，办理结果未知`, { ...base, kind: 'timeout', outcomeUnknown: true, cause: err });
      }
      const code = errorCode(err);
      const notSent = code !== undefined && NOT_SENT_CODES.has(code);
      throw new PlatformError(
        notSent ? `无法连接医保平台 (${code})，请检查网络` : `与医保平台的连接中断 (${code ?? '未知原因'})，办理结果未知`,
        { ...base, kind: 'network', outcomeUnknown: !notSent, cause: err },
      );
    } finally {
      clearTimeout(timer);
    }
    this.online = true;
    if (status < 200 || status >= 300) {
      throw new PlatformError(`医保平台返回 HTTP ${status}${gatewayMessage(text)}${status >= 500 ? '，办理结果未知' : ''}`, {
        ...base,
        kind: 'http',
        status,
        outcomeUnknown: status >= 500,
        errMsg: text.slice(0, 200) || undefined,
      });
    }
    let reply: ReplyEnvelope;
    let raw: unknown;
    try {
      raw = JSON.parse(this.codec.decodeReply(text));
      reply = ReplyEnvelope.parse(raw);
    } catch (err) {
      const why = err instanceof GatewayError ? err.message : '应答不是合法的报文';
      throw new PlatformError(`医保平台${why}，办理结果未知`, { ...base, kind: 'malformed', outcomeUnknown: true, cause: err });
    }
    const errMsg = reply.err_msg ?? null;
    if (reply.infcode !== 0) {
      throw new PlatformError(errMsg || `医保平台拒绝了交易 ${infno} (infcode ${reply.infcode})`, {
        ...base,
        kind: 'business',
        errMsg: errMsg ?? undefined,
        outcomeUnknown: false,
      });
    }
    return { msgid, infcode: reply.infcode, infRefmsgid: reply.inf_refmsgid, errMsg, output: (reply.output ?? {}) as T, raw };
  }
}
