/**
 * Read-only catalogues for the pickers: GB/T 2260 regions and hospitals, searched by name, code or pinyin
 * initials, and the desk's profile and own hospital from config (site.hospitalCode) with its doctors on a hospital desk. Loaded once at start from resources/.
 */
import { HOSPITAL_PROFILE_NEEDS_CODE } from '../../contract/features/settings';
import { DoctorCatalogue } from '../../services/catalogues/doctors';
import { HospitalCatalogue } from '../../services/catalogues/hospitals';
import { shippedRegionCatalogue } from '../../services/catalogues/regions';
import { ConfigError } from '../config';
import type { Feature } from '../context';

export const cataloguesFeature: Feature = (ctx) => {
  const regions = shippedRegionCatalogue();
  const hospitals = HospitalCatalogue.load();
  const { package: pkg, version, data } = regions.source;
  const code = ctx.config.site.hospitalCode ?? null;
  const own = code ? (hospitals.lookup(code) ?? null) : null;
  // config.json's schema already refuses a hospital desk without a code; one the catalogue does not know is refused here.
  if (ctx.config.profile === 'hospital' && !own) {
    throw new ConfigError(
      code ? `医院医保办（profile 为 hospital）的本院编码 ${code} 不在医疗机构目录中：请在 config.json 的 site.hospitalCode 填写目录中的定点医疗机构编码` : HOSPITAL_PROFILE_NEEDS_CODE,
    );
  }
  const doctors = code && ctx.config.profile === 'hospital' ? DoctorCatalogue.load().of(code) : [];
  return {
    'catalogues.regions': (input) => ({ regions: regions.search(input), source: { package: pkg, version, data } }),
    'catalogues.region': ({ code }) => {
      const pooling = regions.poolingAreaOf(code);
      return { region: regions.lookup(code) ?? null, medicalPlaceProblem: regions.medicalPlaceProblem(code), poolingArea: pooling ?? null };
    },
    'catalogues.hospitals': ({ query, limit }) => [...hospitals.search(query, limit)],
    'catalogues.deskHospital': () => ({ code, hospital: own, profile: ctx.config.profile, doctors }),
  };
};
