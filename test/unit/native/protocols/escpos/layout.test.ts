import { describe, expect, it } from 'vitest';
import { columnsFor, displayWidth, formatFen, twoColumn, wrapText } from '../../../../../native/protocols/escpos/layout';

describe('layout', () => {
  it('columns per paper width', () => {
    expect(columnsFor(58)).toBe(32);
    expect(columnsFor(80)).toBe(48);
  });
  it('counts hanzi and full-width punctuation as 2 columns', () => {
    expect(displayWidth('医保A1，')).toBe(8);
  });
  it('wraps without splitting a hanzi across lines', () => {
    expect(wrapText('ab汉字cd', 5)).toEqual(['ab汉', '字cd']);
    expect(wrapText('a\n\nb', 10)).toEqual(['a', '', 'b']);
  });
  it('two columns: right flush; overflow moves the right part to its own line', () => {
    expect(twoColumn('经办人', '李四', 16)).toEqual(['经办人      李四']);
    expect(twoColumn('长长长长长长长', '123.45', 16)).toEqual(['长长长长长长长', '          123.45']);
  });
  it('formats 分 as yuan with two decimals without floats', () => {
    expect(formatFen(0)).toBe('0.00');
    expect(formatFen(5)).toBe('0.05');
    expect(formatFen(123456)).toBe('1234.56');
    expect(formatFen(-105)).toBe('-1.05');
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(() => formatFen(1.5)).toThrow(RangeError);
    expect(() => formatFen(Number.NaN)).toThrow(RangeError);
  });
});
