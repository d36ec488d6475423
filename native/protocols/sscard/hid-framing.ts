/**
 * HID card-reader framing. The reader payload (`SEQ CMD [STATUS] DATA…`, see reader-protocol.ts) travels
 * as one message in chunked HID reports, report id 0x02 (layout in native/transports/hid-report-codec.ts).
 * USB already checks every report with a CRC and the report header carries the lengths, so there is no
 * STX/BCC/ETX here: HidTransport hands over exactly one message per data chunk.
 */
import { MAX_READER_PAYLOAD, type DeframeEvent, type Deframer, type ReaderFraming } from './reader-protocol';

export class HidMessageDeframer implements Deframer {
  readonly buffered = 0;
  reset(): void {}
  push(chunk: Uint8Array): DeframeEvent[] {
    if (chunk.length < 2 || chunk.length > MAX_READER_PAYLOAD) return [{ type: 'error', code: 'bad-length', discarded: chunk.length }];
    return [{ type: 'frame', payload: Uint8Array.from(chunk) }];
  }
}

export const hidReaderFraming: ReaderFraming = {
  name: 'hid',
  encode(payload) {
    if (payload.length < 1 || payload.length > MAX_READER_PAYLOAD) throw new RangeError(`payload must be 1..${MAX_READER_PAYLOAD} bytes`);
    return payload;
  },
  createDeframer: () => new HidMessageDeframer(),
};
