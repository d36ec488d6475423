/** The redacted log reaches the attached file sink: the same masked text, only from the configured level up. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { attachLogSink, log, setLogFileLevel } from '../../../../electron/host/log';
import type { LogSink } from '../../../../electron/host/ops/log-file';
import type { LogLevel } from '../../../../electron/host/ops/ops-config';

function memorySink(): LogSink & { lines: Array<[LogLevel, string]>; closed: number } {
  const s = { lines: [] as Array<[LogLevel, string]>, closed: 0, write: (l: LogLevel, m: string) => void s.lines.push([l, m]), close: () => void s.closed++ };
  return s;
}

const quiet = () => [vi.spyOn(process.stdout, 'write').mockImplementation(() => true), vi.spyOn(process.stderr, 'write').mockImplementation(() => true)];
let detach: (() => void) | null = null;
afterEach(() => {
  detach?.();
  vi.restoreAllMocks();
});

describe('attachLogSink', () => {
  it('writes the redacted line, never the ID number or the name beside it', () => {
    const [out, err] = quiet();
    const sink = memorySink();
    detach = attachLogSink(sink, 'info');
    log.error('平台拒绝: 参保人李四(990102198507220023) 未参保', { psn_name: '李四', certno: '990102198507220023' });
    expect(sink.lines).toHaveLength(1);
    const [level, text] = sink.lines[0];
    expect(level).toBe('error');
    expect(text).not.toContain('990102198507220023');
    expect(text).not.toContain('李四');
    expect(text).toContain('990102********0023');
    expect(err.mock.calls.map(([t]) => String(t)).join('')).toContain(text);
    expect(out).not.toHaveBeenCalled();
  });

  it('masks a mobile number standing alone, not digits inside a longer number', () => {
    quiet();
    const sink = memorySink();
    detach = attachLogSink(sink);
    log.warn('回访电话 13800000009 未接通; 办件 99010000120260301000001138000000091');
    expect(sink.lines[0][1]).toBe('回访电话 138****0009 未接通; 办件 99010000120260301000001138000000091');
  });

  it('honours the level: debug only in the file and only at level debug; console unchanged', () => {
    const [out] = quiet();
    const sink = memorySink();
    detach = attachLogSink(sink, 'warn');
    log.debug('d');
    log.info('i');
    log.warn('w');
    expect(sink.lines.map(([l]) => l)).toEqual(['warn']);
    setLogFileLevel('debug');
    log.debug('d2');
    expect(sink.lines.map(([l, m]) => `${l}:${m}`)).toEqual(['warn:w', 'debug:d2']);
    expect(out.mock.calls.map(([t]) => String(t))).toEqual(['i\n']);
  });

  it('one sink at a time: attaching another closes the first; a stale detach does not remove the new one', () => {
    quiet();
    const a = memorySink();
    const b = memorySink();
    const detachA = attachLogSink(a);
    detach = attachLogSink(b);
    expect(a.closed).toBe(1);
    detachA();
    log.warn('x');
    expect(b.lines).toHaveLength(1);
    expect(a.lines).toHaveLength(0);
  });
});
