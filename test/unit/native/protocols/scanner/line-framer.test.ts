import { describe, expect, it } from 'vitest';
import { ScanLineFramer, type FramerEvent } from '../../../../../native/protocols/scanner/line-framer';

const bytes = (s: string) => Buffer.from(s, 'latin1');
const lines = (evs: FramerEvent[]) => evs.map((e) => (e.type === 'line' ? e.text : `<overflow ${e.bytes}>`));

describe('ScanLineFramer', () => {
  it('splits on CR, CR LF and LF without empty lines between CR and LF', () => {
    const f = new ScanLineFramer();
    expect(lines(f.push(bytes('A12345678\rB12345678\r\nC12345678\n')))).toEqual(['A12345678', 'B12345678', 'C12345678']);
  });

  it('keeps a line split across reads, including a CR LF split between two chunks', () => {
    const f = new ScanLineFramer();
    expect(lines(f.push(bytes('A1234')))).toEqual([]);
    expect(f.pendingBytes).toBe(5);
    expect(lines(f.push(bytes('5678\r')))).toEqual(['A12345678']);
    expect(lines(f.push(bytes('\nB1')))).toEqual([]);
    expect(lines(f.push(bytes('2345678\r\n')))).toEqual(['B12345678']);
  });

  it('strips control characters (STX/ETX/NUL noise) and surrounding spaces, and ignores blank lines', () => {
    const f = new ScanLineFramer();
    expect(lines(f.push(bytes('\x02 A12345678\x03\x00\r\r\n\n  \r')))).toEqual(['A12345678']);
  });

  it('decodes UTF-8 (a QR payload with Chinese) and drops invalid byte sequences', () => {
    const f = new ScanLineFramer();
    expect(lines(f.push(Buffer.concat([Buffer.from('票据abc', 'utf8'), Buffer.from([0xff, 0x0d])])))).toEqual(['票据abc']);
  });

  it('discards an overlong line up to its terminator and reports it, then carries on', () => {
    const f = new ScanLineFramer({ maxLineBytes: 8 });
    const evs = f.push(bytes('0123456789ABC\rA1234567\r'));
    expect(lines(evs)).toEqual(['<overflow 13>', 'A1234567']);
    expect(f.pendingBytes).toBe(0);
  });

  it('never holds more than maxLineBytes while a terminator never comes', () => {
    const f = new ScanLineFramer({ maxLineBytes: 64 });
    for (let i = 0; i < 1000; i++) f.push(bytes('x'.repeat(100)));
    expect(f.pendingBytes).toBeLessThanOrEqual(64);
    expect(lines(f.push(bytes('\r')))).toEqual(['<overflow 100000>']);
  });
});
