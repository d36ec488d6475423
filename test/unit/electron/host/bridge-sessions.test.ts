import { describe, expect, it } from 'vitest';
import { BridgeSessions } from '../../../../electron/host/bridge-sessions';
import { TokenBucket } from '../../../../electron/host/token-bucket';

describe('bridge sessions', () => {
  it('trades the launch secret exactly once and mints a fresh one in its place', () => {
    const s = new BridgeSessions();
    const secret = s.launchSecret;
    const r = s.exchange(secret);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.nextLaunchSecret).toBe(s.launchSecret);
    expect(s.launchSecret).not.toBe(secret);
    expect(r.token).not.toBe(secret);
    expect(s.exchange(secret)).toEqual({ ok: false, code: 'launch-invalid', message: expect.stringContaining('已被使用') });
    expect(s.exchange(s.launchSecret).ok).toBe(true);
  });

  it('refuses wrong, empty, oversize and non-string secrets without throwing', () => {
    const s = new BridgeSessions();
    for (const bad of ['', 'x', s.launchSecret + 'x', s.launchSecret.slice(1), 'a'.repeat(10_000), undefined, 42, null]) {
      expect(s.exchange(bad as string)).toMatchObject({ ok: false, code: 'launch-invalid' });
    }
    // A wrong guess does not spend the real secret.
    expect(s.exchange(s.launchSecret).ok).toBe(true);
  });

  it('resumes a session by its token with the same Caller, and refuses unknown tokens', () => {
    const s = new BridgeSessions({ now: () => 1000 });
    const r = s.exchange(s.launchSecret);
    if (!r.ok) throw new Error('exchange failed');
    expect(r.session.caller).toMatchObject({ transport: 'websocket', operator: null, locked: false, lastActivityAt: 1000 });
    const again = s.resume(r.token);
    expect(again.ok && again.session.caller).toBe(r.session.caller);
    expect(s.resume('nope')).toMatchObject({ ok: false, code: 'session-invalid' });
    expect(s.resume(s.launchSecret)).toMatchObject({ ok: false, code: 'session-invalid' });
    expect(s.resume('a'.repeat(10_000))).toMatchObject({ ok: false, code: 'session-invalid' });
  });

  it('each exchange is its own session with its own Caller', () => {
    const s = new BridgeSessions();
    const a = s.exchange(s.launchSecret);
    const b = s.exchange(s.launchSecret);
    if (!a.ok || !b.ok) throw new Error('exchange failed');
    expect(a.token).not.toBe(b.token);
    expect(a.session.caller).not.toBe(b.session.caller);
    expect(a.session.caller.id).not.toBe(b.session.caller.id);
  });

  it('forgets the oldest session beyond the cap', () => {
    const s = new BridgeSessions({ maxSessions: 2 });
    const tokens = [1, 2, 3].map(() => {
      const r = s.exchange(s.launchSecret);
      if (!r.ok) throw new Error('exchange failed');
      return r.token;
    });
    expect(s.size).toBe(2);
    expect(s.resume(tokens[0]).ok).toBe(false);
    expect(s.resume(tokens[2]).ok).toBe(true);
  });
});

describe('token bucket', () => {
  it('allows a burst of capacity, then refills at the given rate', () => {
    let t = 0;
    const b = new TokenBucket(3, 2, () => t);
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
    t = 400;
    expect(b.take()).toBe(false);
    t = 1000;
    expect(b.take()).toBe(true);
    t = 100_000;
    expect([b.take(), b.take(), b.take(), b.take()]).toEqual([true, true, true, false]);
  });
});
