/**
 * The 256-byte text block of a GA 467 read reply (UCS-2 little-endian, right-padded with spaces).
 * Three layouts share the block; the card-type letter at byte 248 tells them apart:
 *   blank → 居民身份证, 'J' → 港澳台居民居住证, 'I' → 外国人永久居留证 (2004/2017 editions).
 * Anything else (e.g. 'Y', the 2023 foreigner card) is refused, never guessed at.
 */
import { idBirthDate, idNumberProblem, idSexCode, isRealDate, ID_PROBLEM_MESSAGES } from '../../../shared/id-number';
import { Ga467Error } from './errors';
import { nationByCode } from './nations';

export const TEXT_BLOCK_LENGTH = 256;

export type IdCardType = 'resident' | 'hk-mo-tw-residence' | 'foreign-permanent';

export interface IdCardText {
  cardType: IdCardType;
  /** Chinese name (foreigner cards: the Chinese name, or the English name when there is none). */
  name: string;
  sex: '男' | '女';
  sexCode: '1' | '2';
  /** Empty for 港澳台 and foreigner cards (they carry no nation). */
  nation: string;
  nationCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Empty for foreigner cards. */
  address: string;
  /** GB 11643 number; for foreigner cards the 15-character permanent residence number. */
  idNumber: string;
  issuer: string;
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD or 长期 */
  validTo: string;
  hkMoTw?: { passNumber: string; issueCount: string };
  foreign?: { englishName: string; nationality: string; cardVersion: string; authorityCode: string };
}

/** What the encoder needs: the decoded form without the derived labels. */
export type IdCardFields = Omit<IdCardText, 'sex' | 'nation'>;

type Field = readonly [offset: number, length: number];

const RESIDENT = {
  name: [0, 30],
  sex: [30, 2],
  nation: [32, 4],
  birth: [36, 16],
  address: [52, 70],
  idNumber: [122, 36],
  issuer: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
} as const satisfies Record<string, Field>;

const HK_MO_TW = {
  ...RESIDENT,
  passNumber: [220, 18],
  issueCount: [238, 4],
} as const satisfies Record<string, Field>;

const FOREIGN = {
  englishName: [0, 120],
  sex: [120, 2],
  cardNumber: [122, 30],
  nationality: [152, 6],
  chineseName: [158, 30],
  validFrom: [188, 16],
  validTo: [204, 16],
  birth: [220, 16],
  cardVersion: [236, 4],
  authorityCode: [240, 8],
} as const satisfies Record<string, Field>;

const CARD_TYPE: Field = [248, 2];

const FOREIGN_AUTHORITIES: Record<string, string> = { '1500': '公安部' };

function read(block: Buffer, [offset, length]: Field): string {
  return block
    .subarray(offset, offset + length)
    .toString('utf16le')
    .replace(/^[\s\u0000]+|[\s\u0000]+$/g, '');
}

function bad(message: string, detail?: string): Ga467Error {
  return new Ga467Error('bad-card', message, detail);
}

/** Detects the card type letter; throws unsupported-card for a letter we do not parse. */
export function detectCardType(block: Buffer): IdCardType {
  const letter = read(block, CARD_TYPE);
  if (letter === '') return 'resident';
  if (letter === 'J') return 'hk-mo-tw-residence';
  if (letter === 'I') return 'foreign-permanent';
  const printable = /^[\x20-\x7e]$/.test(letter) ? letter : '?';
  throw new Ga467Error(
    'unsupported-card',
    printable === 'Y'
      ? '暂不支持读取2023版外国人永久居留身份证，请核验证件后在“手工录入”中选择外国人永久居留身份证并输入号码'
      : `无法识别的证件类型(${printable})，请人工核验证件`,
    `card type letter ${JSON.stringify(letter)}`,
  );
}

export function decodeTextBlock(block: Buffer): IdCardText {
  if (block.length !== TEXT_BLOCK_LENGTH) {
    throw new Ga467Error('malformed-reply', '身份证文字信息长度错误', `text length ${block.length}`);
  }
  const type = detectCardType(block);
  if (type === 'foreign-permanent') return decodeForeign(block);
  const name = read(block, RESIDENT.name);
  if (!name) throw bad('身份证姓名为空');
  const sexCode = decodeSex(read(block, RESIDENT.sex));
  const birthDate = decodeDate(read(block, RESIDENT.birth), '出生日期');
  const idNumber = read(block, RESIDENT.idNumber).toUpperCase();
  const problem = idNumberProblem(idNumber);
  if (problem) throw bad(`身份证信息无效: ${ID_PROBLEM_MESSAGES[problem]}`);
  if (idBirthDate(idNumber) !== birthDate) throw bad('身份证信息无效: 出生日期与身份证号码不一致');
  if (idSexCode(idNumber) !== sexCode) throw bad('身份证信息无效: 性别与身份证号码不一致');
  const hkMoTwNumber = /^8[123]/.test(idNumber);
  const validFrom = decodeDate(read(block, RESIDENT.validFrom), '有效期起始日期');
  const validTo = decodeValidTo(read(block, RESIDENT.validTo), validFrom);
  const common = {
    name,
    sex: sexLabel(sexCode),
    sexCode,
    birthDate,
    address: read(block, RESIDENT.address),
    idNumber,
    issuer: read(block, RESIDENT.issuer),
    validFrom,
    validTo,
  };
  if (type === 'hk-mo-tw-residence') {
    if (!hkMoTwNumber) throw bad('港澳台居民居住证号码应以81、82或83开头');
    return {
      cardType: type,
      ...common,
      nation: '',
      nationCode: '',
      hkMoTw: { passNumber: read(block, HK_MO_TW.passNumber), issueCount: read(block, HK_MO_TW.issueCount) },
    };
  }
  if (hkMoTwNumber) throw bad('身份证信息无效: 号码属于港澳台居民居住证，但证件类型标记缺失');
  const nationCode = read(block, RESIDENT.nation);
  const nation = nationByCode(nationCode);
  if (!nation) throw bad(`身份证民族代码无效(${printableCode(nationCode)})`);
  return { cardType: type, ...common, nation: nation.name, nationCode };
}

