/**
 * The hospital catalogue (resources/catalogues/hospitals.json): 定点医疗机构 with code, name, level and
 * region, searched by name, code or pinyin initials where a form asks for a hospital, and the desk's own
 * hospital (config site.hospitalCode) as the default on a hospital desk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { pinyinInitials } from './pinyin-initials';

export const HOSPITAL_LEVELS = ['1', '2', '3'] as const;

export interface Hospital {
  code: string;
  name: string;
  /** 1 一级, 2 二级, 3 三级 (the policy's hospitalLevelNames). */
  level: (typeof HOSPITAL_LEVELS)[number];
  /** GB/T 2260 code of the hospital's region. */
  region: string;
  initials: string;
}

const HospitalFile = z.object({
  format: z.literal('counter-hospitals/1'),
  hospitals: z
    .array(
      z.object({
        code: z.string().regex(/^[A-Z0-9]{1,30}$/),
        name: z.string().min(1).max(200),
        level: z.enum(HOSPITAL_LEVELS),
        region: z.string().regex(/^\d{6}$/),
        /** Only where the name's GB2312 reading is wrong (polyphones, rare characters). */
        initials: z.string().regex(/^[A-Z0-9]+$/).optional(),
      }),
    )
    .min(1),
});

export function hospitalCataloguePath(resourcesRoot = path.resolve(__dirname, '../../..')): string {
  return path.join(resourcesRoot, 'resources', 'catalogues', 'hospitals.json');
}

export class HospitalCatalogue {
  private readonly byCode: Map<string, Hospital>;

  static load(file = hospitalCataloguePath()): HospitalCatalogue {
    const parsed = HospitalFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`医疗机构目录 ${file} 格式不正确：${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`);
    return new HospitalCatalogue(parsed.data.hospitals.map((h) => ({ ...h, initials: h.initials ?? pinyinInitials(h.name) })));
  }

  constructor(readonly hospitals: readonly Hospital[]) {
    this.byCode = new Map(hospitals.map((h) => [h.code, h]));
  }

  lookup(code: string): Hospital | undefined {
    return this.byCode.get(code);
  }

  /** Code prefix (case-insensitive), pinyin-initials prefix, or name contains; exact matches first. */
  search(query: string, limit = 20): Hospital[] {
    const q = query.normalize('NFKC').trim().toUpperCase();
    if (q === '') return [];
    const rank = (h: Hospital): number => {
      if (h.code === q) return 0;
      if (h.code.startsWith(q)) return 1;
      if (/^[A-Z]+$/.test(q) && h.initials.startsWith(q)) return 2;
      if (h.name.includes(q)) return h.name.startsWith(q) ? 3 : 4;
      return -1;
    };
    return this.hospitals
      .map((h) => ({ h, r: rank(h) }))
      .filter((x) => x.r >= 0)
      .sort((a, b) => a.r - b.r || a.h.code.localeCompare(b.h.code))
      .slice(0, limit)
      .map((x) => x.h);
  }
}
