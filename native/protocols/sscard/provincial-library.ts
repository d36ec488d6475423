/**
 * Provincial 社保卡 reader library: parse its basic-information output, 11 `|`-separated fields each
 * followed by `|`:
 *   发卡地区区划|社会保障号码|卡号|卡识别码|姓名|卡复位信息|规范版本|发卡日期|卡有效期|终端机编号|终端设备号|
 * Validation is strict (field count, trailing |, every format); failures are typed with Chinese messages.
 */
import { idBirthDate, idSexCode, isRealDate, isValidIdNumber } from '../../../shared/id-number';
import { sexName } from './application';
import type { SsCardIdentity } from './identity';

export interface ProvincialCardInfo {
  issuerRegion: string;
  ssn: string;
  cardNumber: string;
  cardId: string;
  name: string;
  /** 卡复位信息 (ATR), upper-case hex. */
  atr: string;
  specVersion: string;
  issueDate: string;
  expiryDate: string;
  terminalNo: string;
  terminalDeviceNo: string;
}

export type LibraryErrorCode =
  | 'format' // output does not match the 11-field layout
  | 'library-error' // the library reported a failure code
  | 'timeout'
  | 'driver-crashed'
  | 'driver-failed'; // could not start, or protocol violation

export class ProvincialLibraryError extends Error {
  constructor(message: string, readonly code: LibraryErrorCode, readonly libraryCode?: number) {
    super(message);
    this.name = 'ProvincialLibraryError';
  }
}

const FIELDS: Array<{ key: keyof ProvincialCardInfo; label: string; check: (v: string) => boolean; hint: string }> = [
  { key: 'issuerRegion', label: '发卡地区区划', check: (v) => /^\d{6}$/.test(v), hint: '应为 6 位数字' },
  { key: 'ssn', label: '社会保障号码', check: (v) => /^[0-9A-Za-z]{15,20}$/.test(v), hint: '应为 15–20 位字母或数字' },
  { key: 'cardNumber', label: '卡号', check: (v) => /^[0-9A-Z]{9}$/.test(v), hint: '应为 9 位大写字母或数字' },
  { key: 'cardId', label: '卡识别码', check: (v) => /^[0-9A-Za-z]{32}$/.test(v), hint: '应为 32 位字母或数字' },
  { key: 'name', label: '姓名', check: (v) => v.length >= 1 && v.length <= 50 && !/[\u0000-\u001f|]/.test(v), hint: '不能为空' },
  { key: 'atr', label: '卡复位信息', check: (v) => /^([0-9A-Fa-f]{2}){2,33}$/.test(v), hint: '应为十六进制字符串' },
  { key: 'specVersion', label: '规范版本', check: (v) => /^[1-9]\.\d{2}$/.test(v), hint: '应形如 3.00' },
  { key: 'issueDate', label: '发卡日期', check: (v) => /^\d{8}$/.test(v) && isRealDate(v), hint: '应为 YYYYMMDD' },
  { key: 'expiryDate', label: '卡有效期', check: (v) => /^\d{8}$/.test(v) && isRealDate(v), hint: '应为 YYYYMMDD' },
  { key: 'terminalNo', label: '终端机编号', check: (v) => /^[\x21-\x7e]{0,32}$/.test(v), hint: '应为不超过 32 位的可见字符' },
  { key: 'terminalDeviceNo', label: '终端设备号', check: (v) => /^[\x21-\x7e]{0,32}$/.test(v), hint: '应为不超过 32 位的可见字符' },
];

const MAX_OUTPUT = 2048;

/** Parse the library's output; throws ProvincialLibraryError('format') with the first problem found. */
export function parseProvincialCardInfo(output: string): ProvincialCardInfo {
  if (typeof output !== 'string') throw new ProvincialLibraryError('读卡库返回内容不是文本', 'format');
  if (output.length > MAX_OUTPUT) throw new ProvincialLibraryError('读卡库返回内容过长', 'format');
  const text = output.replace(/[\r\n\0]+$/, '');
  if (!text.endsWith('|')) throw new ProvincialLibraryError('读卡库返回格式错误：应以“|”结尾', 'format');
  const parts = text.slice(0, -1).split('|');
  if (parts.length !== FIELDS.length) {
    throw new ProvincialLibraryError(`读卡库返回格式错误：应有 ${FIELDS.length} 个字段，实际 ${parts.length} 个`, 'format');
  }
  const info = {} as ProvincialCardInfo;
  FIELDS.forEach((f, i) => {
    const value = parts[i].trim();
    if (!f.check(value)) throw new ProvincialLibraryError(`读卡库返回格式错误：第 ${i + 1} 个字段“${f.label}”${f.hint}`, 'format');
    info[f.key] = f.key === 'atr' ? value.toUpperCase() : value;
  });
  return info;
}

/** Build the common identity. Sex and birth date come from the SSN when it is a valid ID number. */
export function identityFromProvincial(info: ProvincialCardInfo): SsCardIdentity {
  const isId = info.ssn.length === 18 && isValidIdNumber(info.ssn.toUpperCase());
  const sexCode = isId ? idSexCode(info.ssn) : '0';
  return {
    cardNumber: info.cardNumber,
    cardId: info.cardId,
    ssn: info.ssn,
    name: info.name,
    sexCode,
    sex: sexName(sexCode) ?? '未知',
    birthDate: isId ? idBirthDate(info.ssn).replace(/-/g, '') : '',
    specVersion: info.specVersion,
    issueDate: info.issueDate,
    expiryDate: info.expiryDate,
    issuerRegion: info.issuerRegion,
    atr: info.atr,
    source: 'library',
  };
}
