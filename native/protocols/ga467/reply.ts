/**
 * Reply bodies: SW1 SW2 SW3 · data. A read reply's data is
 *   text length (u16 BE) · photo length (u16 BE) · [fingerprint length (u16 BE), 30 10 only] · text · photo · [fingerprint].
 */
import { Ga467Error } from './errors';
import { encodeFrame, type Ga467Frame } from './frame';
import { decodeStatus, type Ga467Status } from './status';
import { decodeTextBlock, TEXT_BLOCK_LENGTH, type IdCardText } from './text-block';

export const WLT_LENGTH = 1024;
export const FINGERPRINT_LENGTH = 1024;

export interface Ga467Reply {
  status: Ga467Status;
  data: Buffer;
}

export function parseReply(frame: Ga467Frame): Ga467Reply {
  const b = frame.body;
  if (b.length < 3) throw new Ga467Error('malformed-reply', '读卡器应答过短', `body length ${b.length}`);
  return { status: decodeStatus(b[0], b[1], b[2]), data: b.subarray(3) };
}

export interface ReadBlocks {
  text: Buffer;
  wlt: Buffer;
  fingerprint?: Buffer;
}

/** Splits a successful read reply's data into its blocks, checking every announced length. */
export function splitReadData(data: Buffer, withFingerprint: boolean): ReadBlocks {
  const header = withFingerprint ? 6 : 4;
  const malformed = (detail: string) => new Ga467Error('malformed-reply', '读卡器返回的身份证数据不完整，请重新读卡', detail);
  if (data.length < header) throw malformed(`read data ${data.length} bytes`);
  const textLen = data.readUInt16BE(0);
  const wltLen = data.readUInt16BE(2);
  const fpLen = withFingerprint ? data.readUInt16BE(4) : 0;
  if (textLen !== TEXT_BLOCK_LENGTH) throw malformed(`text length ${textLen}`);
  if (header + textLen + wltLen + fpLen !== data.length) {
    throw malformed(`lengths ${textLen}+${wltLen}+${fpLen} vs ${data.length - header} data bytes`);
  }
  const text = data.subarray(header, header + textLen);
  const wlt = data.subarray(header + textLen, header + textLen + wltLen);
  const blocks: ReadBlocks = { text: Buffer.from(text), wlt: Buffer.from(wlt) };
  if (withFingerprint) blocks.fingerprint = Buffer.from(data.subarray(header + textLen + wltLen));
  return blocks;
}

export interface DecodedRead extends ReadBlocks {
  card: IdCardText;
}

/** Read-reply data → identity text + raw WLT (+ fingerprint). Throws Ga467Error only. */
export function decodeReadData(data: Buffer, withFingerprint = false): DecodedRead {
  const blocks = splitReadData(data, withFingerprint);
  return { ...blocks, card: decodeTextBlock(blocks.text) };
}

// ---- encoders (simulator and tests) ----

export function encodeReplyBody(sw3: number, data: Uint8Array = Buffer.alloc(0), sw1 = 0, sw2 = 0): Buffer {
  return Buffer.concat([Buffer.from([sw1, sw2, sw3]), data]);
}

export function encodeReply(sw3: number, data?: Uint8Array): Buffer {
  return encodeFrame(encodeReplyBody(sw3, data));
}

export function encodeReadData(text: Buffer, wlt: Buffer, fingerprint?: Buffer): Buffer {
  const lens = Buffer.alloc(fingerprint ? 6 : 4);
  lens.writeUInt16BE(text.length, 0);
  lens.writeUInt16BE(wlt.length, 2);
  if (fingerprint) lens.writeUInt16BE(fingerprint.length, 4);
  return Buffer.concat([lens, text, wlt, ...(fingerprint ? [fingerprint] : [])]);
}

/** SAM id reply data (16 bytes) → the printed form "05.01-20101010-0012345678-1234567890". */
export function formatSamId(data: Buffer): string {
  if (data.length < 16) throw new Ga467Error('malformed-reply', '读卡器安全模块编号格式错误', `${data.length} bytes`);
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(data.readUInt16LE(0), 2)}.${p(data.readUInt16LE(2), 2)}-${p(data.readUInt32LE(4), 8)}-${p(data.readUInt32LE(8), 10)}-${p(data.readUInt32LE(12), 10)}`;
}
