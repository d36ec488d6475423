/**
 * Serial card-reader framing:
 *
 *   02 | LEN_H LEN_L | SEQ CMD [STATUS] DATA… | BCC | 03
 *   STX  length of the payload (big-endian,    XOR of LEN_H, LEN_L  ETX
 *        1..600)                               and every payload byte
 *
 * The deframer resynchronises on the next 02 after garbage, waits across split reads, keeps at most one
 * maximal frame (605 bytes) buffered, and reports length, terminator and checksum errors.
 */
import { MAX_READER_PAYLOAD, type DeframeEvent, type Deframer, type ReaderFraming } from './reader-protocol';

export const STX = 0x02;
export const ETX = 0x03;
const OVERHEAD = 5; // STX + LEN(2) + BCC + ETX

export function bcc(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let x = 0;
  for (let i = from; i < to; i++) x ^= bytes[i];
  return x;
}

export function encodeSerialFrame(payload: Uint8Array): Uint8Array {
  if (payload.length < 1 || payload.length > MAX_READER_PAYLOAD) {
    throw new RangeError(`payload must be 1..${MAX_READER_PAYLOAD} bytes, got ${payload.length}`);
  }
  const out = new Uint8Array(payload.length + OVERHEAD);
  out[0] = STX;
  out[1] = payload.length >> 8;
  out[2] = payload.length & 0xff;
  out.set(payload, 3);
  out[out.length - 2] = bcc(out, 1, out.length - 2);
  out[out.length - 1] = ETX;
  return out;
}

function findCompleteFrame(buf: Buffer, from: number): number {
  for (let at = buf.indexOf(STX, from); at >= 0; at = buf.indexOf(STX, at + 1)) {
    if (buf.length - at < OVERHEAD) return -1;
    const len = (buf[at + 1] << 8) | buf[at + 2];
    const total = len + OVERHEAD;
    if (len < 1 || len > MAX_READER_PAYLOAD || buf.length - at < total) continue;
    if (buf[at + total - 1] === ETX && bcc(buf, at + 1, at + total - 2) === buf[at + total - 2]) return at;
  }
  return -1;
}

export class SerialFrameDeframer implements Deframer {
  private buf: Buffer = Buffer.alloc(0);

  get buffered(): number {
    return this.buf.length;
  }

  reset(): void {
    this.buf = Buffer.alloc(0);
  }

  push(chunk: Uint8Array): DeframeEvent[] {
    const events: DeframeEvent[] = [];
    this.buf = this.buf.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buf, chunk]);
    let garbage = 0;
    const flushGarbage = () => {
      if (garbage > 0) events.push({ type: 'error', code: 'garbage', discarded: garbage });
      garbage = 0;
    };
    let pos = 0;
    const buf = this.buf;
    while (pos < buf.length) {
      if (buf[pos] !== STX) {
        const next = buf.indexOf(STX, pos);
        const end = next < 0 ? buf.length : next;
        garbage += end - pos;
        pos = end;
        continue;
      }
      if (buf.length - pos < 3) break;
      const len = (buf[pos + 1] << 8) | buf[pos + 2];
      if (len < 1 || len > MAX_READER_PAYLOAD) {
        flushGarbage();
        events.push({ type: 'error', code: 'bad-length', discarded: 1 });
        pos += 1;
        continue;
      }
      const total = len + OVERHEAD;
      if (buf.length - pos < total) {
        // A noise byte that looks like STX can announce a long frame and hide a real one behind it:
        // if a complete, valid frame already sits further on, the "header" here was garbage.
        const later = findCompleteFrame(buf, pos + 1);
        if (later < 0) break;
        garbage += later - pos;
        pos = later;
        continue;
      }
      if (buf[pos + total - 1] !== ETX) {
        flushGarbage();
        events.push({ type: 'error', code: 'bad-terminator', discarded: 1 });
        pos += 1;
        continue;
      }
      flushGarbage();
      if (bcc(buf, pos + 1, pos + total - 2) !== buf[pos + total - 2]) {
        events.push({ type: 'error', code: 'bad-checksum', discarded: total });
      } else {
        events.push({ type: 'frame', payload: Uint8Array.from(buf.subarray(pos + 3, pos + 3 + len)) });
      }
      pos += total;
    }
    flushGarbage();
    this.buf = pos >= buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(pos));
    return events;
  }
}

export const serialReaderFraming: ReaderFraming = {
  name: 'serial',
  encode: encodeSerialFrame,
  createDeframer: () => new SerialFrameDeframer(),
};
