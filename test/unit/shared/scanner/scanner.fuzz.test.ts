/** Fuzz: ≥ 100,000 generated cases per parser. No throws, no hangs, bounded buffers, split invariance. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidIdNumber } from '../../../../shared/id-number';
import { classifyScan } from '../../../../shared/scanner/classify';
import { ScanLineFramer, type FramerEvent } from '../../../../native/protocols/scanner/line-framer';
import { WedgeDetector } from '../../../../shared/scanner/wedge-detector';

const RUNS = 100_000;
// Bytes biased toward terminators and control characters, where framing bugs live.
const byte = fc.oneof(fc.constantFrom(0x0d, 0x0a, 0x00, 0x02, 0x7f, 0x41, 0x31), fc.integer({ min: 0, max: 255 }));

describe('fuzz: ScanLineFramer', () => {
  it('never throws, stays bounded and frames the same whatever the split', () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 120 }), fc.nat({ max: 120 }), (bytes, cut) => {
        const data = Uint8Array.from(bytes);
        const whole = new ScanLineFramer({ maxLineBytes: 16 });
        const a = whole.push(data);
        const split = new ScanLineFramer({ maxLineBytes: 16 });
        const at = Math.min(cut, data.length);
        const b: FramerEvent[] = [...split.push(data.subarray(0, at)), ...split.push(data.subarray(at))];
        expect(b).toEqual(a);
        expect(whole.pendingBytes).toBeLessThanOrEqual(16);
        for (const e of a) {
          if (e.type !== 'line') continue;
          expect(e.text.length).toBeGreaterThan(0);
          expect(Buffer.byteLength(e.text)).toBeLessThanOrEqual(16);
          // eslint-disable-next-line no-control-regex
          expect(e.text).not.toMatch(/[\u0000-\u001f\u007f]/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: classifyScan', () => {
  const kinds = new Set(['id-number', 'sscard-number', 'ec-voucher', 'e-invoice', 'unrecognised']);
  // Mostly near-miss inputs: digit strings, invoice-shaped CSV with random fields, random text.
  const digits = fc.string({ unit: fc.constantFrom(...'0123456789Xx'), minLength: 14, maxLength: 20 });
  const field = fc.string({ unit: fc.constantFrom(...'0123456789.-aZ '), maxLength: 12 });
  const csv = fc.array(field, { minLength: 5, maxLength: 8 }).map((f) => ['01', '33060124', '0001234567', ...f].join(','));
  const url = fc.tuple(field, field, field).map(([a, b, c]) => `https://x.cn/v?billcode=${a}&billno=0001234567&random=${b}&date=20240315&amount=${c}`);
  const input = fc.oneof(digits, csv, url, fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }));

  it('always returns a known kind; accepted results are internally valid; rejections carry a reason', () => {
    fc.assert(
      fc.property(input, (text) => {
        const r = classifyScan(text);
        expect(kinds.has(r.kind)).toBe(true);
        if (r.kind === 'id-number') expect(isValidIdNumber(r.idNumber)).toBe(true);
        if (r.kind === 'e-invoice') {
          expect(Number.isSafeInteger(r.invoice.amountFen) && r.invoice.amountFen >= 0).toBe(true);
          expect(r.invoice.billCode).toMatch(/^\d{8}$/);
          expect(r.invoice.billNumber).toMatch(/^\d{10}$/);
          expect(r.invoice.issueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
        if (r.kind === 'unrecognised') expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: WedgeDetector', () => {
  it('never throws; retract never exceeds the keys seen; scans are at least minLength', () => {
    const key = fc.oneof(fc.constantFrom('Enter', 'Shift', 'Backspace', 'a', '1'), fc.string({ minLength: 1, maxLength: 2 }));
    const ev = fc.record({ key, gap: fc.integer({ min: -5, max: 80 }), ctrlKey: fc.boolean() });
    fc.assert(
      fc.property(fc.array(ev, { maxLength: 40 }), (events) => {
        const d = new WedgeDetector({ maxLength: 32 });
        let t = 0;
        let seen = 0;
        for (const e of events) {
          t += e.gap;
          const r = d.feed({ key: e.key, time: t, ctrlKey: e.ctrlKey && e.gap % 7 === 0 });
          seen++;
          expect(r.retract).toBeLessThanOrEqual(seen);
          if (r.scan !== undefined) expect(r.scan.length).toBeGreaterThanOrEqual(6);
          if (r.abandoned !== undefined) expect(r.abandoned.length).toBeLessThanOrEqual(32);
        }
        d.tick(t + 1000);
        expect(d.scanning).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });
});
