/** The region picker's rule: a choice counts only while the field shows it; arrow keys wrap through the list. */
import { describe, expect, it } from 'vitest';
import { choiceLabel, moveActive, valueForText } from '../../../../../renderer/src/ui/region-choice';

const nanshan = { code: '440305', name: '南山区', fullName: '广东省深圳市南山区' };

describe('region picker choice', () => {
  it('keeps the chosen code while the field shows the choice', () => {
    expect(choiceLabel(nanshan)).toBe('南山区 440305');
    expect(valueForText('南山区 440305', nanshan)).toBe('440305');
  });

  it('drops the code as soon as the text no longer shows the choice', () => {
    expect(valueForText('南山区 44030', nanshan)).toBe('');
    expect(valueForText('zzz', nanshan)).toBe('');
    expect(valueForText('', nanshan)).toBe('');
    expect(valueForText('440305', null)).toBe(''); // typing a code is a search, not a choice
  });

  it('moves the highlight with wrap-around, and has none in an empty list', () => {
    expect(moveActive(-1, 3, 1)).toBe(0);
    expect(moveActive(-1, 3, -1)).toBe(2);
    expect(moveActive(2, 3, 1)).toBe(0);
    expect(moveActive(0, 3, -1)).toBe(2);
    expect(moveActive(0, 0, 1)).toBe(-1);
  });
});
