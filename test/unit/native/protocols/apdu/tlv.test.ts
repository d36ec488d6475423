import { describe, expect, it } from 'vitest';
import { encodeTlv, findTlv, parseBerTlv } from '../../../../../native/protocols/apdu/tlv';

const b = (h: string) => Uint8Array.from(Buffer.from(h.replace(/\s/g, ''), 'hex'));

describe('BER-TLV parser', () => {
  it('parses primitive, multi-byte tag, long lengths and nested objects', () => {
    const r = parseBerTlv(b('6F 0C 84 03 414243 A5 05 9F38 02 0102  07 81 02 AAAA'));
    expect(r.error).toBeUndefined();
    expect(r.items.map((i) => i.tagHex)).toEqual(['6F', '07']);
    expect(r.items[0].constructed).toBe(true);
    const pdol = findTlv(r.items, 0x9f38);
    expect(pdol?.value).toEqual(b('0102'));
    expect(r.items[1].value.length).toBe(2);
  });
  it('skips 00/FF padding between objects', () => {
    expect(parseBerTlv(b('00 FF 01 01 41 00')).items).toHaveLength(1);
  });
  it.each([
    ['truncated value', '07 09 4139', 'truncated-value'],
    ['missing length', '07', 'truncated-length'],
    ['truncated long length', '07 82 01', 'truncated-length'],
    ['indefinite length', '07 80 00', 'bad-length'],
    ['length-of-length too big', '07 85 0000000001 00', 'bad-length'],
    ['truncated multi-byte tag', '9F', 'truncated-tag'],
    ['endless tag', '9F 81 81 81 81 01 00', 'truncated-tag'],
    ['damaged child', '6F 03 84 05 41', 'truncated-value'],
  ])('%s → %s, no throw', (_n, input, code) => {
    const r = parseBerTlv(b(input));
    expect(r.error?.code).toBe(code);
    expect(r.error?.message).toMatch(/TLV/);
  });
  it('limits nesting depth', () => {
    let v = b('01 00');
    for (let i = 0; i < 20; i++) v = Uint8Array.from([0x61, v.length, ...v]);
    expect(parseBerTlv(v, { maxDepth: 8 }).error?.code).toBe('too-deep');
  });
  it('encodeTlv round-trips short, 81 and 82 lengths', () => {
    for (const n of [0, 5, 127, 128, 255, 256, 1000]) {
      const r = parseBerTlv(encodeTlv(0x09, new Uint8Array(n).fill(0x41)));
      expect(r.error).toBeUndefined();
      expect(r.items[0].value.length).toBe(n);
    }
    expect(() => encodeTlv(0, new Uint8Array(1))).toThrow(RangeError);
  });
});
