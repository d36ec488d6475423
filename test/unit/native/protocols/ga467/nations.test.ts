import { describe, expect, it } from 'vitest';
import { nationByCode, NATIONS } from '../../../../../native/protocols/ga467';

describe('GB 3304 nations', () => {
  it('lists the 56 nations with unique two-digit codes, plus 97 and 98', () => {
    const codes = NATIONS.map((n) => n.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.filter((c) => Number(c) >= 1 && Number(c) <= 56)).toHaveLength(56);
    expect(codes.every((c) => /^\d{2}$/.test(c))).toBe(true);
  });

  it('maps codes to the names printed on the card', () => {
    expect(nationByCode('01')?.name).toBe('汉');
    expect(nationByCode('01')?.fullName).toBe('汉族');
    expect(nationByCode('05')?.name).toBe('维吾尔');
    expect(nationByCode('56')?.name).toBe('基诺');
    expect(nationByCode('00')).toBeUndefined();
    expect(nationByCode('1')).toBeUndefined();
    expect(nationByCode('57')).toBeUndefined();
  });
});
