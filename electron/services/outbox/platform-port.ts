/**
 * What the outbox needs from the platform client, and how it reads the client's errors.
 * Kept structural so the outbox can be driven by the real PlatformClient or a test double.
 */
import type { CaseKind, CaseRecord } from '../cases/case-store';
import type { CallOptions, EnvelopeOperator, PlatformErrorKind, PlatformReply } from '../platform/client';

export interface PlatformCaller {
  newMsgid(): string;
  call<T = unknown>(infno: string, input: Record<string, unknown>, opts?: CallOptions): Promise<PlatformReply<T>>;
}

/** The fields of PlatformError the outbox classifies on. */
export interface PlatformFailure {
  kind: PlatformErrorKind;
  outcomeUnknown: boolean;
  /** The transaction that failed: differs from the one we sent when the client's own sign-in (9001) failed. */
  infno?: string;
  errMsg?: string;
  status?: number;
  message: string;
}

export function asPlatformFailure(err: unknown): PlatformFailure | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as Partial<PlatformFailure>;
  const kinds: readonly string[] = ['business', 'timeout', 'network', 'http', 'malformed'];
  if (typeof e.kind !== 'string' || !kinds.includes(e.kind) || typeof e.outcomeUnknown !== 'boolean') return null;
  return e as PlatformFailure;
}

export interface SendContext {
  client: PlatformCaller;
  /** The msgid this attempt must use (already persisted). */
  msgid: string;
  /** For a cancellation: the registration case (filed, with its platform result). */
  registration?: CaseRecord;
  /** The operator who did the business (the case's acceptor): the envelope's opter; absent → the client's own. */
  operator?: EnvelopeOperator;
  /** The 9101 file_qury_no of the case's materials, uploaded before this filing (absent: none). */
  fileQuryNos?: readonly string[];
}

/** The envelope operator of a case: whoever accepted it, when the case recorded them. */
export function caseOperator(c: CaseRecord): EnvelopeOperator | undefined {
  return c.createdByName ? { code: c.createdBy, name: c.createdByName, type: c.opterType ?? 1 } : undefined;
}

/** The call options of one attempt: its msgid and the case's operator. */
export function attemptOptions(ctx: SendContext): CallOptions {
  return ctx.operator ? { msgid: ctx.msgid, operator: ctx.operator } : { msgid: ctx.msgid };
}

/**
 * A lookup found the business on the platform, but nothing proves it is ours (another office's 办件编号, or
 * none): the case must not count as filed. The message tells the clerk what was found.
 */
export class NotOurs {
  constructor(readonly message: string) {}
}

/** Files one kind of case, and finds it again on the platform by business key. */
export interface CaseSender {
  /** Sends the case; resolves with the platform's output to keep on the case (e.g. trt_dcla_detl_sn). */
  send(ctx: SendContext, c: CaseRecord): Promise<Record<string, unknown>>;
  /**
   * Looks the case up by its business key: the platform's record if it exists and is provably ours (it carries
   * our 办件编号), NotOurs when the business is there but filed by someone else, else null.
   * Absent when the platform offers no query for this kind (the uploader then reverses with 2601).
   */
  query?(ctx: SendContext, c: CaseRecord): Promise<Record<string, unknown> | NotOurs | null>;
}

/** The sender of each kind of case. */
export type SenderRegistry = Record<CaseKind, CaseSender>;