function decodeForeign(block: Buffer): IdCardText {
  const englishName = read(block, FOREIGN.englishName);
  const chineseName = read(block, FOREIGN.chineseName);
  if (!englishName && !chineseName) throw bad('外国人永久居留证姓名为空');
  const sexCode = decodeSex(read(block, FOREIGN.sex));
  const idNumber = read(block, FOREIGN.cardNumber).toUpperCase();
  if (!/^[A-Z]{3}\d{12}$/.test(idNumber)) throw bad('外国人永久居留证号码格式错误');
  const nationality = read(block, FOREIGN.nationality).toUpperCase();
  if (!/^[A-Z]{3}$/.test(nationality)) throw bad('外国人永久居留证国籍代码错误');
  const birthDate = decodeDate(read(block, FOREIGN.birth), '出生日期');
  const validFrom = decodeDate(read(block, FOREIGN.validFrom), '有效期起始日期');
  const validTo = decodeValidTo(read(block, FOREIGN.validTo), validFrom);
  const authorityCode = read(block, FOREIGN.authorityCode);
  return {
    cardType: 'foreign-permanent',
    name: chineseName || englishName,
    sex: sexLabel(sexCode),
    sexCode,
    nation: '',
    nationCode: '',
    birthDate,
    address: '',
    idNumber,
    issuer: FOREIGN_AUTHORITIES[authorityCode] ?? authorityCode,
    validFrom,
    validTo,
    foreign: { englishName, nationality, cardVersion: read(block, FOREIGN.cardVersion), authorityCode },
  };
}

function decodeSex(code: string): '1' | '2' {
  if (code === '1' || code === '2') return code;
  throw bad(`身份证性别代码无效(${printableCode(code)})`);
}

function sexLabel(code: '1' | '2'): '男' | '女' {
  return code === '1' ? '男' : '女';
}

function decodeDate(raw: string, label: string): string {
  if (!isRealDate(raw)) throw bad(`身份证${label}无效(${printableCode(raw)})`);
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
}

function decodeValidTo(raw: string, validFrom: string): string {
  if (raw === '长期') return raw;
  const to = decodeDate(raw, '有效期截止日期');
  if (to < validFrom) throw bad('身份证有效期截止日期早于起始日期');
  return to;
}

/** Card data is untrusted: show at most a short printable excerpt in messages. */
function printableCode(s: string): string {
  return s.replace(/[^\x20-\x7e\u4e00-\u9fff]/g, '?').slice(0, 16);
}

// ---- encoder (simulator and tests) ----

function write(block: Buffer, [offset, length]: Field, value: string, label: string): void {
  const bytes = Buffer.from(value, 'utf16le');
  if (bytes.length > length) throw new RangeError(`${label} too long for its ${length}-byte field: ${value}`);
  bytes.copy(block, offset);
}

const compactDate = (d: string): string => (d === '长期' ? d : d.replaceAll('-', ''));

/** Encodes card fields into a 256-byte text block in the layout of its card type. */
export function encodeTextBlock(card: IdCardFields): Buffer {
  const block = Buffer.from(' '.repeat(TEXT_BLOCK_LENGTH / 2), 'utf16le');
  if (card.cardType === 'foreign-permanent') {
    const f = card.foreign;
    if (!f) throw new RangeError('a foreign-permanent card needs its foreign fields');
    write(block, FOREIGN.englishName, f.englishName, 'englishName');
    write(block, FOREIGN.sex, card.sexCode, 'sex');
    write(block, FOREIGN.cardNumber, card.idNumber, 'idNumber');
    write(block, FOREIGN.nationality, f.nationality, 'nationality');
    write(block, FOREIGN.chineseName, card.name === f.englishName ? '' : card.name, 'name');
    write(block, FOREIGN.validFrom, compactDate(card.validFrom), 'validFrom');
    write(block, FOREIGN.validTo, compactDate(card.validTo), 'validTo');
    write(block, FOREIGN.birth, compactDate(card.birthDate), 'birthDate');
    write(block, FOREIGN.cardVersion, f.cardVersion, 'cardVersion');
    write(block, FOREIGN.authorityCode, f.authorityCode, 'authorityCode');
    write(block, CARD_TYPE, 'I', 'cardType');
    return block;
  }
  write(block, RESIDENT.name, card.name, 'name');
  write(block, RESIDENT.sex, card.sexCode, 'sex');
  write(block, RESIDENT.nation, card.nationCode, 'nation');
  write(block, RESIDENT.birth, compactDate(card.birthDate), 'birthDate');
  write(block, RESIDENT.address, card.address, 'address');
  write(block, RESIDENT.idNumber, card.idNumber, 'idNumber');
  write(block, RESIDENT.issuer, card.issuer, 'issuer');
  write(block, RESIDENT.validFrom, compactDate(card.validFrom), 'validFrom');
  write(block, RESIDENT.validTo, compactDate(card.validTo), 'validTo');
  if (card.cardType === 'hk-mo-tw-residence') {
    write(block, HK_MO_TW.passNumber, card.hkMoTw?.passNumber ?? '', 'passNumber');
    write(block, HK_MO_TW.issueCount, card.hkMoTw?.issueCount ?? '', 'issueCount');
    write(block, CARD_TYPE, 'J', 'cardType');
  }
  return block;
}
