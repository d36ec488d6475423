/** The person a case is for: the ID card read at reception AND the platform's answer for that card. */
import { isCaseInsutype } from '../../../../electron/contract/vocabulary/insurance-types';
import { maskIdNumber } from '../../../../shared/id-number';
import { useDesk } from '../../store/desk-store';
import { usePlatform } from '../../store/platform-store';
import { lookupKeyOf, lookupQueryOf } from '../../store/person-query';

export interface CasePerson {
  name: string;
  /** Full ID number from the card (printing masks it). */
  idNumber: string;
  psnNo: string;
  insuinfo: Array<{ insutype: string; insuplc_admdvs: string; psn_type: string }>;
  /** 临时受理（待核验）: accepted offline from the card's own data. */
  provisional: boolean;
  /** The document was read from its chip at this counter just now (ID card or 社保卡), not typed or scanned. */
  cardRead: boolean;
}

export function usePersonForCase(): CasePerson | null {
  const card = useDesk((s) => s.person);
  const insured = usePlatform((s) => s.insured);
  const lookupKey = usePlatform((s) => s.lookupKey);
  if (!card || !insured) return null;
  // A late answer for the previous citizen must never be used for this one.
  if (lookupKey !== lookupKeyOf(lookupQueryOf(card))) return null;
  // The host sends certno masked; a card or typed number must match it (a 医保电子凭证 carries no number).
  if (card.idNumber && insured.person.certno && insured.person.certno.toUpperCase() !== maskIdNumber(card.idNumber.toUpperCase())) return null;
  return {
    // The platform's name (1101), never a placeholder: it is what the case is filed under.
    name: insured.person.psn_name,
    idNumber: card.idNumber,
    psnNo: insured.person.psn_no,
    insuinfo: insured.person.insuinfo,
    provisional: insured.source === 'provisional',
    cardRead: card.source === 'id-card' || card.source === 'sscard',
  };
}

/** 参保地 for the chosen insutype (the first record when the type is not found). */
export function admdvsFor(p: CasePerson, insutype: string): string {
  return (p.insuinfo.find((i) => i.insutype === insutype) ?? p.insuinfo[0])?.insuplc_admdvs ?? '';
}

/** The person's 险种 a case may be filed under (职工 / 城乡居民 basic schemes). */
export function caseInsutypesOf(p: CasePerson): CasePerson['insuinfo'] {
  return p.insuinfo.filter((i) => isCaseInsutype(i.insutype));
}

/** Material ids the desk can tick by itself: 有效身份证件 when the card was just read here (现场核验). */
export function initialMaterials(p: CasePerson): string[] {
  return p.cardRead ? ['id-document'] : [];
}
