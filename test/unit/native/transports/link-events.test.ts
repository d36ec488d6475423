import { describe, expect, it } from 'vitest';
import { LinkEvents } from '../../../../native/transports/link-events';

describe('LinkEvents', () => {
  it('fans data out to every subscriber until it unsubscribes', () => {
    const ev = new LinkEvents();
    const a: string[] = [];
    const b: string[] = [];
    ev.onData((c) => a.push(c.toString()));
    const offB = ev.onData((c) => b.push(c.toString()));
    ev.emitData(Buffer.from('x'));
    offB();
    ev.emitData(Buffer.from('y'));
    expect(a).toEqual(['x', 'y']);
    expect(b).toEqual(['x']);
  });

  it('delivers the close notice once per opening, with the loss reason', () => {
    const ev = new LinkEvents();
    const seen: Array<string | undefined> = [];
    ev.onClose((err) => seen.push(err?.message));
    ev.emitClose(new Error('unplugged'));
    ev.emitClose();
    expect(seen).toEqual(['unplugged']);
    expect(ev.closed).toBe(true);
    ev.rearm();
    ev.emitClose();
    expect(seen).toEqual(['unplugged', undefined]);
  });

  it('lets a close listener unsubscribe others while being notified', () => {
    const ev = new LinkEvents();
    const calls: string[] = [];
    let offSecond = () => false;
    ev.onClose(() => (calls.push('first'), offSecond()));
    offSecond = ev.onClose(() => calls.push('second')) as () => boolean;
    ev.emitClose();
    expect(calls).toEqual(['first', 'second']);
  });
});
