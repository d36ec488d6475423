/**
 * Fuzz: ≥100,000 random and mutated frames through the deframer and the reply/card decoders.
 * Nothing may throw except typed Ga467Errors from the decoders, nothing may hang, the buffer stays bounded.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeReadData,
  encodeFrame,
  Ga467Deframer,
  Ga467Error,
  parseReply,
  PREAMBLE,
} from '../../../../../native/protocols/ga467';
import { SAMPLE_ID_CARDS } from '../../../../../native/simulators/sample-id-cards';
import { findReplyFrame, prng, randomBytes, readReplyFrame } from '../../../../helpers/ga467-fixtures';

const TOTAL = 100_000;

describe('GA 467 fuzz', () => {
  it(`survives ${TOTAL.toLocaleString('en')} random and mutated frames`, () => {
    const rand = prng(20260101);
    const int = (n: number) => Math.floor(rand() * n);
    const templates = [...SAMPLE_ID_CARDS.map((c) => readReplyFrame(c)), findReplyFrame()];
    const d = new Ga467Deframer();
    let framesOut = 0;
    let typedErrors = 0;

    const mutate = (src: Buffer): Buffer => {
      const b = Buffer.from(src);
      switch (int(6)) {
        case 0: // flip bytes
          for (let k = int(4) + 1; k > 0; k--) b[int(b.length)] = int(256);
          return b;
        case 1: // truncate
          return b.subarray(0, int(b.length));
        case 2: // corrupt LEN
          b.writeUInt16BE(int(0x10000), 5);
          return b;
        case 3: // valid frame around a random body (checksum fixed up, so decoders see garbage)
          return encodeFrame(randomBytes(rand, int(1400)));
        case 4: // valid frame, mutated body with correct checksum
          {
            const body = Buffer.from(b.subarray(7, -1));
            for (let k = int(8) + 1; k > 0; k--) body[int(body.length)] = int(256);
            return encodeFrame(body);
          }
        default: // pure noise with stray preambles
          return Buffer.concat([randomBytes(rand, int(64)), PREAMBLE, randomBytes(rand, int(64))]);
      }
    };

    for (let i = 0; i < TOTAL; i++) {
      const bytes = rand() < 0.1 ? templates[int(templates.length)] : mutate(templates[int(templates.length)]);
      // feed in random chunks
      for (let off = 0; off < bytes.length; ) {
        const n = 1 + int(Math.min(600, bytes.length - off));
        for (const r of d.push(bytes.subarray(off, off + n))) {
          if (!r.ok) continue;
          framesOut++;
          try {
            const reply = parseReply(r.frame);
            if (reply.status.ok && reply.data.length > 4) decodeReadData(reply.data, rand() < 0.2);
          } catch (err) {
            if (!(err instanceof Ga467Error)) throw err;
            expect(err.message).toMatch(/[\u4e00-\u9fff]/);
            typedErrors++;
          }
        }
        off += n;
        if (d.buffered > d.capacity) throw new Error(`buffer overflow: ${d.buffered}`);
      }
      if (i % 5000 === 0) d.flushStalled();
    }
    expect(framesOut).toBeGreaterThan(TOTAL / 3);
    expect(typedErrors).toBeGreaterThan(1000);
  }, 120_000);
});
