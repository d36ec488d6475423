import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MsgidSequencer, fenToWire, infTime, inputNodeFor, parseMsgid, wireToFen } from '../../../../../electron/services/platform/envelope';

describe('msgid', () => {
  it('is 12-char code + yyyyMMddHHmmss + 4-digit sequence, unique within a second', () => {
    const t = new Date(2026, 2, 1, 9, 5, 7, 100);
    const seq = new MsgidSequencer('H99010000001', () => t);
    const ids = Array.from({ length: 500 }, () => seq.next());
    expect(new Set(ids).size).toBe(500);
    expect(ids[0]).toBe('H99010000001202603010905070001');
    expect(ids[499]).toBe('H99010000001202603010905070500');
    for (const id of ids) expect(parseMsgid(id)).not.toBeNull();
  });

  it('restarts the sequence in a new second', () => {
    let t = new Date(2026, 2, 1, 9, 5, 7);
    const seq = new MsgidSequencer('H99010000001', () => t);
    seq.next();
    seq.next();
    t = new Date(2026, 2, 1, 9, 5, 8);
    expect(seq.next()).toBe('H99010000001202603010905080001');
  });

  it('never repeats when the clock steps back or 9999 ids are used in one second', () => {
    let t = new Date(2026, 2, 1, 9, 5, 7);
    const seq = new MsgidSequencer('H99010000001', () => t);
    const seen = new Set<string>();
    for (let i = 0; i < 10_001; i++) seen.add(seq.next());
    expect(seen.size).toBe(10_001);
    t = new Date(2026, 2, 1, 9, 4, 0); // clock went back
    const next = seq.next();
    expect(seen.has(next)).toBe(false);
    expect(parseMsgid(next)).not.toBeNull();
  });

  it('refuses a prefix that is not 12 letters or digits', () => {
    expect(() => new MsgidSequencer('H9901')).toThrow(/12位/);
    expect(() => new MsgidSequencer('H9901000000-1')).toThrow();
  });

  it('parseMsgid rejects wrong lengths, letters in the time, and impossible dates', () => {
    expect(parseMsgid('H99010000001202603010905070001')).toEqual({ prefix: 'H99010000001', time: '20260301090507', seq: 1 });
    expect(parseMsgid('H9901000000120260301090507001')).toBeNull();
    expect(parseMsgid('H990100000012026030109050A0001')).toBeNull();
    expect(parseMsgid('H99010000001202602300905070001')).toBeNull(); // 30 Feb
    expect(parseMsgid('H99010000001202603012505070001')).toBeNull(); // hour 25
  });
});

describe('formats and nodes', () => {
  it('inf_time is yyyy-MM-dd HH:mm:ss local time', () => {
    expect(infTime(new Date(2026, 0, 2, 3, 4, 5))).toBe('2026-01-02 03:04:05');
  });
  it('input node names follow the national interface, with profile overrides', () => {
    expect(inputNodeFor('9001')).toBe('signIn');
    expect(inputNodeFor('9002')).toBe('signOut');
    expect(inputNodeFor('9101')).toBe('fsUploadIn');
    expect(inputNodeFor('2501')).toBe('refmedin');
    expect(inputNodeFor('1101')).toBe('data');
    expect(inputNodeFor('Y101', { Y101: 'ydbaIn' })).toBe('ydbaIn');
  });
});

describe('money at the boundary', () => {
  it('fen ↔ yuan is exact for every integer amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(wireToFen(fenToWire(fen, 'yuan'), 'yuan')).toBe(fen);
        expect(wireToFen(String(fenToWire(fen, 'yuan')), 'yuan')).toBe(fen);
        expect(wireToFen(fenToWire(fen, 'fen'), 'fen')).toBe(fen);
      }),
    );
  });
  it('examples and bad input', () => {
    expect(fenToWire(12345, 'yuan')).toBe(123.45);
    expect(wireToFen('0.1', 'yuan')).toBe(10);
    expect(wireToFen(3560.5, 'yuan')).toBe(356050);
    expect(() => wireToFen('1.234', 'yuan')).toThrow(/金额格式/);
    expect(() => wireToFen('abc', 'yuan')).toThrow();
    expect(() => wireToFen(null, 'yuan')).toThrow();
    expect(() => wireToFen('1.5', 'fen')).toThrow();
    expect(() => fenToWire(1.5, 'yuan')).toThrow(/整数分/);
  });
});
