import { describe, expect, it } from 'vitest';
import { redact } from '../../../../native/protocols/redact';
import { logText } from '../../../../electron/host/log';

describe('redact: what may be printed', () => {
  it.each([
    ['参保人张伟明(110101198503120017)参保状态异常', '参保人***(110101********0017)参保状态异常'],
    ['人员李四 990102198507220023 参保状态异常，请核实', '人*** 990102********0023 参保状态异常，请核实'],
    ['持卡人 王五 社会保障号码 990103198001010031 卡已挂失', '持卡人 *** 社会保障号码 990103********0031 卡已挂失'],
    ['110101198503120017，张伟明 未参保', '110101********0017，*** 未参保'],
    ['姓名：赵六 电话已登记', '姓名：*** 电话已登记'],
    ['{"psn_name":"张伟明","certno":"110101198503120017","psn_no":"P1","opsp_dise_name":"糖尿病"}', '{"psn_name":"***","certno":"***","psn_no":"P1","opsp_dise_name":"***"}'],
    ['id 11010119850312001x lower-case check character', 'id 110101********001X lower-case check character'],
  ])('%s', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it('leaves case numbers, msgids and 人员编号 alone', () => {
    const text = '办件 99010000320260302000001 报文 H99010100001202603020930001234 人员编号 99010000000000000002';
    expect(redact(text)).toBe(text);
  });

  it('the host log also masks disease names and codes from the catalogue', () => {
    expect(logText('平台退回:', new Error('该人员已存在有效的糖尿病备案 (M01600)'))).toBe('平台退回: Error: 该人员已存在有效的***备案 (***)');
  });
});
