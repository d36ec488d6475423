/** Fuzz: ≥ 100,000 generated cases per parser. No throws, bounded output, split invariance. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EscPosDecoder, MAX_LINE_BYTES, type DecodeEvent } from '../../../../../native/protocols/escpos/decode';
import { isStatusByte, parseStatusByte, type StatusQuery } from '../../../../../native/protocols/escpos/status';

const RUNS = 100_000;

describe('fuzz: status reply parser', () => {
  it('never throws and is valid exactly when the fixed bits match', () => {
    fc.assert(
      fc.property(fc.constantFrom<StatusQuery>(1, 2, 3, 4), fc.oneof(fc.integer({ min: 0, max: 255 }), fc.integer(), fc.double()), (n, b) => {
        const r = parseStatusByte(n, b);
        expect(r.valid).toBe(Number.isInteger(b) && b >= 0 && b <= 255 && isStatusByte(b));
        expect(r.query).toBe(n);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('fuzz: ESC/POS decoder', () => {
  // Bytes biased toward command leads and common opcodes so the state machine is exercised.
  const byte = fc.oneof(
    fc.constantFrom(0x1b, 0x1d, 0x1c, 0x10, 0x04, 0x0a, 0x00, 0x40, 0x61, 0x21, 0x56, 0x76, 0x6b, 0x28, 0x2a, 0x26, 0xba),
    fc.integer({ min: 0, max: 255 }),
  );

  it('never throws, bounds line length and decodes the same whatever the split', () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 160 }), fc.nat({ max: 160 }), (bytes, cut) => {
        const data = Uint8Array.from(bytes);
        const one = new EscPosDecoder();
        const a: DecodeEvent[] = [...one.push(data), ...one.flush()];
        const two = new EscPosDecoder();
        const at = Math.min(cut, data.length);
        const b: DecodeEvent[] = [...two.push(data.subarray(0, at)), ...two.push(data.subarray(at)), ...two.flush()];
        expect(b).toEqual(a);
        for (const e of a) if (e.type === 'line') expect(e.line.text.length).toBeLessThanOrEqual(MAX_LINE_BYTES);
      }),
      { numRuns: RUNS },
    );
  });
});
