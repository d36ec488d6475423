/**
 * What a failed platform call means for the item, decided from the failure alone (pure, no I/O), so the
 * rules that keep a case from being filed twice can be read — and tested — in one place:
 * - the client's own sign-in (9001) was refused: nothing of ours was sent;
 * - a business refusal is final (the clerk decides), unless it reads as "already registered" and the kind can
 *   be looked up: then a query decides;
 * - time-out / network / 5xx / garbled: it may have been done (unknown); other failures: retry later.
 * A 2601 reversal refused with "the original is not there" means the send never landed: resend.
 */
import type { PlatformFailure } from './platform-port';

/** err_msg fragments meaning "already registered" (then a query decides). */
export const DEFAULT_DUPLICATE_PATTERNS = ['重复', '已存在', '已备案', '已申报', '已提交'];
/** err_msg fragments of a 2601 refusal meaning "the original transaction is not there". */
export const DEFAULT_REVERSAL_NOT_FOUND = ['不存在', '未找到', '无此交易', '无需冲正'];

export type SendFailure =
  /** The client's sign-in failed before our transaction: retry later. */
  | { kind: 'sign-in-refused'; message: string }
  /** Refused as already there: look it up before deciding. */
  | { kind: 'duplicate'; message: string }
  /** Refused: the clerk must look (the platform's message verbatim). */
  | { kind: 'refused'; message: string }
  /** May or may not have been done: look it up before any resend. */
  | { kind: 'unknown'; message: string }
  /** Nothing was done: retry later with backoff. */
  | { kind: 'retry'; message: string };

export type ReversalFailure =
  | { kind: 'sign-in-refused'; message: string }
  /** The original is not on the platform: safe to resend. */
  | { kind: 'not-there'; message: string }
  | { kind: 'refused'; message: string }
  /** The reversal itself did not get through: still unknown. */
  | { kind: 'failed'; message: string };

/** The platform's own words for a failure, else the client's description. */
export function failureText(f: PlatformFailure): string {
  return f.errMsg ?? f.message;
}

/** A business failure of another transaction than ours: the client's sign-in, not our case. */
function signInRefusal(f: PlatformFailure, ours: string): string | null {
  return f.kind === 'business' && f.infno && f.infno !== ours ? `签到失败 (${f.infno}): ${failureText(f)}` : null;
}

export function classifySendFailure(
  f: PlatformFailure,
  o: { infno: string; canQuery: boolean; duplicatePatterns: readonly string[] },
): SendFailure {
  const signIn = signInRefusal(f, o.infno);
  if (signIn) return { kind: 'sign-in-refused', message: signIn };
  if (f.kind === 'business') {
    const message = failureText(f);
    const duplicate = o.canQuery && o.duplicatePatterns.some((p) => message.includes(p));
    return { kind: duplicate ? 'duplicate' : 'refused', message };
  }
  return { kind: f.outcomeUnknown ? 'unknown' : 'retry', message: f.message };
}

export function classifyReversalFailure(f: PlatformFailure, o: { infno: string; notFoundPatterns: readonly string[] }): ReversalFailure {
  const signIn = signInRefusal(f, o.infno);
  if (signIn) return { kind: 'sign-in-refused', message: signIn };
  const message = failureText(f);
  if (f.kind !== 'business') return { kind: 'failed', message };
  return { kind: o.notFoundPatterns.some((p) => message.includes(p)) ? 'not-there' : 'refused', message };
}

/** Network-level failures (no answer at all) mean the platform is unreachable; any answer means it is reachable. */
export function isUnreachable(f: PlatformFailure): boolean {
  return f.kind === 'network' || f.kind === 'timeout';
}
