/**
 * DLE EOT n (10 04 n) real-time status replies. Each reply is one byte whose bits 1 and 4 are always 1
 * and bits 0 and 7 always 0 ((b & 0x93) === 0x12); any other byte is not a status reply.
 *
 * n = 1 printer status:    bit 3 (0x08) offline; bit 2 drawer pin; bit 5 waiting for online recovery;
 *                          bit 6 paper-feed button pressed.
 * n = 2 offline cause:     bit 2 (0x04) cover open; bit 3 paper being fed by button; bit 5 (0x20) printing
 *                          stopped because of paper end; bit 6 (0x40) an error occurred.
 * n = 3 error cause:       bit 3 auto-cutter error; bit 5 (0x20) unrecoverable error; bit 6 (0x40)
 *                          auto-recoverable error.
 * n = 4 paper roll sensor: bits 2+3 (0x0C) paper near end; bits 5+6 (0x60) paper end (no paper).
 */
export type StatusQuery = 1 | 2 | 3 | 4;

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export interface PrinterStatusReply {
  query: StatusQuery;
  valid: boolean;
  offline?: boolean;
  waitingForRecovery?: boolean;
  coverOpen?: boolean;
  paperEndStop?: boolean;
  error?: boolean;
  cutterError?: boolean;
  unrecoverableError?: boolean;
  paperNearEnd?: boolean;
  paperOut?: boolean;
}

/** Decodes one reply byte for query n. Never throws: a byte with wrong fixed bits is { valid: false }. */
export function parseStatusByte(query: StatusQuery, byte: number): PrinterStatusReply {
  if (!Number.isInteger(byte) || byte < 0 || byte > 0xff || !isStatusByte(byte)) return { query, valid: false };
  switch (query) {
    case 1:
      return { query, valid: true, offline: (byte & 0x08) !== 0, waitingForRecovery: (byte & 0x20) !== 0 };
    case 2:
      return {
        query,
        valid: true,
        coverOpen: (byte & 0x04) !== 0,
        paperEndStop: (byte & 0x20) !== 0,
        error: (byte & 0x40) !== 0,
      };
    case 3:
      return {
        query,
        valid: true,
        cutterError: (byte & 0x08) !== 0,
        unrecoverableError: (byte & 0x20) !== 0,
        error: (byte & 0x40) !== 0,
      };
    case 4:
      return { query, valid: true, paperNearEnd: (byte & 0x0c) !== 0, paperOut: (byte & 0x60) !== 0 };
    default:
      return { query, valid: false };
  }
}

/** The combined state a clerk cares about, from replies to queries 1, 2 and 4. */
export interface PrinterStatus {
  online: boolean;
  coverOpen: boolean;
  paperNearEnd: boolean;
  paperOut: boolean;
  error: boolean;
}

export function combineStatus(r1: PrinterStatusReply, r2: PrinterStatusReply, r4: PrinterStatusReply): PrinterStatus {
  return {
    online: !r1.offline,
    coverOpen: !!r2.coverOpen,
    paperNearEnd: !!r4.paperNearEnd,
    paperOut: !!r4.paperOut || !!r2.paperEndStop,
    error: !!r2.error,
  };
}

/** Builds the reply bytes a printer in this state sends (used by the simulator and tests). */
export function statusReplyByte(query: StatusQuery, s: PrinterStatus): number {
  let b = 0x12;
  switch (query) {
    case 1:
      if (!s.online) b |= 0x08;
      break;
    case 2:
      if (s.coverOpen) b |= 0x04;
      if (s.paperOut) b |= 0x20;
      if (s.error) b |= 0x40;
      break;
    case 3:
      if (s.error) b |= 0x40;
      break;
    case 4:
      if (s.paperNearEnd) b |= 0x0c;
      if (s.paperOut) b |= 0x60;
      break;
  }
  return b;
}
