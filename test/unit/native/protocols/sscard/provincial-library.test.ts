import { describe, expect, it } from 'vitest';
import { identityFromProvincial, parseProvincialCardInfo, ProvincialLibraryError } from '../../../../../native/protocols/sscard/provincial-library';

const GOOD = '990100|990102196003150018|A99010001|C30FB1A2ED017AE41B9978567EC6D824|张三|3B6D00000081104A4E5353030030303031|3.00|20230601|20330601|T0001|D99010001|';

function problem(output: string): string {
  try {
    parseProvincialCardInfo(output);
  } catch (e) {
    expect(e).toBeInstanceOf(ProvincialLibraryError);
    expect((e as ProvincialLibraryError).code).toBe('format');
    return (e as Error).message;
  }
  throw new Error('accepted bad output: ' + output);
}

const withField = (i: number, v: string) => {
  const parts = GOOD.slice(0, -1).split('|');
  parts[i] = v;
  return parts.join('|') + '|';
};

describe('provincial library output parser', () => {
  it('parses the 11 fields', () => {
    expect(parseProvincialCardInfo(GOOD)).toEqual({
      issuerRegion: '990100',
      ssn: '990102196003150018',
      cardNumber: 'A99010001',
      cardId: 'C30FB1A2ED017AE41B9978567EC6D824',
      name: '张三',
      atr: '3B6D00000081104A4E5353030030303031',
      specVersion: '3.00',
      issueDate: '20230601',
      expiryDate: '20330601',
      terminalNo: 'T0001',
      terminalDeviceNo: 'D99010001',
    });
  });
  it('tolerates a trailing CR LF / NUL and empty terminal fields', () => {
    expect(parseProvincialCardInfo(GOOD + '\r\n\0').name).toBe('张三');
    expect(parseProvincialCardInfo(withField(9, '')).terminalNo).toBe('');
  });
  it('builds an identity, deriving sex and birth date from the SSN', () => {
    const id = identityFromProvincial(parseProvincialCardInfo(GOOD));
    expect(id).toMatchObject({ sexCode: '1', sex: '男', birthDate: '19600315', source: 'library', issuerRegion: '990100' });
    expect(id.nation).toBeUndefined();
    const odd = identityFromProvincial(parseProvincialCardInfo(withField(1, 'ABC1234567890123')));
    expect(odd).toMatchObject({ sexCode: '0', birthDate: '' });
  });
  it.each([
    ['no trailing |', GOOD.slice(0, -1), '结尾'],
    ['10 fields', GOOD.split('|').slice(1).join('|'), '11 个字段'],
    ['12 fields', GOOD + 'x|', '11 个字段'],
    ['empty', '', '结尾'],
    ['region not 6 digits', withField(0, '99010'), '发卡地区区划'],
    ['card number wrong length', withField(2, 'A9901000'), '卡号'],
    ['card id 31 chars', withField(3, 'C30FB1A2ED017AE41B9978567EC6D82'), '卡识别码'],
    ['empty name', withField(4, ''), '姓名'],
    ['ATR not hex', withField(5, '3B6Z'), '卡复位信息'],
    ['spec version', withField(6, '3.0'), '规范版本'],
    ['impossible issue date', withField(7, '20230231'), '发卡日期'],
    ['expiry not a date', withField(8, '2033-06-01'), '卡有效期'],
    ['terminal with spaces', withField(10, 'D 1'), '终端设备号'],
    ['too long', 'x'.repeat(5000) + '|', '过长'],
  ])('%s → typed format error', (_n, input, expected) => {
    expect(problem(input)).toContain(expected);
  });
});
