import { describe, expect, it } from 'vitest';
import {
  encodeCommandApdu,
  getResponse,
  parseResponseApdu,
  readBinary,
  readRecord,
  selectByFileId,
  selectByName,
} from '../../../../../native/protocols/apdu/command';
import { MalformedResponseError, transmitCommand, type ApduChannel } from '../../../../../native/protocols/apdu/channel';
import { interpretStatus } from '../../../../../native/protocols/apdu/status-words';
import { SSCARD_DF_NAME } from '../../../../../native/protocols/sscard/application';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

describe('command APDU builders', () => {
  it('SELECT sx1.sh.社会保障 by name in GBK', () => {
    expect(hex(encodeCommandApdu(selectByName(SSCARD_DF_NAME)))).toBe('00A404000F7378312E73682EC9E7BBE1B1A3D5CF');
  });
  it('SELECT by file id with P1=02 and P1=00', () => {
    expect(hex(encodeCommandApdu(selectByFileId(0xef05)))).toBe('00A4020002EF05');
    expect(hex(encodeCommandApdu(selectByFileId(0x3f00, 0x00)))).toBe('00A40000023F00');
  });
  it('READ RECORD current EF and with SFI, READ BINARY, GET RESPONSE', () => {
    expect(hex(encodeCommandApdu(readRecord(7)))).toBe('00B2070400');
    expect(hex(encodeCommandApdu(readRecord(1, { sfi: 5, le: 0x22 })))).toBe('00B2012C22');
    expect(hex(encodeCommandApdu(readBinary(0x0102, 0x10)))).toBe('00B0010210');
    expect(hex(encodeCommandApdu(getResponse(0x1b)))).toBe('00C000001B');
    expect(hex(encodeCommandApdu({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 256 }))).toBe('00B0000000');
  });
  it('rejects values a short APDU cannot carry', () => {
    expect(() => readRecord(0)).toThrow(RangeError);
    expect(() => readRecord(255)).toThrow(RangeError);
    expect(() => readRecord(1, { sfi: 31 })).toThrow(RangeError);
    expect(() => selectByFileId(0x10000)).toThrow(RangeError);
    expect(() => selectByName(new Uint8Array(17))).toThrow(RangeError);
    expect(() => selectByName(new Uint8Array(0))).toThrow(RangeError);
    expect(() => readBinary(0x8000)).toThrow(RangeError);
    expect(() => encodeCommandApdu({ cla: 0x100, ins: 0, p1: 0, p2: 0 })).toThrow(RangeError);
    expect(() => encodeCommandApdu({ cla: 0, ins: 0, p1: 0, p2: 0, data: new Uint8Array(256) })).toThrow(RangeError);
    expect(() => encodeCommandApdu({ cla: 0, ins: 0, p1: 0, p2: 0, le: 257 })).toThrow(RangeError);
  });
});

describe('response APDU and status words', () => {
  it('splits data and SW, refuses responses shorter than SW', () => {
    expect(parseResponseApdu(Uint8Array.of(1, 2, 0x90, 0))).toMatchObject({ sw: 0x9000, data: Uint8Array.of(1, 2) });
    expect(parseResponseApdu(Uint8Array.of(0x90))).toBeNull();
    expect(parseResponseApdu(new Uint8Array(0))).toBeNull();
  });
  it.each([
    [0x90, 0x00, 'ok', true],
    [0x6a, 0x82, 'file-not-found', false],
    [0x6a, 0x83, 'record-not-found', false],
    [0x69, 0x82, 'security-not-satisfied', false],
    [0x69, 0x83, 'auth-blocked', false],
    [0x67, 0x00, 'wrong-length', false],
    [0x6d, 0x00, 'ins-not-supported', false],
    [0x6e, 0x00, 'cla-not-supported', false],
    [0x61, 0x1b, 'more-data', false],
    [0x6c, 0x0c, 'wrong-le', false],
    [0x63, 0xc2, 'warning', false],
    [0x12, 0x34, 'unknown', false],
  ])('%s %s → %s', (sw1, sw2, kind, ok) => {
    const s = interpretStatus(sw1, sw2);
    expect(s.kind).toBe(kind);
    expect(s.ok).toBe(ok);
    expect(s.message).toMatch(/[\u4e00-\u9fa5]/);
  });
  it('carries the counts of 61xx / 6Cxx and shows unknown words in hex', () => {
    expect(interpretStatus(0x61, 0x1b).count).toBe(0x1b);
    expect(interpretStatus(0x6c, 0x00).message).toContain('256');
    expect(interpretStatus(0x12, 0x34).message).toContain('1234');
    expect(interpretStatus(0x69, 0x82).message).toContain('PSAM');
  });
});

/** A channel answering from a script of [expected command hex, response hex]. */
function scripted(script: Array<[string, string]>): ApduChannel & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async transmit(apdu) {
      sent.push(hex(apdu));
      const step = script.shift();
      if (!step) throw new Error('unexpected APDU ' + hex(apdu));
      expect(hex(apdu)).toBe(step[0]);
      return Uint8Array.from(Buffer.from(step[1], 'hex'));
    },
  };
}

describe('transmitCommand', () => {
  it('follows 61xx with GET RESPONSE and concatenates chained data', async () => {
    const ch = scripted([
      ['00A4020002EF05', '6103'],
      ['00C0000003', 'AABBCC6102'],
      ['00C0000002', 'DDEE9000'],
    ]);
    const res = await transmitCommand(ch, selectByFileId(0xef05));
    expect(hex(res.data)).toBe('AABBCCDDEE');
    expect(res.status.ok).toBe(true);
  });
  it('resends with Le from 6Cxx', async () => {
    const ch = scripted([
      ['00B2070400', '6C0B'],
      ['00B207040B', '0709413939303130303031' + '9000'],
    ]);
    const res = await transmitCommand(ch, readRecord(7));
    expect(res.data.length).toBe(11);
  });
  it('returns error statuses for the caller to judge', async () => {
    const res = await transmitCommand(scripted([['00B2070400', '6A83']]), readRecord(7));
    expect(res.status.kind).toBe('record-not-found');
  });
  it('throws a typed error on a response without status word', async () => {
    await expect(transmitCommand(scripted([['00B2070400', '90']]), readRecord(7))).rejects.toBeInstanceOf(MalformedResponseError);
  });
  it('stops a card that keeps announcing more data', async () => {
    const endless: ApduChannel = { transmit: async () => Uint8Array.from([...new Uint8Array(255), 0x61, 0xff]) };
    await expect(transmitCommand(endless, readRecord(1))).rejects.toBeInstanceOf(MalformedResponseError);
  });
});
