/** The person a case is for: the ID card read at reception AND the platform's answer for that card. */
import { isCaseInsutype } from '../../../../electron/contract/vocabulary/insurance-types';
import { maskIdNumber } from '../../../../shared/id-number';
import { useDesk } from '../../store/desk-store';
import { usePlatform } from '../../store/platform-store';

export interface CasePerson {
  name: string;
  /** Full ID number from the card (printing masks it). */
  idNumber: string;
  psnNo: string;
  insuinfo: Array<{ insutype: string; insuplc_admdvs: string; psn_type: string }>;
  /** The document was read from its chip at this counter just now (ID card or 社保卡), not typed or scanned. */
  cardRead: boolean;
}

export function usePersonForCase(): CasePerson | null {
  const card = useDesk((s) => s.person);
  const insured = usePlatform((s) => s.insured);
  if (!card || !insured) return null;
  // A late answer for the previous citizen must never be used for this one (the host sends certno masked).
  if (insured.person.certno && insured.person.certno.toUpperCase() !== maskIdNumber(card.idNumber.toUpperCase())) return null;
  return { name: card.name, idNumber: card.idNumber, psnNo: insured.person.psn_no, insuinfo: insured.person.insuinfo, cardRead: card.source !== 'scan' };
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
