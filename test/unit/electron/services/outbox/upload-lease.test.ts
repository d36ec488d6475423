import { afterEach, describe, expect, it } from 'vitest';
import { leaseHeldMessage, UploadLease } from '../../../../../electron/services/outbox/upload-lease';
import { beginAttempt, getOutboxItemByCase } from '../../../../../electron/services/outbox/outbox-store';
import { FakePlatform } from '../../../../helpers/fake-platform';
import { accept, FakeClock, makeUploader, tempDb } from '../../../../helpers/outbox-unit-kit';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
function setup() {
  const t = tempDb();
  cleanups.push(t.cleanup);
  return { db: t.db, clock: new FakeClock() };
}

describe('UploadLease', () => {
  it('one holder at a time; the other is told who holds it', () => {
    const { db, clock } = setup();
    const app = new UploadLease(db, { role: 'app', now: clock.now, pid: 1001, host: 'h1', isAlive: () => true });
    const cli = new UploadLease(db, { role: 'cli', now: clock.now, pid: 1002, host: 'h1', isAlive: () => true });
    expect(app.acquire()).toEqual({ ok: true });
    const refused = cli.acquire();
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.holder).toMatchObject({ pid: 1001, role: 'app', id: app.id });
      expect(leaseHeldMessage(refused.holder)).toMatch(/^工作站正在上报/);
    }
    expect(cli.held).toBe(false);
    expect(app.held).toBe(true);
  });

  it('a holder that stops heartbeating loses the lease at expiry; the old holder then knows it lost it', () => {
    const { db, clock } = setup();
    const a = new UploadLease(db, { role: 'app', now: clock.now, pid: 1, host: 'other-host', ttlMs: 15_000 });
    const b = new UploadLease(db, { role: 'cli', now: clock.now, pid: 2, host: 'h1', ttlMs: 15_000 });
    expect(a.acquire().ok).toBe(true);
    clock.advance(14_000);
    expect(b.acquire().ok).toBe(false); // still fresh
    clock.advance(2_000);
    expect(b.acquire().ok).toBe(true); // expired: taken over
    expect(a.held).toBe(false);
    expect(a.ensure()).toBe(false);
  });

  it('heartbeats keep it: ensure() renews after a third of its life', () => {
    const { db, clock } = setup();
    const a = new UploadLease(db, { role: 'app', now: clock.now, pid: 1, host: 'h1', ttlMs: 15_000 });
    const b = new UploadLease(db, { role: 'cli', now: clock.now, pid: 2, host: 'h1', ttlMs: 15_000, isAlive: () => true });
    expect(a.acquire().ok).toBe(true);
    for (let i = 0; i < 10; i++) {
      clock.advance(6_000);
      expect(a.ensure()).toBe(true);
    }
    expect(b.acquire().ok).toBe(false);
    expect(a.holder()?.acquiredAt).toBe(new Date(clock.t - 60_000).toISOString());
  });

  it('a crashed holder on this machine (pid gone) is taken over at once', () => {
    const { db, clock } = setup();
    const dead = new UploadLease(db, { role: 'app', now: clock.now, pid: 4242, host: 'h1' });
    expect(dead.acquire().ok).toBe(true);
    const alive = new UploadLease(db, { role: 'cli', now: clock.now, pid: 77, host: 'h1', isAlive: (pid) => pid !== 4242 });
    expect(alive.acquire().ok).toBe(true);
  });

  it('release frees it only for the holder; a garbled lease row counts as free', () => {
    const { db, clock } = setup();
    const a = new UploadLease(db, { role: 'app', now: clock.now, pid: 1, host: 'h1', isAlive: () => true });
    const b = new UploadLease(db, { role: 'cli', now: clock.now, pid: 2, host: 'h1', isAlive: () => true });
    expect(a.acquire().ok).toBe(true);
    b.release(); // not b's: no effect
    expect(b.acquire().ok).toBe(false);
    a.release();
    expect(b.acquire().ok).toBe(true);
    db.prepare(`UPDATE settings SET value = '{"id": 5' WHERE key = 'outbox.uploadLease'`).run();
    expect(a.acquire().ok).toBe(true);
  });
});

describe('Uploader under the lease', () => {
  it('sends nothing and leaves in-flight items alone while another uploader holds the lease', async () => {
    const { db, clock } = setup();
    const platform = new FakePlatform();
    const c = accept(db, clock);
    const other = accept(db, clock, { businessKey: 'P1:OTHER' });
    // The other uploader (the app) is sending `other` right now.
    const holder = new UploadLease(db, { role: 'app', now: clock.now, pid: 999, host: 'h1', isAlive: () => true });
    expect(holder.acquire().ok).toBe(true);
    const item = getOutboxItemByCase(db, other.id)!;
    beginAttempt(db, item.id, { action: 'send', infno: 'REG', msgid: 'M-IN-FLIGHT', now: clock.now() });

    const up = makeUploader(db, platform, clock, { lease: new UploadLease(db, { role: 'cli', now: clock.now, pid: 1000, host: 'h1', isAlive: () => true }) });
    const s = await up.syncOnce();
    expect(s).toMatchObject({ attempted: 0, leaseHolder: { pid: 999, role: 'app' } });
    expect(platform.calls).toEqual([]);
    expect(getOutboxItemByCase(db, other.id)!.state).toBe('in-flight'); // not "recovered" under the app's feet
    expect(getOutboxItemByCase(db, c.id)!.state).toBe('pending');

    // The app stops (releases): now this uploader takes over, recovers the in-flight item and sends.
    holder.release();
    const s2 = await up.syncOnce();
    expect(s2.leaseHolder).toBeUndefined();
    expect(s2.done).toBe(2);
    expect(platform.calls.map((x) => x.infno)).toEqual(expect.arrayContaining(['REG', 'QUERY']));
    await up.stop();
    expect(holder.acquire().ok).toBe(true); // stop() gave the lease back
  });
});

describe('Uploader losing the lease mid-pass', () => {
  it('stops sending once another uploader has taken over (it stalled past the expiry)', async () => {
    const { db, clock } = setup();
    const platform = new FakePlatform();
    for (const k of ['A', 'B', 'C']) accept(db, clock, { businessKey: k });
    const mine = new UploadLease(db, { role: 'app', now: clock.now, pid: 1, host: 'h1', isAlive: () => true });
    const other = new UploadLease(db, { role: 'cli', now: clock.now, pid: 2, host: 'h1', isAlive: () => true });
    const call = platform.call.bind(platform);
    let stalled = false;
    platform.call = async (infno, input, opts) => {
      if (!stalled) {
        stalled = true;
        clock.advance(20_000); // this process froze for 20 s …
        expect(other.acquire().ok).toBe(true); // … and counter sync took the expired lease
      }
      return call(infno, input, opts);
    };
    const up = makeUploader(db, platform, clock, { concurrency: 1, lease: mine });
    const s = await up.syncOnce();
    expect(platform.calls).toHaveLength(1); // the send already under way finished; nothing more went out
    expect(s.attempted).toBe(1);
    const states = db.prepare('SELECT state FROM outbox ORDER BY id').all().map((r) => (r as { state: string }).state);
    expect(states).toEqual(['done', 'pending', 'pending']);
    expect((await up.syncOnce()).leaseHolder).toMatchObject({ role: 'cli' });
  });
});
