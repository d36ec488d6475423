/**
 * GA 467 frame layout: AA AA AA 96 69 · LEN (u16 BE, counts body + CHK) · body · CHK.
 * CHK is the XOR of the two LEN bytes and every body byte.
 */
export const PREAMBLE = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69]);
/** Preamble + LEN. */
export const HEADER_LENGTH = 7;
/** Smallest LEN we accept: a 2-byte request (command + parameter) plus CHK. */
export const MIN_LEN = 3;
/** Largest LEN we accept by default: a read-with-fingerprint reply (3+6+256+1024+1024+1 = 2314) with headroom. */
export const DEFAULT_MAX_LEN = 4096;

/** One checked frame; `body` excludes preamble, LEN and CHK. */
export interface Ga467Frame {
  body: Buffer;
}

/** XOR of bytes [start, end). */
export function xorChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i];
  return x;
}

/** Wraps a body into a complete frame. */
export function encodeFrame(body: Uint8Array): Buffer {
  const len = body.length + 1;
  if (len > 0xffff) throw new RangeError(`GA 467 body too long: ${body.length}`);
  const out = Buffer.alloc(HEADER_LENGTH + len);
  PREAMBLE.copy(out, 0);
  out.writeUInt16BE(len, 5);
  out.set(body, HEADER_LENGTH);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}
