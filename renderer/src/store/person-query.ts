/**
 * The 1101 query for whoever is at the counter, by where their identity came from: the ID card (02 + its
 * document's 人员证件类型), the 社保卡 (03 + 卡号 + 卡识别码 + the card's SSN), a 医保电子凭证 (01 + its code), a
 * typed or scanned number (02 + the chosen document type). One place, so the lookup, its retry and the check
 * that an answer belongs to this person all use the same query.
 */
import { documentOfCardType, IDENTITY_DOCUMENT_INFO } from '../../../electron/contract/vocabulary/identity-documents';
import type { Person } from './desk-store';

export interface LookupQuery {
  certType: '01' | '02' | '03';
  certNo: string;
  cardSn?: string;
  psnCertType?: string;
  ssn?: string;
}

export function lookupQueryOf(p: Person): LookupQuery {
  switch (p.source) {
    case 'id-card':
      return { certType: '02', certNo: p.idNumber, psnCertType: IDENTITY_DOCUMENT_INFO[documentOfCardType(p.cardType)].psnCertType };
    case 'sscard':
      return { certType: '03', certNo: p.cardNumber, cardSn: p.cardId, ssn: p.ssn };
    case 'ec-voucher':
      return { certType: '01', certNo: p.code };
    case 'typed':
    case 'scan':
      return { certType: '02', certNo: p.idNumber, psnCertType: IDENTITY_DOCUMENT_INFO[p.document].psnCertType };
  }
}

/** Identifies a lookup, so a late answer for the previous citizen is never taken for this one. */
export function lookupKeyOf(q: LookupQuery): string {
  return `${q.certType}:${q.psnCertType ?? ''}:${q.certNo}`;
}
