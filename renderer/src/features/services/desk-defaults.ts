/**
 * The forms' defaults by desk profile. A hospital 医保办 desk does 门诊慢特病 and 异地转诊 for its own patients:
 * its hospital is the 鉴定医疗机构, its first listed doctor the 诊断医师, and a 备案 starts as 异地转诊. A hall
 * counter starts from blanks (and 异地长期居住).
 */
import type { RemoteRegType } from '../../../../electron/contract/vocabulary/remote-registration';
import type { DeskHospital } from '../../store/desk-profile-store';

const isHospitalDesk = (info: DeskHospital | null): info is DeskHospital => info?.profile === 'hospital' && info.hospital !== null;

export function specialDiseaseDefaults(info: DeskHospital | null): { hospitalCode: string; hospitalName: string; doctorCode: string; doctorName: string } {
  if (!isHospitalDesk(info)) return { hospitalCode: '', hospitalName: '', doctorCode: '', doctorName: '' };
  const doctor = info.doctors[0];
  return { hospitalCode: info.hospital!.code, hospitalName: info.hospital!.name, doctorCode: doctor?.code ?? '', doctorName: doctor?.name ?? '' };
}

export function defaultRegType(info: DeskHospital | null): RemoteRegType {
  return isHospitalDesk(info) ? 'referral' : 'longTermResidence';
}

/** The doctors offered for 诊断医师 (the own hospital's list on a hospital desk; none elsewhere). */
export function doctorChoices(info: DeskHospital | null): DeskHospital['doctors'] {
  return isHospitalDesk(info) ? info.doctors : [];
}
