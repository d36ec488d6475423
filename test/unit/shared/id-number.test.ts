import { describe, expect, it } from 'vitest';
import { idCheckChar, idNumberProblem, isValidIdNumber, maskIdNumber, idSexCode, idBirthDate } from '../../../shared/id-number';

describe('GB 11643 ID numbers', () => {
  it('computes the check character from the standard weights', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
  });
  it('accepts valid numbers, including lower-case x', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });
  it('names what is wrong with a bad number', () => {
    expect(idNumberProblem('1101051949123100')).toBe('length');
    expect(idNumberProblem('11010519491231002Y')).toBe('characters');
    expect(idNumberProblem('110105194902300027')).toBe('birth-date');
    expect(idNumberProblem('110105194912310021')).toBe('check-digit');
  });
  it('derives sex and birth date', () => {
    expect(idSexCode('11010519491231002X')).toBe('2');
    expect(idBirthDate('11010519491231002X')).toBe('1949-12-31');
  });
  it('masks all but the first 6 and last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
