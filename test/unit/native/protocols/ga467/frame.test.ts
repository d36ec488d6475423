import { describe, expect, it } from 'vitest';
import {
  buildRequest,
  commandOf,
  COMMANDS,
  encodeFrame,
  findCardRequest,
  readCardRequest,
  readCardWithFingerprintRequest,
  resetRequest,
  samIdRequest,
  samStatusRequest,
  selectCardRequest,
  xorChecksum,
} from '../../../../../native/protocols/ga467';

const hex = (b: Buffer) => b.toString('hex').toUpperCase().match(/../g)!.join(' ');

describe('GA 467 frames and requests', () => {
  it('encodes the documented find-card frame', () => {
    expect(hex(findCardRequest())).toBe('AA AA AA 96 69 00 03 20 01 22');
  });

  it('encodes every request with LEN 3 and an XOR checksum over LEN and body', () => {
    expect(hex(selectCardRequest())).toBe('AA AA AA 96 69 00 03 20 02 21');
    expect(hex(readCardRequest())).toBe('AA AA AA 96 69 00 03 30 01 32');
    expect(hex(readCardWithFingerprintRequest())).toBe('AA AA AA 96 69 00 03 30 10 23');
    expect(hex(resetRequest())).toBe('AA AA AA 96 69 00 03 10 FF EC');
    expect(hex(samStatusRequest())).toBe('AA AA AA 96 69 00 03 11 FF ED');
    expect(hex(samIdRequest())).toBe('AA AA AA 96 69 00 03 12 FF EE');
  });

  it('round-trips command names through commandOf and rejects unknown or short bodies', () => {
    for (const name of Object.keys(COMMANDS) as Array<keyof typeof COMMANDS>) {
      expect(commandOf(buildRequest(name).subarray(7, 9))).toBe(name);
    }
    expect(commandOf(Buffer.from([0x20, 0x03]))).toBeUndefined();
    expect(commandOf(Buffer.from([0x20]))).toBeUndefined();
  });

  it('computes LEN as body + 1 and refuses a body that cannot fit', () => {
    const f = encodeFrame(Buffer.alloc(1288));
    expect(f.readUInt16BE(5)).toBe(1289);
    expect(f[f.length - 1]).toBe(xorChecksum(f, 5, f.length - 1));
    expect(() => encodeFrame(Buffer.alloc(0xffff))).toThrow(RangeError);
  });
});
