/**
 * Fuzz every 社保卡 parser with random and mutated inputs (≥ 100,000 cases each): no throw, no hang,
 * buffers stay bounded. A seeded PRNG keeps failures reproducible.
 */
import { describe, expect, it } from 'vitest';
import { parseResponseApdu } from '../../../../../native/protocols/apdu/command';
import { interpretStatus } from '../../../../../native/protocols/apdu/status-words';
import { parseBerTlv, encodeTlv } from '../../../../../native/protocols/apdu/tlv';
import { decodeValue, SSCARD_RECORDS } from '../../../../../native/protocols/sscard/application';
import { HidMessageDeframer } from '../../../../../native/protocols/sscard/hid-framing';
import { parseProvincialCardInfo, ProvincialLibraryError } from '../../../../../native/protocols/sscard/provincial-library';
import { MAX_READER_PAYLOAD } from '../../../../../native/protocols/sscard/reader-protocol';
import { encodeSerialFrame, SerialFrameDeframer } from '../../../../../native/protocols/sscard/serial-framing';
import { SsCardReader } from '../../../../../native/protocols/sscard/sscard-reader';
import { SsCardError } from '../../../../../native/protocols/sscard/errors';
import { SimulatedSsCard, sampleSsCard } from '../../../../../native/simulators/simulated-sscard';

const CASES = 100_000;

function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  return {
    int: (n: number) => next() % n,
    bytes(n: number) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = next() & 0xff;
      return out;
    },
  };
}

/** Flip, insert, delete or truncate a few bytes of a valid input. */
function mutate(r: ReturnType<typeof prng>, input: Uint8Array): Uint8Array {
  const a = Array.from(input);
  const ops = 1 + r.int(3);
  for (let k = 0; k < ops; k++) {
    const at = a.length ? r.int(a.length) : 0;
    switch (r.int(5)) {
      case 0:
        if (a.length) a[at] ^= 1 << r.int(8);
        break;
      case 1:
        a.splice(at, 0, r.int(256));
        break;
      case 2:
        a.splice(at, 1);
        break;
      case 3:
        a.length = at;
        break;
      default:
        if (a.length) a[at] = r.int(256);
    }
  }
  return Uint8Array.from(a);
}

describe('fuzz (100,000+ cases per parser)', () => {
  it('serial deframer: random and mutated streams never throw and stay bounded', () => {
    const r = prng(1);
    const d = new SerialFrameDeframer();
    const valid = [encodeSerialFrame(Uint8Array.of(1, 0x32, 0, 0x90, 0)), encodeSerialFrame(r.bytes(300)), encodeSerialFrame(Uint8Array.of(9, 0x33, 0, 1))];
    let framesSeen = 0;
    for (let i = 0; i < CASES; i++) {
      const input = i % 2 ? r.bytes(r.int(64)) : mutate(r, valid[i % 3]);
      for (const ev of d.push(input)) if (ev.type === 'frame') framesSeen++;
      expect(d.buffered).toBeLessThanOrEqual(MAX_READER_PAYLOAD + 5 - 1);
    }
    // After any noise a clean frame still comes through.
    d.reset();
    expect(d.push(valid[0]).some((e) => e.type === 'frame')).toBe(true);
    expect(framesSeen).toBeGreaterThan(0);
  });

  it('HID message deframer: any chunk gives a frame or a length error', () => {
    const r = prng(2);
    const d = new HidMessageDeframer();
    for (let i = 0; i < CASES; i++) {
      const evs = d.push(r.bytes(r.int(700)));
      expect(evs).toHaveLength(1);
    }
  });

  it('BER-TLV parser: never throws, never reports objects past the input', () => {
    const r = prng(3);
    const valid = Uint8Array.from([...encodeTlv(0x07, r.bytes(9)), 0x6f, 0x05, 0x84, 0x03, 1, 2, 3, 0x9f, 0x38, 0x81, 0x01, 0xaa]);
    for (let i = 0; i < CASES; i++) {
      const input = i % 2 ? r.bytes(r.int(80)) : mutate(r, valid);
      const res = parseBerTlv(input);
      for (const it of res.items) expect(it.value.length).toBeLessThanOrEqual(input.length);
      if (res.error) expect(res.error.offset).toBeLessThanOrEqual(input.length);
    }
  });

  it('response APDU + status words + record values: total functions', () => {
    const r = prng(4);
    for (let i = 0; i < CASES; i++) {
      const input = r.bytes(r.int(40));
      const res = parseResponseApdu(input);
      if (res) expect(typeof interpretStatus(res.sw1, res.sw2).message).toBe('string');
      const spec = SSCARD_RECORDS[i % SSCARD_RECORDS.length];
      const v = decodeValue(spec, input);
      expect('value' in v || 'problem' in v).toBe(true);
    }
  });

  it('provincial library parser: only ProvincialLibraryError, never anything else', () => {
    const r = prng(5);
    const good = '990100|990102196003150018|A99010001|C30FB1A2ED017AE41B9978567EC6D824|张三|3B6D0000|3.00|20230601|20330601|T0001|D1|';
    const alphabet = '|0123456789ABCDEFX.张三\r\n ';
    let accepted = 0;
    for (let i = 0; i < CASES; i++) {
      let s: string;
      if (i % 2) {
        s = Array.from({ length: r.int(120) }, () => alphabet[r.int(alphabet.length)]).join('');
      } else {
        const chars = [...good];
        for (let k = 1 + r.int(3); k > 0; k--) {
          const at = r.int(chars.length);
          if (r.int(2)) chars.splice(at, 1);
          else chars.splice(at, 0, alphabet[r.int(alphabet.length)]);
        }
        s = chars.join('');
      }
      try {
        parseProvincialCardInfo(s);
        accepted++;
      } catch (e) {
        expect(e).toBeInstanceOf(ProvincialLibraryError);
      }
    }
    expect(accepted).toBeLessThan(CASES);
  });

  it('SsCardReader over a card answering mutated responses: only typed errors', async () => {
    const r = prng(6);
    let typed = 0;
    for (let i = 0; i < 20_000; i++) {
      const card = new SimulatedSsCard(sampleSsCard(i % 6));
      card.reset();
      const which = r.int(14);
      let n = 0;
      const reader = new SsCardReader({
        transmit: async (apdu) => {
          const res = card.process(apdu);
          return n++ === which ? mutate(r, res) : res;
        },
      });
      try {
        await reader.read();
      } catch (e) {
        expect(e).toBeInstanceOf(SsCardError);
        typed++;
      }
    }
    expect(typed).toBeGreaterThan(0);
  });
});
