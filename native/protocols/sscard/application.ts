/**
 * The 社会保障卡 card application: its DF name, files, records and how each record's value is encoded.
 *
 * Record layout (our reading of the 社保卡 spec, also what the simulator writes): every record is one
 * TLV whose tag is the record number, e.g. EF05 record 07 = `07 09 <9 ASCII bytes>`.
 *   an    ASCII, right-padded with 00/20/FF (padding is trimmed)
 *   gbk   GBK text, right-padded with 00/20/FF
 *   date  BCD, 4 bytes YYYYMMDD (e.g. 20 24 03 15)
 */
import iconv from 'iconv-lite';
import { isRealDate } from '../../../shared/id-number';

/** `sx1.sh.社会保障` in GBK: 73 78 31 2E 73 68 2E C9 E7 BB E1 B1 A3 D5 CF. */
export const SSCARD_DF_NAME: Uint8Array = Uint8Array.from(iconv.encode('sx1.sh.社会保障', 'gbk'));
export const EF05 = 0xef05;
export const EF06 = 0xef06;

export type SsCardField =
  | 'cardId'
  | 'cardType'
  | 'specVersion'
  | 'issuingOrg'
  | 'issueDate'
  | 'expiryDate'
  | 'cardNumber'
  | 'ssn'
  | 'name'
  | 'sexCode'
  | 'nationCode'
  | 'birthplace'
  | 'birthDate';

export type ValueFormat = 'an' | 'gbk' | 'date';

export interface RecordSpec {
  file: typeof EF05 | typeof EF06;
  record: number;
  field: SsCardField;
  format: ValueFormat;
  /** Longest value accepted (bytes). */
  maxLength: number;
  /** Exact value length (characters after trimming) when fixed. */
  exactLength?: number;
  /** A missing record (6A83) is tolerated and the field left undefined. */
  optional?: boolean;
  label: string;
}

export const SSCARD_RECORDS: readonly RecordSpec[] = [
  { file: EF05, record: 0x01, field: 'cardId', format: 'an', maxLength: 32, exactLength: 32, label: '卡识别码' },
  { file: EF05, record: 0x02, field: 'cardType', format: 'an', maxLength: 1, exactLength: 1, label: '卡的类别' },
  { file: EF05, record: 0x03, field: 'specVersion', format: 'an', maxLength: 4, exactLength: 4, label: '规范版本' },
  { file: EF05, record: 0x04, field: 'issuingOrg', format: 'an', maxLength: 16, optional: true, label: '初始化机构编号' },
  { file: EF05, record: 0x05, field: 'issueDate', format: 'date', maxLength: 4, label: '发卡日期' },
  { file: EF05, record: 0x06, field: 'expiryDate', format: 'date', maxLength: 4, label: '卡有效期' },
  { file: EF05, record: 0x07, field: 'cardNumber', format: 'an', maxLength: 9, exactLength: 9, label: '社会保障卡卡号' },
  { file: EF06, record: 0x08, field: 'ssn', format: 'an', maxLength: 18, exactLength: 18, label: '社会保障号码' },
  { file: EF06, record: 0x09, field: 'name', format: 'gbk', maxLength: 30, label: '姓名' },
  { file: EF06, record: 0x0a, field: 'sexCode', format: 'an', maxLength: 1, exactLength: 1, label: '性别' },
  { file: EF06, record: 0x0b, field: 'nationCode', format: 'an', maxLength: 2, exactLength: 2, label: '民族' },
  { file: EF06, record: 0x0c, field: 'birthplace', format: 'an', maxLength: 6, optional: true, label: '出生地' },
  { file: EF06, record: 0x0d, field: 'birthDate', format: 'date', maxLength: 4, label: '出生日期' },
];

function trimPadding(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x00 || bytes[end - 1] === 0x20 || bytes[end - 1] === 0xff)) end--;
  return bytes.subarray(0, end);
}

/** Decode a record value; returns a Chinese problem description instead of throwing. */
export function decodeValue(spec: RecordSpec, raw: Uint8Array): { value: string } | { problem: string } {
  if (raw.length > spec.maxLength) return { problem: `${spec.label}长度 ${raw.length} 超过 ${spec.maxLength} 字节` };
  let value: string;
  if (spec.format === 'date') {
    if (raw.length !== 4) return { problem: `${spec.label}应为 4 字节 BCD 日期` };
    value = Buffer.from(raw).toString('hex');
    if (!/^\d{8}$/.test(value) || !isRealDate(value)) return { problem: `${spec.label}不是有效日期（${value.toUpperCase()}）` };
    return { value };
  }
  const body = trimPadding(raw);
  if (spec.format === 'an') {
    for (const b of body) if (b < 0x20 || b > 0x7e) return { problem: `${spec.label}含有非法字符` };
    value = Buffer.from(body).toString('latin1');
  } else {
    value = iconv.decode(Buffer.from(body), 'gbk');
    if (value.includes('\ufffd') || /[\u0000-\u001f]/.test(value)) return { problem: `${spec.label}不是有效的 GBK 文本` };
  }
  if (spec.exactLength !== undefined && value.length !== spec.exactLength) {
    return { problem: `${spec.label}长度应为 ${spec.exactLength} 位，实际 ${value.length} 位` };
  }
  if (value.length === 0) return { problem: `${spec.label}为空` };
  return { value };
}

/** Encode a value the way a card stores it (simulator, tests). Throws on values a card could not hold. */
export function encodeValue(spec: RecordSpec, value: string): Uint8Array {
  let bytes: Uint8Array;
  if (spec.format === 'date') {
    if (!/^\d{8}$/.test(value)) throw new RangeError(`${spec.field}: date must be YYYYMMDD`);
    bytes = Uint8Array.from(Buffer.from(value, 'hex'));
  } else if (spec.format === 'an') {
    bytes = Uint8Array.from(Buffer.from(value, 'latin1'));
  } else {
    bytes = Uint8Array.from(iconv.encode(value, 'gbk'));
  }
  if (bytes.length > spec.maxLength) throw new RangeError(`${spec.field}: ${bytes.length} bytes exceed ${spec.maxLength}`);
  return bytes;
}

const SEX_NAMES: Record<string, string> = { '0': '未知', '1': '男', '2': '女', '9': '未说明' };
export function sexName(code: string): string | undefined {
  return SEX_NAMES[code];
}
