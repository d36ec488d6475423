/**
 * Read-only catalogues for the pickers: GB/T 2260 regions and hospitals, searched by name, code or pinyin
 * initials, and the desk's own hospital from config site.hospitalCode. Loaded once at start from resources/.
 */
import { HospitalCatalogue } from '../../services/catalogues/hospitals';
import { shippedRegionCatalogue } from '../../services/catalogues/regions';
import type { Feature } from '../context';

export const cataloguesFeature: Feature = (ctx) => {
  const regions = shippedRegionCatalogue();
  const hospitals = HospitalCatalogue.load();
  const { package: pkg, version, data } = regions.source;
  return {
    'catalogues.regions': (input) => ({ regions: regions.search(input), source: { package: pkg, version, data } }),
    'catalogues.region': ({ code }) => {
      const pooling = regions.poolingAreaOf(code);
      return { region: regions.lookup(code) ?? null, medicalPlaceProblem: regions.medicalPlaceProblem(code), poolingArea: pooling ?? null };
    },
    'catalogues.hospitals': ({ query, limit }) => [...hospitals.search(query, limit)],
    'catalogues.deskHospital': () => {
      const code = ctx.config.site.hospitalCode ?? null;
      return { code, hospital: code ? (hospitals.lookup(code) ?? null) : null };
    },
  };
};
