import { describe, expect, it } from 'vitest';
import { Reachability } from '../../../../../electron/services/outbox/reachability';
import type { PlatformFailure } from '../../../../../electron/services/outbox/platform-port';
import { FakeClock } from '../../../../helpers/outbox-unit-kit';

const down: PlatformFailure = { kind: 'network', outcomeUnknown: false, message: '无法连接医保平台' };
const refused: PlatformFailure = { kind: 'business', outcomeUnknown: false, errMsg: '病种编码不在目录内', message: '病种编码不在目录内' };

function setup() {
  const clock = new FakeClock();
  // random 0.999…: each probe delay is the top of its window, so the doubling shows.
  return { clock, reach: new Reachability({ baseMs: 1000, capMs: 4000 }, clock.now, () => 0.999999) };
}

describe('Reachability', () => {
  it('starts online with every slot open', () => {
    const { reach } = setup();
    expect(reach.online).toBe(true);
    expect(reach.sendLimit(4, 0)).toBe(4);
    expect(reach.sendLimit(4, 3)).toBe(4);
    expect(reach.wakeAt(123)).toBe(123);
  });

  it('goes offline on the first network failure only, then allows one probe once its backed-off time has come', () => {
    const { clock, reach } = setup();
    expect(reach.noteFailure(down)).toBe('went-offline');
    expect(reach.online).toBe(false);
    expect(reach.sendLimit(4, 0)).toBe(0);
    expect(reach.wakeAt(clock.t)).toBe(clock.t + 999);
    clock.advance(999);
    expect(reach.sendLimit(4, 0)).toBe(1);
    expect(reach.sendLimit(4, 1)).toBe(0); // never two probes at once
    expect(reach.noteFailure(down)).toBeNull(); // already offline: no second transition
    expect(reach.wakeAt(clock.t)).toBe(clock.t + 1999); // backs off: 1 s, 2 s, 4 s (cap)
    expect(reach.noteFailure(down)).toBeNull();
    expect(reach.noteFailure(down)).toBeNull();
    expect(reach.wakeAt(clock.t)).toBe(clock.t + 3999);
  });

  it('comes back online at the first answer, even a refusal, and forgets the backoff', () => {
    const { clock, reach } = setup();
    reach.noteFailure(down);
    reach.noteFailure(down);
    expect(reach.noteFailure(refused)).toBe('came-online');
    expect(reach.online).toBe(true);
    expect(reach.noteAnswer()).toBeNull(); // already online
    expect(reach.noteFailure(down)).toBe('went-offline');
    expect(reach.wakeAt(clock.t)).toBe(clock.t + 999); // the first step again
  });

  it('probeNow lets the next probe go at once (the clerk asked)', () => {
    const { clock, reach } = setup();
    reach.noteFailure(down);
    expect(reach.sendLimit(4, 0)).toBe(0);
    reach.probeNow();
    expect(reach.sendLimit(4, 0)).toBe(1);
    expect(reach.online).toBe(false);
    expect(reach.wakeAt(clock.t)).toBe(clock.t);
  });
});
