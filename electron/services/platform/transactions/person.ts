/**
 * 1101 人员信息获取: resolve an identity (医保电子凭证 ecToken, 居民身份证, 社会保障卡) to an insured person,
 * checked before sending and parsed into integer 分 on the way back.
 */
import { z } from 'zod';
import { isValidIdNumber } from '../../../../shared/id-number';
import { checkDocumentNumberByCode, normaliseDocumentNumber } from '../../../contract/vocabulary/identity-documents';
import type { CallOptions, PlatformClient } from '../client';
import { wireToFen } from '../envelope';
import { PlatformInputError } from './shared';

const str = z.union([z.string(), z.number()]).transform(String);
const optStr = z.union([z.string(), z.number(), z.null()]).optional().transform((v) => (v === null || v === undefined ? '' : String(v)));

/** 01 医保电子凭证, 02 居民身份证, 03 社会保障卡. */
export type CertType = '01' | '02' | '03';

export interface PersonQuery {
  certType: CertType;
  /** ecToken (01), document number (02) or 社保卡 card number (03). */
  certNo: string;
  /** 卡识别码, required with 03. */
  cardSn?: string;
  /** 02: the document's 人员证件类型 (vocabulary/identity-documents; absent = 01 居民身份证). */
  psnCertType?: string;
  /** 03: the 社会保障号码 read from the card, sent as the person's 居民身份证 so the platform can match card and holder. */
  ssn?: string;
}

const Insuinfo = z.object({
  insutype: str,
  psn_type: optStr,
  psn_insu_stas: optStr,
  insuplc_admdvs: str,
  emp_name: optStr,
  balc: z.union([z.number(), z.string()]).optional(),
});
const Idetinfo = z.object({
  psn_idet_type: str,
  psn_idet_type_name: optStr,
  begntime: optStr,
  endtime: optStr,
});
const PersonOutput = z.object({
  baseinfo: z.object({
    psn_no: str,
    psn_cert_type: optStr,
    certno: optStr,
    psn_name: str,
    gend: optStr,
    naty: optStr,
    brdy: optStr,
    age: z.union([z.number(), z.string()]).optional(),
  }),
  insuinfo: z.array(Insuinfo).default([]),
  idetinfo: z.array(Idetinfo).default([]),
});

export interface PersonInsurance {
  insutype: string;
  psn_type: string;
  psn_insu_stas: string;
  insuplc_admdvs: string;
  emp_name: string;
  /** Account balance in 分. */
  balc_fen: number;
}
export interface PersonIdentity {
  psn_idet_type: string;
  psn_idet_type_name: string;
  begntime: string;
  endtime: string;
}
export interface Person {
  psn_no: string;
  psn_name: string;
  psn_cert_type: string;
  certno: string;
  gend: string;
  naty: string;
  brdy: string;
  age: number | null;
  insuinfo: PersonInsurance[];
  idetinfo: PersonIdentity[];
  /**
   * Accepted offline from the ID card's own data (../provisional-person.ts), never confirmed by 1101: every case
   * for this person is checked against 1101 by the outbox before it is filed (outbox/provisional-check.ts).
   */
  provisional?: true;
}

/**
 * Checks a query before anything is sent and returns it normalised (NFKC, upper case, no spaces in numbers):
 * the document number against its own 人员证件类型 (a 外国人永久居留身份证 is not a resident ID), the 社保卡
 * with its 卡识别码. Throws PlatformInputError with the clerk's message.
 */
export function normalisePersonQuery(q: PersonQuery): PersonQuery {
  if (!['01', '02', '03'].includes(q.certType)) throw new PlatformInputError(`不支持的凭证类型: ${q.certType}`);
  const raw = q.certNo?.trim() ?? '';
  if (!raw) throw new PlatformInputError('证件号码不能为空');
  if (q.certType === '01') return { certType: '01', certNo: raw };
  if (q.certType === '02') {
    const psnCertType = q.psnCertType?.trim() || '01';
    const check = checkDocumentNumberByCode(psnCertType, raw);
    if (!check.ok) throw new PlatformInputError(check.message);
    return { certType: '02', certNo: check.number, psnCertType };
  }
  const cardSn = q.cardSn?.trim() ?? '';
  if (!cardSn) throw new PlatformInputError('用社会保障卡查询时必须提供卡识别码 (card_sn)');
  const ssn = q.ssn ? normaliseDocumentNumber(q.ssn) : '';
  if (ssn && !isValidIdNumber(ssn)) throw new PlatformInputError('社会保障卡上的社会保障号码不合法 (位数、出生日期或校验位错误)');
  return { certType: '03', certNo: normaliseDocumentNumber(raw), cardSn, ...(ssn ? { ssn } : {}) };
}

/** The 1101 input for a normalised query: 01 token only; 02 the document with its 人员证件类型; 03 card + 卡识别码 + the card's SSN. */
export function personQueryInput(q: PersonQuery): Record<string, unknown> {
  const docType = q.certType === '02' ? (q.psnCertType ?? '01') : q.certType === '03' && q.ssn ? '01' : '';
  const certno = q.certType === '02' ? q.certNo : q.certType === '03' ? (q.ssn ?? '') : '';
  return {
    mdtrt_cert_type: q.certType,
    mdtrt_cert_no: q.certNo,
    card_sn: q.certType === '03' ? (q.cardSn ?? '') : '',
    begntime: '',
    psn_cert_type: docType,
    certno,
    psn_name: '',
  };
}

/** Parse 1101 output into a Person (money → 分). */
function parsePerson(output: unknown): Person {
  const parsed = PersonOutput.safeParse(output);
  if (!parsed.success) throw new PlatformInputError('平台返回的人员信息格式不对');
  const { baseinfo, insuinfo, idetinfo } = parsed.data;
  return {
    psn_no: baseinfo.psn_no,
    psn_name: baseinfo.psn_name,
    psn_cert_type: baseinfo.psn_cert_type,
    certno: baseinfo.certno,
    gend: baseinfo.gend,
    naty: baseinfo.naty,
    brdy: baseinfo.brdy,
    age: baseinfo.age === undefined || baseinfo.age === '' ? null : Number(baseinfo.age),
    insuinfo: insuinfo.map((i) => ({
      insutype: i.insutype,
      psn_type: i.psn_type,
      psn_insu_stas: i.psn_insu_stas,
      insuplc_admdvs: i.insuplc_admdvs,
      emp_name: i.emp_name,
      balc_fen: i.balc === undefined || i.balc === '' ? 0 : wireToFen(i.balc, 'yuan'),
    })),
    idetinfo,
  };
}

/** 1101: resolve an identity (ecToken, a document number with its 人员证件类型, 社保卡) to an insured person. */
export async function lookupPerson(client: Pick<PlatformClient, 'call'>, q: PersonQuery, opts?: CallOptions): Promise<Person> {
  const reply = await client.call('1101', personQueryInput(normalisePersonQuery(q)), opts);
  return parsePerson(reply.output);
}
