/** The kiosk's name mask (renderer/src/kiosk/mask.ts): first and last character kept, the rest starred. */
import { describe, expect, it } from 'vitest';
import { maskName } from '../../../../../renderer/src/kiosk/mask';

describe('maskName', () => {
  it.each([
    ['张伟明', '张*明'],
    ['李四', '李*'],
    ['欧阳晓东', '欧**东'],
    ['阿依古丽·买买提', '阿******提'],
    ['王', '*'],
    ['  陈嘉欣 ', '陈*欣'],
    ['', ''],
  ])('%j → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never shows a name of two or more characters whole', () => {
    for (const name of ['张三', '张伟明', 'Smith', '史密斯·约翰']) expect(maskName(name)).not.toBe(name);
  });
});
