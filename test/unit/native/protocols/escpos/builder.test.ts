import { describe, expect, it } from 'vitest';
import { EscPosBuilder, encodeGb18030 } from '../../../../../native/protocols/escpos/builder';
import { decodeEscPos, previewToText } from '../../../../../native/protocols/escpos/decode';
import { renderAcceptanceReceipt, type AcceptanceReceiptData } from '../../../../../native/protocols/escpos/receipt';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').replace(/(..)/g, '$1 ').trim();

describe('GB18030 encoding', () => {
  it('encodes hanzi as the GB2312/GBK double bytes and rare characters as 4 bytes', () => {
    expect(hex(encodeGb18030('受理'))).toBe('ca dc c0 ed');
    expect(hex(encodeGb18030('医保'))).toBe('d2 bd b1 a3');
    expect(hex(encodeGb18030('汉A'))).toBe('ba ba 41');
    expect(hex(encodeGb18030('\u{20000}'))).toBe('95 32 82 36');
  });
});

describe('EscPosBuilder exact bytes', () => {
  it('init, Chinese mode, alignment, size, bold, text, cut', () => {
    const b = new EscPosBuilder(58)
      .init()
      .chineseMode(true)
      .align('center')
      .size(2, 2)
      .line('受理')
      .size(1, 1)
      .align('left')
      .bold(true)
      .line('A')
      .bold(false)
      .align('right')
      .feed(3)
      .chineseMode(false)
      .cut();
    expect(hex(b.bytes())).toBe(
      '1b 40 1c 26 1b 61 01 1d 21 11 ca dc c0 ed 0a 1d 21 00 1b 61 00 1b 45 01 41 0a 1b 45 00 1b 61 02 1b 64 03 1c 2e 1d 56 42 00',
    );
  });

  it('size multipliers go into the nibbles and are clamped to 1–8', () => {
    expect(hex(new EscPosBuilder().size(3, 1).size(1, 4).size(99, 0).bytes())).toBe('1d 21 20 1d 21 03 1d 21 70');
  });

  it('status queries are DLE EOT n', () => {
    expect(hex(new EscPosBuilder().statusQuery(1).statusQuery(4).bytes())).toBe('10 04 01 10 04 04');
  });

  it('two-column rows fill exactly 32 columns on 58 mm and 48 on 80 mm (hanzi count 2)', () => {
    const row58 = new EscPosBuilder(58).row('金额', '12.30元').bytes();
    expect(hex(row58)).toBe(hex(Buffer.concat([encodeGb18030('金额' + ' '.repeat(21) + '12.30元'), Buffer.from([0x0a])])));
    const row80 = new EscPosBuilder(80).row('金额', '12.30元').bytes();
    expect(hex(row80)).toBe(hex(Buffer.concat([encodeGb18030('金额' + ' '.repeat(37) + '12.30元'), Buffer.from([0x0a])])));
  });

  it('drops control characters from text so data cannot inject commands', () => {
    expect(hex(new EscPosBuilder().text('张\x1b@三\x1dV\x00').bytes())).toBe(hex(encodeGb18030('张@三V')));
    expect(hex(new EscPosBuilder().text('a\r\nb').bytes())).toBe('61 0a 62');
  });

  it('wraps long text at the paper width, counting the current character width', () => {
    const b = new EscPosBuilder(58).wrapped('汉'.repeat(20));
    expect(hex(b.bytes())).toBe(hex(Buffer.concat([encodeGb18030('汉'.repeat(16)), Buffer.of(0x0a), encodeGb18030('汉'.repeat(4)), Buffer.of(0x0a)])));
    const big = new EscPosBuilder(58).size(2, 2).wrapped('汉'.repeat(10));
    expect(decodeEscPos(big.bytes()).filter((l) => !('cut' in l)).length).toBe(2); // 8 + 2 at double width
  });
});

const data: AcceptanceReceiptData = {
  office: '某市医疗保障局',
  caseNumber: '330100001202403150000012',
  applicantName: '张三',
  idNumber: '11010519491231002X',
  items: [{ name: '异地就医备案' }, { name: '零星报销', amountFen: 123450 }],
  materials: ['居民身份证', '异地就医备案表'],
  acceptedAt: '2024-03-15 09:30',
  clerk: '李四',
  committedDate: '2024-03-22',
};

describe('受理回执 receipt', () => {
  it('renders the expected 58 mm preview with the ID number masked', () => {
    const bytes = renderAcceptanceReceipt(data, 58);
    expect(Buffer.from(bytes).includes(encodeGb18030('19491231'))).toBe(false);
    expect(hex(bytes.subarray(0, 4))).toBe('1b 40 1c 26');
    expect(hex(bytes.subarray(-7))).toBe('1b 64 03 1d 56 42 00');
    expect(previewToText(decodeEscPos(bytes), 32).split('\n')).toEqual([
      '          受 理 回 执',
      '         某市医疗保障局',
      '--------------------------------',
      '办件编号',
      '        330100001202403150000012',
      '申请人                      张三',
      '身份证号      110105********002X',
      '受理时间        2024-03-15 09:30',
      '--------------------------------',
      '办理事项',
      '· 异地就医备案',
      '· 零星报销            1234.50元',
      '已收材料',
      '1. 居民身份证',
      '2. 异地就医备案表',
      '--------------------------------',
      '经办人                      李四',
      '承诺办结日期          2024-03-22',
      '',
      '',
      '',
      '✂------------------------------',
    ]);
  });

  it('80 mm puts the case number on the label line', () => {
    const text = previewToText(decodeEscPos(renderAcceptanceReceipt(data, 80)), 48);
    expect(text).toContain('办件编号                330100001202403150000012');
  });
});
