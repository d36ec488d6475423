import { afterEach, describe, expect, it } from 'vitest';
import type { ChangedEvent, Uploader } from '../../../../../electron/services/outbox/uploader';
import { FakePlatform } from '../../../../helpers/fake-platform';
import { accept, FakeClock, makeUploader, tempDb } from '../../../../helpers/outbox-unit-kit';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/**
 * Never called: `npx tsc` checks it. Each line marked @ts-expect-error must NOT compile — if the uploader's
 * events were untyped again, the marks would be unused and tsc would fail.
 */
export function wrongUseDoesNotCompile(up: Uploader): void {
  // @ts-expect-error an event the uploader does not have
  up.on('chagned', () => undefined);
  // @ts-expect-error emitting an event the uploader does not have
  up.emit('offlined');
  // @ts-expect-error a payload missing fields
  up.emit('changed', { itemId: 1 });
  // @ts-expect-error a state the outbox does not have
  up.emit('changed', { itemId: 1, caseId: 1, state: 'sent' });
  // @ts-expect-error 'online' carries no payload
  up.emit('online', true);
  // @ts-expect-error a listener expecting the wrong payload
  up.on('changed', (e: { state: number }) => e.state);
  // @ts-expect-error the lease-lost holder has no such field
  up.on('lease-lost', (h) => h.owner);
}

describe('Uploader events', () => {
  it('emits changed with the item, its case and each state it passes through, and offline/online', async () => {
    const t = tempDb();
    cleanup = t.cleanup;
    const clock = new FakeClock();
    const platform = new FakePlatform();
    const c = accept(t.db, clock);
    const up = makeUploader(t.db, platform, clock);
    const changed: ChangedEvent[] = [];
    const reach: string[] = [];
    up.on('changed', (e) => changed.push(e));
    up.on('offline', () => reach.push('offline'));
    up.on('online', () => reach.push('online'));

    platform.faults.push({ type: 'down' });
    await up.syncOnce();
    clock.advance(60_000);
    await up.syncOnce();

    const mine = changed.filter((e) => e.caseId === c.id);
    expect(mine.map((e) => e.state)).toEqual(['in-flight', 'retry', 'in-flight', 'done']);
    expect(new Set(mine.map((e) => e.itemId)).size).toBe(1);
    expect(reach).toEqual(['offline', 'online']);
  });
});
