import { describe, expect, it } from 'vitest';
import { decodeTextBlock, encodeTextBlock, Ga467Error, type IdCardFields } from '../../../../../native/protocols/ga467';
import { SAMPLE_ID_CARDS, sampleIdCard } from '../../../../../native/simulators/sample-id-cards';

function withField(offset: number, bytes: number, value: string, base = encodeTextBlock(sampleIdCard())): Buffer {
  const block = Buffer.from(base);
  Buffer.from(value.padEnd(bytes / 2, ' '), 'utf16le').copy(block, offset);
  return block;
}

function expectCardError(block: Buffer, code: string, message: RegExp): void {
  try {
    decodeTextBlock(block);
  } catch (err) {
    expect(err).toBeInstanceOf(Ga467Error);
    expect((err as Ga467Error).code).toBe(code);
    expect((err as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected a Ga467Error');
}

describe('GA 467 text block', () => {
  it.each(SAMPLE_ID_CARDS.map((c) => [c.name, c] as const))('round-trips sample %s', (_name, card) => {
    const decoded = decodeTextBlock(encodeTextBlock(card));
    expect(decoded).toMatchObject(card);
    expect(decoded.sex).toBe(card.sexCode === '1' ? '男' : '女');
  });

  it('decodes a resident card field by field from its UCS-2 layout', () => {
    const block = encodeTextBlock(sampleIdCard());
    expect(block.length).toBe(256);
    expect(block.subarray(0, 6).toString('utf16le')).toBe('张伟明');
    expect(block.subarray(6, 8).toString('utf16le')).toBe(' '); // right-padded with spaces
    const card = decodeTextBlock(block);
    expect(card).toMatchObject({ cardType: 'resident', nation: '汉', nationCode: '01', birthDate: '1985-03-12' });
  });

  it('accepts 长期 as the end of validity', () => {
    expect(decodeTextBlock(encodeTextBlock(SAMPLE_ID_CARDS[1])).validTo).toBe('长期');
  });

  it('parses a 港澳台居民居住证 with its pass number and no nation', () => {
    const card = decodeTextBlock(encodeTextBlock(sampleIdCard('hk-mo-tw-residence')));
    expect(card).toMatchObject({ cardType: 'hk-mo-tw-residence', nation: '', idNumber: '810000199205160027' });
    expect(card.hkMoTw).toEqual({ passNumber: 'H12345678', issueCount: '01' });
  });

  it('parses a foreigner permanent residence card with its own layout', () => {
    const card = decodeTextBlock(encodeTextBlock(sampleIdCard('foreign-permanent')));
    expect(card).toMatchObject({ cardType: 'foreign-permanent', name: '史密斯', idNumber: 'USA310079060412', issuer: '公安部' });
    expect(card.foreign?.englishName).toBe('SMITH, JOHN ALEXANDER');
  });

  it('never reads a foreigner card as a resident card even though its bytes would fit', () => {
    const block = encodeTextBlock(sampleIdCard('foreign-permanent'));
    expect(decodeTextBlock(block).cardType).not.toBe('resident');
  });

  it('refuses the 2023 foreigner card (Y) and unknown type letters with unsupported-card', () => {
    expectCardError(withField(248, 2, 'Y'), 'unsupported-card', /2023版外国人永久居留身份证/);
    expectCardError(withField(248, 2, 'Q'), 'unsupported-card', /无法识别的证件类型\(Q\)/);
    expectCardError(withField(248, 2, '\u0001'), 'unsupported-card', /无法识别的证件类型\(\?\)/);
  });

  it('refuses a 港澳台 number on a card without the J marker', () => {
    const j = sampleIdCard('hk-mo-tw-residence');
    const asResident: IdCardFields = { ...j, cardType: 'resident', nationCode: '01' };
    expectCardError(encodeTextBlock(asResident), 'bad-card', /港澳台/);
  });

  it('rejects a J card whose number is not 81/82/83', () => {
    const j = sampleIdCard('hk-mo-tw-residence');
    expectCardError(encodeTextBlock({ ...j, idNumber: sampleIdCard().idNumber, birthDate: '1985-03-12', sexCode: '1' }), 'bad-card', /81、82或83/);
  });

  it.each([
    ['a wrong check digit', 122, 36, '110101198503120018', /校验位错误/],
    ['a birth date not matching the number', 36, 16, '19850313', /出生日期与身份证号码不一致/],
    ['a sex not matching the number', 30, 2, '2', /性别与身份证号码不一致/],
    ['an unknown sex code', 30, 2, '9', /性别代码无效/],
    ['an unknown nation code', 32, 4, '77', /民族代码无效\(77\)/],
    ['an impossible birth date', 36, 16, '19850230', /出生日期无效/],
    ['an impossible valid-from date', 188, 16, '2016133', /有效期起始日期无效/],
    ['a valid-to neither date nor 长期', 204, 16, '永久', /有效期截止日期无效/],
    ['a valid-to before valid-from', 204, 16, '20150101', /早于起始日期/],
    ['an empty name', 0, 30, '', /姓名为空/],
  ] as const)('rejects %s as bad-card', (_what, offset, bytes, value, message) => {
    expectCardError(withField(offset, bytes, value), 'bad-card', message);
  });

  it('rejects a foreigner card with a malformed number or nationality', () => {
    const base = encodeTextBlock(sampleIdCard('foreign-permanent'));
    expectCardError(withField(122, 30, 'US1310079060412', base), 'bad-card', /号码格式错误/);
    expectCardError(withField(152, 6, 'U1', base), 'bad-card', /国籍代码错误/);
  });

  it('rejects a block that is not 256 bytes', () => {
    expectCardError(Buffer.alloc(255), 'malformed-reply', /长度错误/);
  });

  it('rejects an all-zero or all-space block as bad-card, not as an empty identity', () => {
    expectCardError(Buffer.alloc(256), 'bad-card', /姓名为空/);
    expectCardError(Buffer.from(' '.repeat(128), 'utf16le'), 'bad-card', /姓名为空/);
  });

  it('refuses to encode a field longer than its slot', () => {
    expect(() => encodeTextBlock({ ...sampleIdCard(), name: '一二三四五六七八九十一二三四五六' })).toThrow(RangeError);
  });
});
