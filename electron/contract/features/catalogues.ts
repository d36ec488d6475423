/**
 * Read-only catalogues for pickers: GB/T 2260 regions (就医地 and other 区划 fields) and the hospital
 * catalogue, searched by name, code or pinyin initials; and the desk's own hospital (config
 * site.hospitalCode) as the default on a hospital desk. No personal data.
 */
import { z } from 'zod';
import { DeskProfile } from './settings';
import { method } from '../spec';

const Query = z
  .string({ error: '请输入名称、代码或拼音首字母' })
  .max(40, '查询内容最多 40 个字')
  .transform((s) => s.normalize('NFKC').trim());
const Limit = z.number().int().min(1).max(100).optional();

export const RegionEntry = z.object({
  code: z.string(),
  name: z.string(),
  fullName: z.string(),
  level: z.enum(['province', 'prefecture', 'county']),
  initials: z.string(),
});
export type RegionEntry = z.infer<typeof RegionEntry>;

export const HospitalEntry = z.object({ code: z.string(), name: z.string(), level: z.enum(['1', '2', '3']), region: z.string(), initials: z.string() });
export type HospitalEntry = z.infer<typeof HospitalEntry>;

export const cataloguesMethods = {
  'catalogues.regions': method(
    z
      .object({
        query: Query,
        limit: Limit,
        /** Only codes that may be a 就医地 (mainland prefectures and counties). */
        medicalPlaceOnly: z.boolean().optional(),
      })
      .strict(),
    z.object({ regions: z.array(RegionEntry), source: z.object({ package: z.string(), version: z.string(), data: z.string() }) }),
    'GB/T 2260 regions by name, code prefix or pinyin initials',
  ),
  'catalogues.region': method(
    z.object({ code: z.string().regex(/^\d{6}$/, '区划代码应为 6 位数字') }).strict(),
    z.object({ region: RegionEntry.nullable(), medicalPlaceProblem: z.string().nullable(), poolingArea: RegionEntry.nullable() }),
    'One region by code: its names, whether it may be a 就医地, and its 统筹区',
  ),
  'catalogues.hospitals': method(
    z.object({ query: Query, limit: Limit }).strict(),
    z.array(HospitalEntry),
    'Hospitals by name, code or pinyin initials',
  ),
  'catalogues.deskHospital': method(
    z.object({}).strict(),
    z.object({
      code: z.string().nullable(),
      hospital: HospitalEntry.nullable(),
      /** config.json `profile`: a hospital desk puts its own hospital and doctors in the forms. */
      profile: DeskProfile,
      /** The own hospital's 诊断医师 (resources/catalogues/doctors.json); empty without a hospital or a list. */
      doctors: z.array(z.object({ code: z.string(), name: z.string() })),
    }),
    "The desk's profile and own hospital (config site.hospitalCode) with its doctors, the defaults on a hospital desk",
  ),
};
