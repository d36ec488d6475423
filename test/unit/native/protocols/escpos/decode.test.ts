import { describe, expect, it } from 'vitest';
import { EscPosBuilder } from '../../../../../native/protocols/escpos/builder';
import { EscPosDecoder, decodeEscPos, MAX_LINE_BYTES, toItems, type DecodeEvent } from '../../../../../native/protocols/escpos/decode';

describe('EscPosDecoder', () => {
  it('recovers lines with alignment, size and bold, and cut marks', () => {
    const bytes = new EscPosBuilder(80).init().chineseMode().align('center').size(2, 3).bold().line('标题').bold(false).size(1, 1).align('right').line('右').cut().bytes();
    expect(decodeEscPos(bytes)).toEqual([
      { text: '标题', align: 'center', width: 2, height: 3, bold: true },
      { text: '右', align: 'right', width: 1, height: 1, bold: false },
      { cut: true },
    ]);
  });

  it('gives the same result for any split of the byte stream', () => {
    const bytes = new EscPosBuilder(58).init().chineseMode().line('医保综合柜员工作站').statusQuery(2).row('金额', '1.00元').cut().bytes();
    const whole = decodeEscPos(bytes);
    for (let split = 1; split < bytes.length; split++) {
      const d = new EscPosDecoder();
      const evs: DecodeEvent[] = [...d.push(bytes.subarray(0, split)), ...d.push(bytes.subarray(split)), ...d.flush()];
      const items = toItems(evs);
      expect(items).toEqual(whole);
      expect(evs.filter((e) => e.type === 'status-query')).toEqual([{ type: 'status-query', n: 2 }]);
    }
  });

  it('treats a DLE EOT inside a parameter as a parameter (GS ! 0x10 followed by 04)', () => {
    const d = new EscPosDecoder();
    const evs = d.push(Uint8Array.from([0x1d, 0x21, 0x10, 0x04, 0x41, 0x0a]));
    expect(evs.some((e) => e.type === 'status-query')).toBe(false);
    expect(evs).toEqual([{ type: 'line', line: { text: 'A', align: 'left', width: 2, height: 1, bold: false } }]);
  });

  it('skips raster images and barcodes by their declared length, without storing them', () => {
    const image = [0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x03, 0x00, ...new Array(6).fill(0x0a)];
    const barcode = [0x1d, 0x6b, 0x04, 0x31, 0x32, 0x00];
    const evs = new EscPosDecoder().push(Uint8Array.from([...image, ...barcode, 0x41, 0x0a]));
    expect(evs.map((e) => e.type)).toEqual(['image', 'barcode', 'line']);
  });

  it('shows non-ASCII bytes as ? outside Chinese mode, and bad GB18030 as ? inside it', () => {
    expect(decodeEscPos(Uint8Array.from([0xba, 0xba, 0x0a]))[0]).toMatchObject({ text: '??' });
    expect(decodeEscPos(Uint8Array.from([0x1c, 0x26, 0xba, 0xba, 0xff, 0x0a]))[0]).toMatchObject({ text: '汉?' });
  });

  it('cuts an endless line at MAX_LINE_BYTES', () => {
    const items = decodeEscPos(new Uint8Array(MAX_LINE_BYTES * 3 + 5).fill(0x41));
    expect(items.map((l) => ('text' in l ? l.text.length : -1))).toEqual([MAX_LINE_BYTES, MAX_LINE_BYTES, MAX_LINE_BYTES, 5]);
  });

  it('survives truncated commands at the end of input', () => {
    for (const tail of [[0x1b], [0x1d, 0x56], [0x10, 0x04], [0x1d, 0x76, 0x30], [0x1b, 0x2a, 0x21, 0xff]]) {
      expect(() => decodeEscPos(Uint8Array.from([0x41, ...tail]))).not.toThrow();
    }
  });
});
