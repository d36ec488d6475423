/**
 * 人员证件 (identity documents) a person can be served with, each with its 人员证件类型 code (psn_cert_type,
 * NHSA 医疗保障信息平台 dictionary) and the check its number must pass before the platform is asked (1101).
 * One home: the reception panel's typed entry, the 1101 wrapper, the simulator's seed check and the tests read it here.
 *
 * Number formats checked:
 * - 居民身份证 and 港澳台居民居住证: GB 11643 (17 digits + check character; real birth date). A 居住证 number
 *   starts with 810000 (香港), 820000 (澳门) or 830000 (台湾); a resident ID never does.
 * - 外国人永久居留身份证, two formats in use:
 *   2017 (and the 2004 card it replaced): 15 characters — 3-letter nationality (ISO 3166-1 alpha-3), 4-digit
 *   受理机关 code, birth date YYMMDD, 2-digit sequence; it has no check character, so the birth date is what we can verify.
 *   2023: 18 characters — '9', 2-digit province of issue, 3-digit nationality (ISO 3166-1 numeric), birth date
 *   YYYYMMDD, 3-digit sequence, GB 11643 check character.
 * - 港澳居民来往内地通行证: H (香港) or M (澳门) + 8 digits (2013 card) or + 10 digits (older booklet).
 * - 台湾居民来往大陆通行证: 8 digits (2015 card) or 10 digits (older booklet).
 * - 外国人护照: 5–17 letters and digits (each country has its own format).
 */
import { idCheckChar, idNumberProblem, ID_PROBLEM_MESSAGES, isRealDate } from '../../../shared/id-number';

export const IDENTITY_DOCUMENTS = [
  'resident-id',
  'hk-mo-tw-residence',
  'foreign-permanent',
  'hk-pass',
  'mo-pass',
  'tw-pass',
  'foreign-passport',
] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];

export interface IdentityDocumentInfo {
  name: string;
  /** psn_cert_type (NHSA 人员证件类型). */
  psnCertType: string;
  /** What the typed-entry field shows as its placeholder. */
  example: string;
}

export const IDENTITY_DOCUMENT_INFO: Record<IdentityDocument, IdentityDocumentInfo> = {
  'resident-id': { name: '居民身份证', psnCertType: '01', example: '18位号码' },
  'hk-mo-tw-residence': { name: '港澳台居民居住证', psnCertType: '17', example: '81/82/83开头的18位号码' },
  'foreign-permanent': { name: '外国人永久居留身份证', psnCertType: '07', example: '15位（2017版）或18位（2023版）' },
  'hk-pass': { name: '港澳居民来往内地通行证（香港）', psnCertType: '04', example: 'H + 8位数字' },
  'mo-pass': { name: '港澳居民来往内地通行证（澳门）', psnCertType: '05', example: 'M + 8位数字' },
  'tw-pass': { name: '台湾居民来往大陆通行证', psnCertType: '06', example: '8位数字' },
  'foreign-passport': { name: '外国人护照', psnCertType: '08', example: '护照号码' },
};

/** 人员证件类型 names by code, for the codes this workstation serves plus the rest the dictionary uses on answers. */
export const PSN_CERT_TYPE_NAMES: Record<string, string> = {
  ...Object.fromEntries(IDENTITY_DOCUMENTS.map((d) => [IDENTITY_DOCUMENT_INFO[d].psnCertType, IDENTITY_DOCUMENT_INFO[d].name])),
  '90': '社会保障卡',
  '99': '其他身份证件',
};

export function documentOfPsnCertType(code: string): IdentityDocument | undefined {
  return IDENTITY_DOCUMENTS.find((d) => IDENTITY_DOCUMENT_INFO[d].psnCertType === code);
}

/** The document a GA 467 reader's card type is (居民身份证, 港澳台居民居住证, 外国人永久居留身份证). */
export function documentOfCardType(cardType: 'resident' | 'hk-mo-tw-residence' | 'foreign-permanent' | undefined): IdentityDocument {
  return cardType === 'hk-mo-tw-residence' ? 'hk-mo-tw-residence' : cardType === 'foreign-permanent' ? 'foreign-permanent' : 'resident-id';
}

/** 临时受理 (offline, from the card's own data): what the screen, the A4 receipt and the receipt printer tell the applicant. */
export const PROVISIONAL_ACCEPTANCE_LABEL = '临时受理（待核验）';
export const PROVISIONAL_ACCEPTANCE_NOTE = `${PROVISIONAL_ACCEPTANCE_LABEL}：医保平台暂不可用，身份按证件信息临时受理，经平台核验后再行办理；核验不一致的，经办机构将与您联系。`;

