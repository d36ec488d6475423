import { describe, expect, it } from 'vitest';
import {
  encodeFrame,
  findCardRequest,
  Ga467Deframer,
  parseReply,
  PREAMBLE,
  type DeframerResult,
} from '../../../../../native/protocols/ga467';
import { findReplyFrame, prng, randomBytes, readReplyFrame } from '../../../../helpers/ga467-fixtures';

const frames = (rs: DeframerResult[]) => rs.filter((r) => r.ok).map((r) => (r.ok ? r.frame.body : Buffer.alloc(0)));
const errors = (rs: DeframerResult[]) => rs.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code));

describe('Ga467Deframer', () => {
  it('returns the body of a whole frame', () => {
    const d = new Ga467Deframer();
    const out = d.push(findCardRequest());
    expect(frames(out)).toEqual([Buffer.from([0x20, 0x01])]);
    expect(d.buffered).toBe(0);
  });

  it('reassembles a 1,295-byte read reply split at every byte offset', () => {
    const frame = readReplyFrame();
    expect(frame.length).toBe(1295);
    const expected = frame.subarray(7, frame.length - 1);
    for (let cut = 0; cut <= frame.length; cut++) {
      const d = new Ga467Deframer();
      const out = [...d.push(frame.subarray(0, cut)), ...d.push(frame.subarray(cut))];
      const ok = out.length === 1 && out[0].ok && out[0].frame.body.equals(expected);
      if (!ok) expect.fail(`cut at ${cut}: ${out.length} results, errors ${errors(out).join(',')}`);
    }
  });

  it('reassembles a reply fed one byte at a time', () => {
    const frame = readReplyFrame();
    const d = new Ga467Deframer();
    const out: DeframerResult[] = [];
    for (const byte of frame) out.push(...d.push(Buffer.from([byte])));
    expect(frames(out)).toHaveLength(1);
    expect(parseReply({ body: frames(out)[0] }).status.kind).toBe('ok');
  });

  it('resynchronises after garbage before and between frames, including partial preambles', () => {
    const garbage = Buffer.from([0x00, 0xaa, 0xaa, 0x13, 0xaa, 0xaa, 0xaa, 0x96, 0x12, 0xff, 0xaa]);
    const stream = Buffer.concat([garbage, findReplyFrame(), garbage, readReplyFrame(), garbage]);
    const d = new Ga467Deframer();
    const out = d.push(stream);
    expect(frames(out)).toHaveLength(2);
    expect(d.stats.droppedBytes).toBeGreaterThanOrEqual(garbage.length * 2);
    // The trailing garbage ends in AA: only that possible preamble start is kept.
    expect(d.buffered).toBe(1);
  });

  it('reports a wrong checksum as a typed error and recovers the next frame', () => {
    const bad = findReplyFrame();
    bad[bad.length - 1] ^= 0xff;
    const d = new Ga467Deframer();
    const out = d.push(Buffer.concat([bad, findCardRequest()]));
    expect(errors(out)).toEqual(['checksum']);
    expect(frames(out)).toEqual([Buffer.from([0x20, 0x01])]);
    expect(d.stats.checksumErrors).toBe(1);
  });

  it.each([0, 1, 2, 0x1001, 0xffff])('rejects impossible length %i and resynchronises', (len) => {
    const fake = Buffer.concat([PREAMBLE, Buffer.from([len >> 8, len & 0xff])]);
    const d = new Ga467Deframer();
    const out = d.push(Buffer.concat([fake, findCardRequest()]));
    expect(errors(out)).toEqual(['length']);
    expect(frames(out)).toHaveLength(1);
  });

  it('recovers the next frame after a truncated one', () => {
    const truncated = readReplyFrame().subarray(0, 600);
    const d = new Ga467Deframer();
    const out = [...d.push(truncated), ...d.push(readReplyFrame())];
    expect(frames(out)).toHaveLength(1);
    expect(errors(out)).toContain('checksum');
  });

  it('finds a real reply hidden inside a fake frame when asked to flush a stall', () => {
    // Noise that looks like a header announcing 4,000 bytes swallows the real (short) reply.
    const fake = Buffer.concat([PREAMBLE, Buffer.from([0x0f, 0xa0])]);
    const d = new Ga467Deframer();
    expect(d.push(Buffer.concat([fake, findReplyFrame()]))).toEqual([]);
    const out = d.flushStalled();
    expect(frames(out)).toHaveLength(1);
    expect(parseReply({ body: frames(out)[0] }).status.kind).toBe('card-found');
  });

  it('never holds more than one maximum frame, however much garbage arrives', () => {
    const d = new Ga467Deframer();
    const rand = prng(7);
    for (let i = 0; i < 50; i++) {
      d.push(randomBytes(rand, 20_000));
      expect(d.buffered).toBeLessThanOrEqual(d.capacity);
    }
    // A header announcing the maximum length holds exactly one frame's worth, then it is dealt with.
    const big = encodeFrame(Buffer.alloc(4095, 0x11));
    const out = d.push(big);
    expect(frames(out).some((b) => b.length === 4095)).toBe(true);
  });

  it('rejects a configured maximum outside the 16-bit range', () => {
    expect(() => new Ga467Deframer(2)).toThrow(RangeError);
    expect(() => new Ga467Deframer(0x10000)).toThrow(RangeError);
  });

  it('reset() discards a partial frame', () => {
    const d = new Ga467Deframer();
    d.push(readReplyFrame().subarray(0, 100));
    d.reset();
    expect(d.buffered).toBe(0);
    expect(frames(d.push(findCardRequest()))).toHaveLength(1);
  });
});
