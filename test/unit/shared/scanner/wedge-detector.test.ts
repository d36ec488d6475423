import { describe, expect, it } from 'vitest';
import { WedgeDetector, type WedgeDecision, type WedgeOptions } from '../../../../shared/scanner/wedge-detector';

/** Feeds characters (and 'Enter' as ⏎) with a fixed gap; returns every decision. */
function feed(d: WedgeDetector, text: string, gapMs: number, start = 1000): WedgeDecision[] {
  let t = start;
  return [...text].map((ch) => d.feed({ key: ch === '⏎' ? 'Enter' : ch, time: (t += gapMs) }));
}

describe('WedgeDetector', () => {
  it('recognises a fast burst ending in Enter, swallows it and retracts the leaked start', () => {
    const d = new WedgeDetector();
    const ds = feed(d, 'A12345678⏎', 5);
    expect(ds.map((x) => x.swallow)).toEqual([false, false, false, true, true, true, true, true, true, true]);
    expect(ds[3].retract).toBe(3); // 'A12' reached the field before the burst was known
    expect(ds.filter((x) => x.retract > 0)).toHaveLength(1);
    expect(ds[9].scan).toBe('A12345678');
  });

  it('lets normal typing through untouched (Enter included)', () => {
    const d = new WedgeDetector();
    const ds = feed(d, '张三abc123⏎', 120);
    expect(ds.every((x) => !x.swallow && x.retract === 0 && !x.scan && !x.abandoned)).toBe(true);
  });

  it('treats fast typing below the threshold (2–3 rolled keys) as typing', () => {
    const d = new WedgeDetector();
    const ds = [...feed(d, 'abc', 10, 0), ...feed(d, 'def⏎', 10, 500)];
    expect(ds.every((x) => !x.swallow && !x.scan)).toBe(true);
  });

  it('ignores Shift inside a burst (scanners press Shift for capitals) and swallows it', () => {
    const d = new WedgeDetector();
    const keys = ['Shift', 'A', '1', '2', '3', 'Shift', '4', '5', '6', '7', '8', 'Enter'];
    const ds = keys.map((key, i) => d.feed({ key, time: 100 + i * 4 }));
    expect(ds[ds.length - 1].scan).toBe('A12345678');
    expect(ds[0].swallow).toBe(false); // before the burst is known
    expect(ds[5].swallow).toBe(true);
  });

  it('abandons a too-short burst ending in Enter instead of emitting a scan', () => {
    const d = new WedgeDetector({ minLength: 6 });
    const ds = feed(d, 'abcd⏎', 5);
    expect(ds[4]).toMatchObject({ swallow: true, abandoned: 'abcd' });
    expect(ds.some((x) => x.scan)).toBe(false);
  });

  it('reports a burst that stops without Enter as abandoned on the next key or on tick()', () => {
    const d = new WedgeDetector();
    feed(d, 'A1234567', 5, 0);
    const next = d.feed({ key: 'x', time: 1000 });
    expect(next.abandoned).toBe('A1234567');
    expect(next.swallow).toBe(false);
    const d2 = new WedgeDetector();
    feed(d2, 'A1234567', 5, 0);
    expect(d2.tick(20).abandoned).toBeUndefined(); // still within the gap
    expect(d2.tick(500).abandoned).toBe('A1234567');
    expect(d2.scanning).toBe(false);
  });

  it('with idleEndsScan, a pause ends a suffix-less scan', () => {
    const d = new WedgeDetector({ idleEndsScan: true });
    feed(d, 'A12345678', 5, 0);
    expect(d.tick(1000).scan).toBe('A12345678');
  });

  it('a slow Enter after a burst does not make a scan', () => {
    const d = new WedgeDetector();
    feed(d, 'A12345678', 5, 0);
    const late = d.feed({ key: 'Enter', time: 1000 });
    expect(late.scan).toBeUndefined();
    expect(late.swallow).toBe(false);
    expect(late.abandoned).toBe('A12345678');
  });

  it('modifier combinations and editing keys reset detection', () => {
    const d = new WedgeDetector();
    feed(d, 'abc', 5, 0);
    expect(d.feed({ key: 'v', time: 20, ctrlKey: true }).swallow).toBe(false);
    expect(d.feed({ key: 'd', time: 25 }).swallow).toBe(false); // counting restarted
    feed(d, 'ab', 5, 25);
    expect(d.feed({ key: 'Backspace', time: 40 }).swallow).toBe(false);
    expect(d.feed({ key: 'x', time: 42 }).swallow).toBe(false);
  });

  it('honours configured thresholds and terminators', () => {
    const opts: WedgeOptions = { maxGapMs: 50, burstKeys: 3, minLength: 3, terminators: ['Tab'] };
    const d = new WedgeDetector(opts);
    const ds = ['1', '2', '3', 'Tab'].map((key, i) => d.feed({ key, time: i * 40 }));
    expect(ds[2].retract).toBe(2);
    expect(ds[3].scan).toBe('123');
  });

  it('bounds an endless burst and does not report it as a scan', () => {
    const d = new WedgeDetector({ maxLength: 100 });
    const ds = feed(d, 'a'.repeat(10_000) + '⏎', 1);
    expect(ds[ds.length - 1].scan).toBeUndefined();
    expect(ds[ds.length - 1].abandoned?.length).toBe(100);
  });
});
