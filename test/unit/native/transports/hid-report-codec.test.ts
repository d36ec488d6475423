import { describe, expect, it } from 'vitest';
import { ChunkedReportCodec, ga467HidReportCodec, sscardHidReportCodec } from '../../../../native/transports/hid-report-codec';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').toUpperCase();

describe('chunked HID report codec', () => {
  it('lays out report id, PCB (more bit + sequence), length and zero padding', () => {
    const codec = ga467HidReportCodec();
    const [r] = codec.encode(Buffer.from('AAAAAA96690003200122', 'hex'));
    expect(r.length).toBe(64);
    expect(hex(r.subarray(0, 13))).toBe('01000A' + 'AAAAAA96690003200122');
    expect(r.subarray(13).every((b) => b === 0)).toBe(true);
  });

  it('chunks a 1295-byte GA 467 read reply over 22 reports and reassembles it', () => {
    const codec = ga467HidReportCodec();
    const msg = Uint8Array.from({ length: 1295 }, (_, i) => i & 0xff);
    const reports = codec.encode(msg);
    expect(reports).toHaveLength(Math.ceil(1295 / 61));
    expect(reports.map((r) => r[1] & 0x7f)).toEqual(reports.map((_, i) => i));
    expect(reports.slice(0, -1).every((r) => (r[1] & 0x80) !== 0)).toBe(true);
    expect(reports.at(-1)![1] & 0x80).toBe(0);
    const rx = ga467HidReportCodec();
    const out = reports.map((r) => rx.decode(r));
    expect(out.slice(0, -1).every((o) => !o.message && !o.error)).toBe(true);
    expect(out.at(-1)!.message).toEqual(msg);
  });

  it('drops a message with a lost report and reports it', () => {
    const codec = sscardHidReportCodec();
    const reports = codec.encode(new Uint8Array(200).fill(7));
    const rx = sscardHidReportCodec();
    rx.decode(reports[0]);
    expect(rx.decode(reports[2]).error?.code).toBe('out-of-sequence');
    expect(rx.buffered).toBe(0);
    // A new message starting while one is open: the partial one is dropped, the new one kept.
    rx.decode(reports[0]);
    const next = codec.encode(Uint8Array.of(1, 2, 3))[0];
    const res = rx.decode(next);
    expect(res.error?.code).toBe('lost-report');
    expect(res.message).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('rejects short reports, foreign report ids, impossible lengths and oversize messages', () => {
    const rx = sscardHidReportCodec();
    expect(rx.decode(Uint8Array.of(2, 0)).error?.code).toBe('short-report');
    expect(rx.decode(Buffer.alloc(64, 0)).error?.code).toBe('wrong-report-id');
    const bad = Buffer.alloc(64);
    bad[0] = 2;
    bad[2] = 62;
    expect(rx.decode(bad).error?.code).toBe('bad-length');
    const small = new ChunkedReportCodec({ reportId: 2, reportSize: 16, maxMessage: 26 });
    expect(() => small.encode(new Uint8Array(27))).toThrow(RangeError);
    const big = new ChunkedReportCodec({ reportId: 2, reportSize: 16, maxMessage: 1000 }).encode(new Uint8Array(100));
    const results = big.map((r) => small.decode(r));
    expect(results.some((r) => r.error?.code === 'too-long')).toBe(true);
    expect(small.buffered).toBeLessThanOrEqual(26);
  });

  it('fuzz: 100,000 random and mutated reports never throw and never buffer past maxMessage', () => {
    let s = 7;
    const rnd = (n: number) => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const codec = sscardHidReportCodec();
    const valid = codec.encode(new Uint8Array(300).fill(0x41));
    const rx = sscardHidReportCodec();
    let messages = 0;
    for (let i = 0; i < 100_000; i++) {
      let report: Uint8Array;
      if (i % 2) {
        report = Uint8Array.from({ length: rnd(70) }, () => rnd(256));
        if (report.length) report[0] = rnd(4) === 0 ? 2 : report[0];
      } else {
        report = Uint8Array.from(valid[i % valid.length]);
        if (rnd(3) === 0) report[rnd(3)] ^= 1 << rnd(8);
      }
      if (rx.decode(report).message) messages++;
      expect(rx.buffered).toBeLessThanOrEqual(1024);
    }
    expect(messages).toBeGreaterThan(0);
  });
});
