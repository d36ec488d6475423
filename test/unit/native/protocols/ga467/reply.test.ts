import { describe, expect, it } from 'vitest';
import {
  decodeReadData,
  encodeReadData,
  encodeTextBlock,
  formatSamId,
  Ga467Error,
  parseReply,
  splitReadData,
} from '../../../../../native/protocols/ga467';
import { sampleIdCard } from '../../../../../native/simulators/sample-id-cards';
import { readReplyFrame } from '../../../../helpers/ga467-fixtures';

const text = encodeTextBlock(sampleIdCard());
const wlt = Buffer.alloc(1024, 0x57);

describe('GA 467 read replies', () => {
  it('decodes a whole 1,295-byte read reply into identity text and the raw WLT photo', () => {
    const frame = readReplyFrame();
    expect(frame.length).toBe(1295);
    const reply = parseReply({ body: frame.subarray(7, -1) });
    expect(reply.status.kind).toBe('ok');
    const read = decodeReadData(reply.data);
    expect(read.card.name).toBe('张伟明');
    expect(read.wlt.length).toBe(1024);
    expect(read.wlt.subarray(0, 3).toString('latin1')).toBe('WLT');
  });

  it('decodes the fingerprint variant with its third length and block', () => {
    const fp = Buffer.alloc(1024, 0x46);
    const read = decodeReadData(encodeReadData(text, wlt, fp), true);
    expect(read.fingerprint).toEqual(fp);
    expect(decodeReadData(encodeReadData(text, wlt, Buffer.alloc(0)), true).fingerprint?.length).toBe(0);
  });

  it('rejects read data whose announced lengths do not add up', () => {
    const data = encodeReadData(text, wlt);
    expect(() => splitReadData(data.subarray(0, data.length - 1), false)).toThrow(Ga467Error);
    expect(() => splitReadData(Buffer.concat([data, Buffer.from([0])]), false)).toThrow(/不完整/);
    expect(() => splitReadData(data.subarray(0, 3), false)).toThrow(Ga467Error);
    const badText = Buffer.from(data);
    badText.writeUInt16BE(255, 0);
    expect(() => splitReadData(badText, false)).toThrow(/不完整/);
    // A fingerprint read parsed as a plain one (and vice versa) is caught by the lengths.
    expect(() => splitReadData(encodeReadData(text, wlt, Buffer.alloc(1024)), false)).toThrow(Ga467Error);
    expect(() => splitReadData(data, true)).toThrow(Ga467Error);
  });

  it('rejects a reply body shorter than the three status bytes', () => {
    expect(() => parseReply({ body: Buffer.from([0, 0]) })).toThrow(/应答过短/);
  });

  it('formats a SAM id and rejects a short one', () => {
    const id = Buffer.alloc(16);
    id.writeUInt16LE(5, 0);
    id.writeUInt16LE(1, 2);
    id.writeUInt32LE(20101010, 4);
    id.writeUInt32LE(12345678, 8);
    id.writeUInt32LE(1234567890, 12);
    expect(formatSamId(id)).toBe('05.01-20101010-0012345678-1234567890');
    expect(() => formatSamId(Buffer.alloc(15))).toThrow(Ga467Error);
  });
});
