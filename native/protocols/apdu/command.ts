/**
 * Command APDU builders (ISO/IEC 7816-4, short length fields only: 社保卡 records are small).
 * Each builder returns the exact bytes sent to the card.
 */

export interface CommandApdu {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
  /** Command data (Lc is derived from its length). */
  data?: Uint8Array;
  /** Expected response length; 0 means "up to 256". Omitted = no Le byte. */
  le?: number;
}

export const INS = {
  select: 0xa4,
  readRecord: 0xb2,
  readBinary: 0xb0,
  getResponse: 0xc0,
} as const;

function checkByte(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xff) throw new RangeError(`${name} must be a byte, got ${v}`);
}

/** Serialise a command APDU (case 1–4, short form). */
export function encodeCommandApdu(cmd: CommandApdu): Uint8Array {
  checkByte('CLA', cmd.cla);
  checkByte('INS', cmd.ins);
  checkByte('P1', cmd.p1);
  checkByte('P2', cmd.p2);
  const data = cmd.data ?? new Uint8Array(0);
  if (data.length > 255) throw new RangeError('short APDU data is at most 255 bytes');
  if (cmd.le !== undefined && (!Number.isInteger(cmd.le) || cmd.le < 0 || cmd.le > 256)) {
    throw new RangeError(`Le must be 0..256, got ${cmd.le}`);
  }
  const out: number[] = [cmd.cla, cmd.ins, cmd.p1, cmd.p2];
  if (data.length > 0) out.push(data.length, ...data);
  if (cmd.le !== undefined) out.push(cmd.le & 0xff); // 256 is encoded as 00
  return Uint8Array.from(out);
}

/** SELECT a DF by name (P1=04, P2=00: first or only occurrence, return FCI). */
export function selectByName(name: Uint8Array): CommandApdu {
  if (name.length < 1 || name.length > 16) throw new RangeError('DF name must be 1..16 bytes');
  return { cla: 0x00, ins: INS.select, p1: 0x04, p2: 0x00, data: name };
}

/**
 * SELECT by file identifier. P1=02 selects an EF under the current DF (the 社保卡 usage);
 * P1=00 selects MF/DF/EF by id (e.g. 3F00 for the MF).
 */
export function selectByFileId(fileId: number, p1: 0x00 | 0x02 = 0x02): CommandApdu {
  if (!Number.isInteger(fileId) || fileId < 0 || fileId > 0xffff) throw new RangeError(`file id must be 0..FFFF, got ${fileId}`);
  return { cla: 0x00, ins: INS.select, p1, p2: 0x00, data: Uint8Array.of(fileId >> 8, fileId & 0xff) };
}

/**
 * READ RECORD of the currently selected EF: P1 = record number, P2 = 04 ("record number in P1, current EF").
 * With an SFI, P2 = (sfi << 3) | 4.
 */
export function readRecord(recordNumber: number, options: { sfi?: number; le?: number } = {}): CommandApdu {
  if (!Number.isInteger(recordNumber) || recordNumber < 1 || recordNumber > 0xfe) throw new RangeError(`record number must be 1..254, got ${recordNumber}`);
  const sfi = options.sfi;
  if (sfi !== undefined && (!Number.isInteger(sfi) || sfi < 1 || sfi > 30)) throw new RangeError(`SFI must be 1..30, got ${sfi}`);
  const p2 = sfi === undefined ? 0x04 : (sfi << 3) | 0x04;
  return { cla: 0x00, ins: INS.readRecord, p1: recordNumber, p2, le: options.le ?? 0 };
}

/** READ BINARY of the current EF from a 15-bit offset. */
export function readBinary(offset: number, le = 0): CommandApdu {
  if (!Number.isInteger(offset) || offset < 0 || offset > 0x7fff) throw new RangeError(`offset must be 0..7FFF, got ${offset}`);
  return { cla: 0x00, ins: INS.readBinary, p1: offset >> 8, p2: offset & 0xff, le };
}

/** GET RESPONSE after a 61xx status: fetch xx waiting bytes. */
export function getResponse(le: number): CommandApdu {
  return { cla: 0x00, ins: INS.getResponse, p1: 0x00, p2: 0x00, le };
}

/** A response APDU split into data and status word. */
export interface ResponseApdu {
  data: Uint8Array;
  sw1: number;
  sw2: number;
  /** sw1 << 8 | sw2 */
  sw: number;
}

/** Split a response APDU; null when shorter than the two status bytes. Never throws. */
export function parseResponseApdu(bytes: Uint8Array): ResponseApdu | null {
  if (!(bytes instanceof Uint8Array) || bytes.length < 2) return null;
  const sw1 = bytes[bytes.length - 2];
  const sw2 = bytes[bytes.length - 1];
  return { data: bytes.slice(0, bytes.length - 2), sw1, sw2, sw: (sw1 << 8) | sw2 };
}
