import { describe, expect, it } from 'vitest';
import { encodeSerialFrame, SerialFrameDeframer } from '../../../../../native/protocols/sscard/serial-framing';
import { MAX_READER_PAYLOAD, type DeframeEvent } from '../../../../../native/protocols/sscard/reader-protocol';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();
const frames = (evs: DeframeEvent[]) => evs.filter((e) => e.type === 'frame').map((e) => hex((e as { payload: Uint8Array }).payload));
const errors = (evs: DeframeEvent[]) => evs.filter((e) => e.type === 'error').map((e) => (e as { code: string }).code);

describe('serial reader framing', () => {
  it('encodes STX LEN SEQ CMD DATA BCC ETX byte by byte', () => {
    // payload SEQ=01 CMD=33 (card status): BCC = 00 ^ 02 ^ 01 ^ 33 = 30
    expect(hex(encodeSerialFrame(Uint8Array.of(0x01, 0x33)))).toBe('020002013330' + '03');
    expect(() => encodeSerialFrame(new Uint8Array(0))).toThrow(RangeError);
    expect(() => encodeSerialFrame(new Uint8Array(MAX_READER_PAYLOAD + 1))).toThrow(RangeError);
  });

  it('deframes back-to-back frames and frames split into single bytes', () => {
    const a = encodeSerialFrame(Uint8Array.of(1, 0x32, 0, 0x90, 0));
    const b = encodeSerialFrame(Uint8Array.of(2, 0x33, 0, 1));
    const d = new SerialFrameDeframer();
    expect(frames(d.push(Buffer.concat([a, b])))).toEqual(['0132009000', '01330001'.replace('01', '02')]);
    const got: DeframeEvent[] = [];
    for (const byte of Buffer.concat([a, b])) got.push(...d.push(Uint8Array.of(byte)));
    expect(frames(got)).toHaveLength(2);
    expect(d.buffered).toBe(0);
  });

  it('resynchronises after garbage, including stray STX bytes', () => {
    const f = encodeSerialFrame(Uint8Array.of(5, 0x30, 0, 0x3b, 0x6d));
    const d = new SerialFrameDeframer();
    const evs = d.push(Buffer.concat([Buffer.from([0xff, 0x13, 0x02, 0x00]), f, Buffer.from([0x99])]));
    expect(frames(evs)).toEqual(['0530003B6D']);
    expect(errors(evs)).toContain('garbage');
  });

  it('finds a real frame hidden behind a fake header announcing a long frame', () => {
    const f = encodeSerialFrame(Uint8Array.of(7, 0x31, 0));
    const d = new SerialFrameDeframer();
    const evs = d.push(Buffer.concat([Buffer.from([0x02, 0x01, 0xf4]), f]));
    expect(frames(evs)).toEqual(['073100']);
  });

  it('reports a wrong checksum and drops that frame but keeps the next', () => {
    const bad = Buffer.from(encodeSerialFrame(Uint8Array.of(1, 0x32, 0, 0x90, 0)));
    bad[bad.length - 2] ^= 0xff;
    const good = encodeSerialFrame(Uint8Array.of(2, 0x32, 0, 0x90, 0));
    const evs = new SerialFrameDeframer().push(Buffer.concat([bad, good]));
    expect(errors(evs)).toEqual(['bad-checksum']);
    expect(frames(evs)).toEqual(['0232009000']);
  });

  it('reports impossible lengths and a missing ETX', () => {
    const d = new SerialFrameDeframer();
    expect(errors(d.push(Buffer.from([0x02, 0x00, 0x00])))).toContain('bad-length');
    expect(errors(d.push(Buffer.from([0x02, 0xff, 0xff])))).toContain('bad-length');
    const noEtx = Buffer.from(encodeSerialFrame(Uint8Array.of(1, 0x33)));
    noEtx[noEtx.length - 1] = 0x04;
    expect(errors(new SerialFrameDeframer().push(noEtx))).toContain('bad-terminator');
  });

  it('never holds more than one maximal frame', () => {
    const d = new SerialFrameDeframer();
    d.push(Buffer.from([0x02, (MAX_READER_PAYLOAD >> 8) & 0xff, MAX_READER_PAYLOAD & 0xff]));
    for (let i = 0; i < 200; i++) d.push(Buffer.alloc(50, 0x41));
    expect(d.buffered).toBeLessThanOrEqual(MAX_READER_PAYLOAD + 5);
    d.reset();
    expect(d.buffered).toBe(0);
  });
});
