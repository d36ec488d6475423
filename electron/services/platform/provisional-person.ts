/**
 * 临时受理 (provisional acceptance): when the platform cannot be reached and this workstation has never seen the
 * person, the desk may still serve them from the ID card's own data — name, document number, birth date, sex.
 * Such a person has no platform 人员编号: they get a local one (LS + a digest of the number, so the same card
 * always gets the same one and the number itself never shows as a 人员编号), their 参保 is unknown, and they are
 * flagged `provisional` so the outbox checks every case against 1101 before filing it.
 */
import { createHash } from 'node:crypto';
import { CASE_INSUTYPES } from '../../contract/vocabulary/insurance-types';
import { checkDocumentNumberByCode } from '../../contract/vocabulary/identity-documents';
import { idSexCode } from '../../../shared/id-number';
import { PlatformInputError } from './transactions/shared';
import type { Person } from './transactions/person';

export const PROVISIONAL_PSN_PREFIX = 'LS';

export interface CardData {
  psnCertType: string;
  number: string;
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sexCode: '1' | '2';
}

export function provisionalPsnNo(psnCertType: string, number: string): string {
  return PROVISIONAL_PSN_PREFIX + createHash('sha256').update(`${psnCertType}|${number}`).digest('hex').slice(0, 18).toUpperCase();
}

/**
 * The provisional person for a card. The card's fields must agree with its number (birth date and sex, where the
 * number carries them). 参保地 is this workstation's region until 1101 says otherwise; 参保状态 is unknown ('').
 */
export function provisionalPerson(card: CardData, homeAdmdvs: string): Person {
  const check = checkDocumentNumberByCode(card.psnCertType, card.number);
  if (!check.ok) throw new PlatformInputError(check.message);
  const name = card.name.normalize('NFKC').trim();
  if (!name) throw new PlatformInputError('临时受理须有证件上的姓名');
  if (check.birthDate && check.birthDate !== card.birthDate) throw new PlatformInputError('证件出生日期与号码不一致，不能临时受理');
  if (check.birthDate && card.psnCertType !== '07' && idSexCode(check.number) !== card.sexCode) {
    throw new PlatformInputError('证件性别与号码不一致，不能临时受理');
  }
  return {
    psn_no: provisionalPsnNo(card.psnCertType, check.number),
    psn_name: name,
    psn_cert_type: card.psnCertType,
    certno: check.number,
    gend: card.sexCode,
    naty: '',
    brdy: card.birthDate,
    age: null,
    insuinfo: CASE_INSUTYPES.map((insutype) => ({ insutype, psn_type: '', psn_insu_stas: '', insuplc_admdvs: homeAdmdvs, emp_name: '', balc_fen: 0 })),
    idetinfo: [],
    provisional: true,
  };
}
