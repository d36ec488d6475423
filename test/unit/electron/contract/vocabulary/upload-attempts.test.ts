import { describe, expect, it } from 'vitest';
import { attemptActionName, attemptOutcomeName } from '../../../../../electron/contract/vocabulary/upload-attempts';
import type { AttemptAction, AttemptOutcome } from '../../../../../electron/services/outbox/outbox-store';

// Records over the outbox's own unions: a new action or outcome there stops this file compiling until it is listed.
const ACTIONS: Record<AttemptAction, true> = { send: true, query: true, reverse: true };
const OUTCOMES: Record<AttemptOutcome, true> = { ok: true, refused: true, unknown: true, error: true, found: true, 'not-ours': true, 'not-found': true, interrupted: true };
const HAN = /^[\u4e00-\u9fff]+$/;

describe('upload attempt names', () => {
  it('name every action and outcome the outbox records, each differently', () => {
    const actions = Object.keys(ACTIONS).map(attemptActionName);
    const outcomes = Object.keys(OUTCOMES).map(attemptOutcomeName);
    for (const n of [...actions, ...outcomes]) expect(n).toMatch(HAN);
    expect(new Set(actions).size).toBe(actions.length);
    expect(new Set(outcomes).size).toBe(outcomes.length);
    expect(attemptActionName('reverse')).toBe('冲正');
    expect(attemptOutcomeName('not-ours')).toBe('他人已办理');
  });

  it('show an attempt still open as 进行中 and an unknown code as it is', () => {
    expect(attemptOutcomeName(null)).toBe('进行中');
    expect(attemptOutcomeName('')).toBe('进行中');
    expect(attemptOutcomeName('weird')).toBe('weird');
    expect(attemptActionName('resend')).toBe('resend');
  });
});
