/** What a 社保卡 read yields, whichever way it was read (APDUs or the provincial reader library). */
export interface SsCardIdentity {
  /** 社会保障卡卡号 (9 chars): with `cardId` it is what 1101 needs for mdtrt_cert_type 03. */
  cardNumber: string;
  /** 卡识别码 (32 chars) = 1101 `card_sn`. */
  cardId: string;
  /** 社会保障号码 (normally the 18-char ID number). */
  ssn: string;
  name: string;
  /** GB/T 2261.1: 1 男, 2 女, 9 未说明, 0 未知. */
  sexCode: string;
  sex: string;
  /** GB 3304 two-digit code; undefined when the source does not carry it (the provincial library). */
  nationCode?: string;
  nation?: string;
  /** YYYYMMDD */
  birthDate: string;
  cardType?: string;
  /** e.g. "3.00" (third generation), "2.00", "1.00". */
  specVersion: string;
  /** YYYYMMDD */
  issueDate: string;
  /** YYYYMMDD */
  expiryDate: string;
  /** 发卡地区区划 (GB/T 2260, 6 digits): from the library, or the first 6 characters of the 卡识别码. */
  issuerRegion?: string;
  issuingOrg?: string;
  /** Birthplace region code as written on the card. */
  birthplace?: string;
  /** Answer-to-reset, upper-case hex (卡复位信息). */
  atr?: string;
  source: 'apdu' | 'library';
}

/** Card generation implied by the spec version: 3.00 = 第三代社保卡. */
export function cardGeneration(specVersion: string): 1 | 2 | 3 | undefined {
  const major = /^(\d)\.\d\d$/.exec(specVersion)?.[1];
  return major === '1' || major === '2' || major === '3' ? (Number(major) as 1 | 2 | 3) : undefined;
}
