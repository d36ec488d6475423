/** Byte fixtures for GA 467 tests, built from the sample identities. */
import {
  encodeFrame,
  encodeReadData,
  encodeReplyBody,
  encodeTextBlock,
  SW3,
  type IdCardFields,
} from '../../native/protocols/ga467';
import { fakeWlt } from '../../native/simulators/ga467-simulator';
import { sampleIdCard } from '../../native/simulators/sample-id-cards';

export function readReplyFrame(card: IdCardFields = sampleIdCard(), fingerprint?: Buffer): Buffer {
  return encodeFrame(encodeReplyBody(SW3.ok, encodeReadData(encodeTextBlock(card), fakeWlt(card.idNumber), fingerprint)));
}

export const findReplyFrame = (): Buffer => encodeFrame(encodeReplyBody(SW3.cardFound, Buffer.alloc(4)));

/** Seeded PRNG (mulberry32) so failures reproduce. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomBytes(rand: () => number, n: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rand() * 256);
  return b;
}
