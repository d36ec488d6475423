/**
 * The card-reader command set shared by the serial and the HID framing.
 *
 * A request payload is `SEQ CMD DATA…`; the reply payload is `SEQ CMD STATUS DATA…` echoing SEQ and CMD,
 * so a late reply to an abandoned request can never be taken for the answer to the next one.
 */

export const READER_CMD = {
  powerOn: 0x30, // → ATR
  powerOff: 0x31,
  apdu: 0x32, // DATA = command APDU → DATA = response APDU
  cardStatus: 0x33, // → 1 byte: 00 absent, 01 present, 02 present and powered
} as const;

export const READER_STATUS = {
  ok: 0x00,
  noCard: 0x01,
  cardRemoved: 0x02, // card mute or pulled out during the operation
  badChecksum: 0x03, // the reader got a request with a wrong BCC: resend
  badLength: 0x04,
  unknownCommand: 0x05,
  notPowered: 0x06,
} as const;

/** Longest payload either framing accepts: SEQ CMD STATUS + a 256-byte response + SW, with room to spare. */
export const MAX_READER_PAYLOAD = 600;

export type CardPresence = 'absent' | 'present' | 'powered';

export type ReaderErrorCode =
  | 'no-card'
  | 'card-removed'
  | 'card-not-powered'
  | 'timeout'
  | 'disconnected'
  | 'bad-frame'
  | 'unsupported'
  | 'reader-error';

/** A failure of the reader or the link to it, with a clerk-readable Chinese message. */
export class ReaderError extends Error {
  constructor(message: string, readonly code: ReaderErrorCode) {
    super(message);
    this.name = 'ReaderError';
  }
}

export function readerStatusError(status: number): ReaderError {
  switch (status) {
    case READER_STATUS.noCard:
      return new ReaderError('读卡器上没有卡，请插入社会保障卡', 'no-card');
    case READER_STATUS.cardRemoved:
      return new ReaderError('读卡过程中卡片被拔出或接触不良，请重新插卡后再读', 'card-removed');
    case READER_STATUS.notPowered:
      return new ReaderError('卡片未上电，请重新读卡', 'card-not-powered');
    case READER_STATUS.unknownCommand:
      return new ReaderError('读卡器不支持该命令，请检查读卡器型号与协议设置', 'unsupported');
    case READER_STATUS.badChecksum:
    case READER_STATUS.badLength:
      return new ReaderError('读卡器收到的数据有误（校验或长度错误）', 'bad-frame');
    default:
      return new ReaderError(`读卡器返回错误状态 0x${status.toString(16).padStart(2, '0').toUpperCase()}`, 'reader-error');
  }
}

/** What a deframer reports: a good payload, or a problem it skipped over. */
export type DeframeEvent =
  | { type: 'frame'; payload: Uint8Array }
  | { type: 'error'; code: 'garbage' | 'bad-length' | 'bad-terminator' | 'bad-checksum'; discarded: number };

export interface Deframer {
  push(chunk: Uint8Array): DeframeEvent[];
  /** Bytes held waiting for the rest of a frame (bounded). */
  readonly buffered: number;
  reset(): void;
}

/** How reader payloads travel on a given link. */
export interface ReaderFraming {
  readonly name: string;
  encode(payload: Uint8Array): Uint8Array;
  createDeframer(): Deframer;
}