export type DocumentCheck =
  | { ok: true; number: string; /** YYYY-MM-DD when the number carries it. */ birthDate: string | null }
  | { ok: false; message: string };

/** NFKC (full-width digits and letters), no spaces, upper case: how the clerk's or the scanner's text is compared. */
export function normaliseDocumentNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

const fail = (message: string): DocumentCheck => ({ ok: false, message });
const isoOf = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
const HK_MO_TW_PREFIX = /^8[123]0000/;
/** 2023 foreign card: '9' and the province of issue (GB/T 2260 province codes 11–65). */
const FOREIGN_2023 = /^9(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5])\d{14}[\dX]$/;

function gb11643(number: string, label: string): DocumentCheck {
  const problem = idNumberProblem(number);
  if (problem) return fail(`${label}号码有误：${ID_PROBLEM_MESSAGES[problem].replace('身份证号码', '号码')}`);
  return { ok: true, number, birthDate: isoOf(number.slice(6, 14)) };
}

function foreignPermanent(n: string): DocumentCheck {
  const label = '外国人永久居留身份证';
  if (FOREIGN_2023.test(n)) {
    if (!isRealDate(n.slice(6, 14))) return fail(`${label}号码有误：号码中的出生日期不存在`);
    if (idCheckChar(n) !== n[17]) return fail(`${label}号码有误：校验位错误（2023版号码）`);
    return { ok: true, number: n, birthDate: isoOf(n.slice(6, 14)) };
  }
  if (/^[A-Z]{3}\d{12}$/.test(n)) {
    const yymmdd = n.slice(7, 13);
    // YYMMDD names no century: accept it when it is a real day in either.
    const century = ['19', '20'].find((c) => isRealDate(c + yymmdd));
    if (!century) return fail(`${label}号码有误：号码中的出生日期不存在`);
    return { ok: true, number: n, birthDate: null };
  }
  return fail(`${label}号码应为15位（3位国籍字母 + 12位数字，2017版）或9加省份代码开头的18位（2023版）`);
}

/** Checks a document number as the clerk typed or the scanner gave it; the number comes back normalised. */
export function checkDocumentNumber(doc: IdentityDocument, raw: string): DocumentCheck {
  const n = normaliseDocumentNumber(raw);
  const info = IDENTITY_DOCUMENT_INFO[doc];
  if (!n) return fail(`请输入${info.name}号码`);
  switch (doc) {
    case 'resident-id': {
      if (/^\d{15}$/.test(n)) return fail('15位旧身份证号码不受理，请使用18位号码');
      const r = gb11643(n, '身份证');
      if (!r.ok) return r;
      if (HK_MO_TW_PREFIX.test(n)) return fail('这是港澳台居民居住证号码，请将证件类型选为“港澳台居民居住证”');
      if (FOREIGN_2023.test(n)) return fail('这是外国人永久居留身份证（2023版）号码，请将证件类型选为“外国人永久居留身份证”');
      return r;
    }
    case 'hk-mo-tw-residence': {
      const r = gb11643(n, info.name);
      if (r.ok && !HK_MO_TW_PREFIX.test(n)) return fail('港澳台居民居住证号码应以810000、820000或830000开头');
      return r;
    }
    case 'foreign-permanent':
      return foreignPermanent(n);
    case 'hk-pass':
    case 'mo-pass': {
      const letter = doc === 'hk-pass' ? 'H' : 'M';
      if (!new RegExp(`^${letter}(\\d{8}|\\d{10})$`).test(n)) return fail(`${info.name}号码应为 ${letter} 加8位或10位数字`);
      return { ok: true, number: n, birthDate: null };
    }
    case 'tw-pass':
      if (!/^(\d{8}|\d{10})$/.test(n)) return fail('台湾居民来往大陆通行证号码应为8位或10位数字');
      return { ok: true, number: n, birthDate: null };
    case 'foreign-passport':
      if (!/^[A-Z0-9]{5,17}$/.test(n)) return fail('护照号码应为5–17位字母或数字');
      return { ok: true, number: n, birthDate: null };
  }
}

/** The same check by psn_cert_type code (the 1101 wrapper and the simulator speak codes). */
export function checkDocumentNumberByCode(psnCertType: string, raw: string): DocumentCheck {
  const doc = documentOfPsnCertType(psnCertType);
  if (!doc) return fail(`不支持的人员证件类型：${psnCertType}`);
  return checkDocumentNumber(doc, raw);
}
