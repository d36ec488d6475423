import { afterEach, describe, expect, it, vi } from 'vitest';
import { pollEvery } from '../../../../../renderer/src/api/poll';

afterEach(() => vi.useRealTimers());

describe('pollEvery', () => {
  it('skips the ticks that come while a call is still waiting, so a backlog of ticks sends one call', async () => {
    vi.useFakeTimers();
    let release: () => void = () => undefined;
    const fn = vi.fn(() => new Promise<void>((r) => (release = r)));
    const stop = pollEvery(fn, 10_000);
    await vi.advanceTimersByTimeAsync(601_000); // 60 ticks at once, as after a fast-forward or a resume
    expect(fn).toHaveBeenCalledTimes(1);
    release();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fn).toHaveBeenCalledTimes(2);
    stop();
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('keeps polling after a failed call', async () => {
    vi.useFakeTimers();
    const fn = vi.fn(() => Promise.reject(new Error('down')));
    const stop = pollEvery(fn, 1000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(fn).toHaveBeenCalledTimes(3);
    stop();
  });
});
