import { describe, expect, it } from 'vitest';
import {
  classifyReversalFailure,
  classifySendFailure,
  DEFAULT_DUPLICATE_PATTERNS,
  DEFAULT_REVERSAL_NOT_FOUND,
  isUnreachable,
} from '../../../../../electron/services/outbox/outcome-classification';
import type { PlatformFailure } from '../../../../../electron/services/outbox/platform-port';

const send = { infno: '2503', canQuery: true, duplicatePatterns: DEFAULT_DUPLICATE_PATTERNS };
const reversal = { infno: '2601', notFoundPatterns: DEFAULT_REVERSAL_NOT_FOUND };

function failure(over: Partial<PlatformFailure>): PlatformFailure {
  return { kind: 'business', outcomeUnknown: false, message: '平台返回失败', ...over };
}

describe('classifySendFailure', () => {
  it('a refusal of the client sign-in (another infno) is a retry, named with that infno, not a refusal of our case', () => {
    expect(classifySendFailure(failure({ infno: '9001', errMsg: '签到口令错误' }), send)).toEqual({
      kind: 'sign-in-refused',
      message: '签到失败 (9001): 签到口令错误',
    });
  });

  it('a business refusal of our own transaction needs the clerk, with err_msg verbatim', () => {
    expect(classifySendFailure(failure({ infno: '2503', errMsg: '病种编码不在目录内' }), send)).toEqual({ kind: 'refused', message: '病种编码不在目录内' });
    // Without err_msg the client's own description is the message.
    expect(classifySendFailure(failure({ message: 'HTTP 200 但 infcode=-1' }), send)).toEqual({ kind: 'refused', message: 'HTTP 200 但 infcode=-1' });
  });

  it('a refusal that reads as already registered is a duplicate (a query decides), but only where the kind can be queried', () => {
    for (const p of DEFAULT_DUPLICATE_PATTERNS) {
      expect(classifySendFailure(failure({ errMsg: `该人员${p}` }), send).kind).toBe('duplicate');
    }
    expect(classifySendFailure(failure({ errMsg: '该人员已备案' }), { ...send, canQuery: false }).kind).toBe('refused');
    expect(classifySendFailure(failure({ errMsg: '该人员已备案' }), { ...send, duplicatePatterns: ['重复'] }).kind).toBe('refused');
  });

  it('a failure that may have been done is unknown; one that was not is a retry', () => {
    expect(classifySendFailure(failure({ kind: 'timeout', outcomeUnknown: true, message: '平台无应答' }), send)).toEqual({ kind: 'unknown', message: '平台无应答' });
    expect(classifySendFailure(failure({ kind: 'http', status: 502, outcomeUnknown: true, message: 'HTTP 502' }), send).kind).toBe('unknown');
    expect(classifySendFailure(failure({ kind: 'malformed', outcomeUnknown: true }), send).kind).toBe('unknown');
    expect(classifySendFailure(failure({ kind: 'http', status: 404, outcomeUnknown: false, message: 'HTTP 404' }), send)).toEqual({ kind: 'retry', message: 'HTTP 404' });
    expect(classifySendFailure(failure({ kind: 'network', outcomeUnknown: false }), send).kind).toBe('retry');
  });

  it('a non-business failure is never read as a refusal, whatever its message says', () => {
    expect(classifySendFailure(failure({ kind: 'network', outcomeUnknown: true, errMsg: '重复', message: '连接中断' }), send)).toEqual({ kind: 'unknown', message: '连接中断' });
  });
});

describe('classifyReversalFailure', () => {
  it('a 2601 saying the original is not there allows the resend', () => {
    for (const p of DEFAULT_REVERSAL_NOT_FOUND) {
      expect(classifyReversalFailure(failure({ errMsg: `原交易${p}` }), reversal)).toEqual({ kind: 'not-there', message: `原交易${p}` });
    }
  });

  it('any other 2601 refusal needs the clerk; a sign-in refusal and a failed call leave the item unknown', () => {
    expect(classifyReversalFailure(failure({ errMsg: '已结算不可冲正' }), reversal)).toEqual({ kind: 'refused', message: '已结算不可冲正' });
    expect(classifyReversalFailure(failure({ infno: '9001', errMsg: '签到口令错误' }), reversal)).toEqual({
      kind: 'sign-in-refused',
      message: '签到失败 (9001): 签到口令错误',
    });
    expect(classifyReversalFailure(failure({ kind: 'timeout', outcomeUnknown: true, message: '平台无应答' }), reversal)).toEqual({ kind: 'failed', message: '平台无应答' });
    expect(classifyReversalFailure(failure({ kind: 'network', errMsg: '不存在' }), reversal).kind).toBe('failed');
  });
});

describe('isUnreachable', () => {
  it('only failures with no answer at all (network, time-out) mean the platform is unreachable', () => {
    expect(isUnreachable(failure({ kind: 'network' }))).toBe(true);
    expect(isUnreachable(failure({ kind: 'timeout' }))).toBe(true);
    for (const kind of ['business', 'http', 'malformed'] as const) expect(isUnreachable(failure({ kind }))).toBe(false);
  });
});
