import { afterEach, describe, expect, it } from 'vitest';
import { LeaseKeeper } from '../../../../../electron/services/outbox/lease-keeper';
import { UploadLease, type LeaseHolder } from '../../../../../electron/services/outbox/upload-lease';
import { FakeClock, tempDb } from '../../../../helpers/outbox-unit-kit';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const t = tempDb();
  cleanup = t.cleanup;
  const clock = new FakeClock();
  const lease = (pid: number) => new UploadLease(t.db, { role: pid === 1 ? 'app' : 'cli', now: clock.now, pid, host: 'h1', isAlive: () => true, ttlMs: 15_000 });
  const seen: { taken: number; lost: LeaseHolder[]; errors: unknown[] } = { taken: 0, lost: [], errors: [] };
  const keeper = (l: UploadLease) =>
    new LeaseKeeper(l, { taken: () => seen.taken++, lost: (h) => seen.lost.push(h), error: (e) => seen.errors.push(e) });
  return { clock, lease, keeper, seen };
}

describe('LeaseKeeper', () => {
  it('runs recovery (taken) once when it takes the lease, not on each renewal', () => {
    const { lease, keeper, seen } = setup();
    const k = keeper(lease(1));
    expect(k.take()).toBeNull();
    expect(k.take()).toBeNull();
    expect(k.holding).toBe(true);
    expect(seen.taken).toBe(1);
  });

  it('names the other holder while it is refused, and takes over (recovering again) once it is free', () => {
    const { lease, keeper, seen } = setup();
    const other = lease(2);
    other.acquire();
    const k = keeper(lease(1));
    expect(k.take()).toMatchObject({ pid: 2, role: 'cli' });
    expect(k.holding).toBe(false);
    expect(seen.taken).toBe(0);
    other.release();
    expect(k.take()).toBeNull();
    expect(seen.taken).toBe(1);
  });

  it('reports the lease lost (with the new holder) when another took it over after it expired', () => {
    const { clock, lease, keeper, seen } = setup();
    const k = keeper(lease(1));
    k.take();
    clock.advance(16_000); // stalled past the expiry
    lease(2).acquire();
    expect(k.take()).toMatchObject({ pid: 2 });
    expect(k.holding).toBe(false);
    expect(seen.lost).toMatchObject([{ pid: 2 }]);
  });

  it('release gives the lease up only if it is held', () => {
    const { lease, keeper } = setup();
    const mine = lease(1);
    const k = keeper(mine);
    k.release(); // not held: nothing to do
    k.take();
    k.release();
    expect(k.holding).toBe(false);
    expect(mine.holder()).toBeNull();
  });
});
