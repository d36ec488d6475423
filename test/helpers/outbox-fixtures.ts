/**
 * Valid cases for the demo profile's platform simulator: the seeded insured persons × the disease
 * catalogue × non-overlapping date windows, so every record has its own business key and none is a
 * duplicate on the platform side.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defaultResourcesDir } from '../../electron/services/platform/profile';

interface SeedPerson {
  psn_no: string;
  insuinfo: Array<{ insutype: string; insuplc_admdvs: string; psn_insu_stas: string }>;
}

export interface FixtureRecord {
  kind: 'special-disease';
  psnNo: string;
  insuplcAdmdvs: string;
  payload: Record<string, unknown>;
}

function load() {
  const dir = defaultResourcesDir();
  const persons = (JSON.parse(fs.readFileSync(path.join(dir, 'samples', 'insured-persons.json'), 'utf8')) as { persons: SeedPerson[] })
    .persons.filter((p) => p.insuinfo[0]?.psn_insu_stas === '1'); // only the normally insured can register
  const diseases = (JSON.parse(fs.readFileSync(path.join(dir, 'catalogues', 'diseases.json'), 'utf8')) as {
    diseases: Array<{ code: string; name: string }>;
  }).diseases;
  return { persons, diseases };
}

const day = (base: number, n: number) => new Date(base + n * 86_400_000).toISOString().slice(0, 10);

/** The i-th distinct 特门 registration (deterministic). */
export function specialDiseaseFixtures(count: number, startWindow = 0): FixtureRecord[] {
  const { persons, diseases } = load();
  const base = Date.UTC(2026, 0, 1);
  const out: FixtureRecord[] = [];
  for (let i = 0; i < count; i++) {
    const p = persons[i % persons.length];
    const d = diseases[Math.floor(i / persons.length) % diseases.length];
    const w = startWindow + Math.floor(i / (persons.length * diseases.length));
    out.push({
      kind: 'special-disease',
      psnNo: p.psn_no,
      insuplcAdmdvs: p.insuinfo[0].insuplc_admdvs,
      payload: {
        insutype: p.insuinfo[0].insutype,
        opsp_dise_code: d.code,
        opsp_dise_name: d.name,
        tel: '13800000000',
        addr: '示例市示例路1号',
        insu_optins: p.insuinfo[0].insuplc_admdvs,
        ide_fixmedins_no: 'H99010000002',
        ide_fixmedins_name: '示例市第一人民医院',
        hosp_ide_date: '2025-12-20',
        diag_dr_codg: 'D001',
        diag_dr_name: '王医生',
        begndate: day(base, 2 * w),
        enddate: day(base, 2 * w + 1),
      },
    });
  }
  return out;
}
