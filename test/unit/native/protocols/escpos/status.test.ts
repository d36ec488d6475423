import { describe, expect, it } from 'vitest';
import { combineStatus, isStatusByte, parseStatusByte, statusReplyByte } from '../../../../../native/protocols/escpos/status';

describe('DLE EOT status replies', () => {
  it('decodes the documented bits', () => {
    expect(parseStatusByte(1, 0x12)).toMatchObject({ valid: true, offline: false });
    expect(parseStatusByte(1, 0x1a)).toMatchObject({ valid: true, offline: true });
    expect(parseStatusByte(2, 0x16)).toMatchObject({ valid: true, coverOpen: true, paperEndStop: false });
    expect(parseStatusByte(2, 0x32)).toMatchObject({ valid: true, coverOpen: false, paperEndStop: true });
    expect(parseStatusByte(4, 0x1e)).toMatchObject({ valid: true, paperNearEnd: true, paperOut: false });
    expect(parseStatusByte(4, 0x72)).toMatchObject({ valid: true, paperNearEnd: false, paperOut: true });
    expect(parseStatusByte(3, 0x52)).toMatchObject({ valid: true, error: true });
  });

  it('rejects bytes whose fixed bits are wrong', () => {
    for (const b of [0x00, 0xff, 0x13, 0x92, 0x02, 0x10, -1, 256, 1.5]) {
      expect(parseStatusByte(1, b).valid).toBe(false);
      expect(parseStatusByte(4, b).valid).toBe(false);
    }
    expect(isStatusByte(0x12)).toBe(true);
  });

  it('round-trips a state through reply bytes', () => {
    const s = { online: false, coverOpen: true, paperNearEnd: true, paperOut: true, error: false };
    const r = (n: 1 | 2 | 4) => parseStatusByte(n, statusReplyByte(n, s));
    expect(combineStatus(r(1), r(2), r(4))).toEqual(s);
    const ok = { online: true, coverOpen: false, paperNearEnd: false, paperOut: false, error: false };
    const q = (n: 1 | 2 | 4) => parseStatusByte(n, statusReplyByte(n, ok));
    expect(combineStatus(q(1), q(2), q(4))).toEqual(ok);
  });
});
