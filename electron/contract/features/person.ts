/**
 * The person panel: one answer with everything the clerk should see about the insured person before serving
 * them — 参保状态, special identities, the person's 特门 and 异地 registrations (platform and this workstation),
 * and 三重保障 this year (门诊统筹, 住院起付/统筹, 大病保险, 医疗救助), saying where the figures came from.
 */
import { z } from 'zod';
import { method } from '../spec';
import { Ytd } from './cases';

const fen = z.number().int();

export const RegistrationOrigin = z.enum(['platform', 'local']);

export const PersonOverview = z.object({
  psnNo: z.string(),
  name: z.string(),
  /** The person record is the offline cache (1101 could not be asked); figures are cache + this workstation. */
  offline: z.boolean(),
  insurances: z.array(
    z.object({
      insutype: z.string(),
      insutypeName: z.string(),
      status: z.string(),
      statusName: z.string(),
      /** Not 正常参保: shown in red. */
      alarm: z.boolean(),
      insuplcAdmdvs: z.string(),
    }),
  ),
  identities: z.array(z.object({ name: z.string(), from: z.string(), to: z.string(), current: z.boolean() })),
  specialDiseases: z.object({
    /** Whether the platform was asked (5301) and answered. */
    platformAnswered: z.boolean(),
    rows: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        from: z.string(),
        to: z.string(),
        hospital: z.string(),
        origin: RegistrationOrigin,
        stateLabel: z.string(),
        valid: z.boolean(),
      }),
    ),
  }),
  remoteRegistrations: z.object({
    platformAnswered: z.boolean(),
    rows: z.array(
      z.object({
        typeName: z.string(),
        place: z.string(),
        from: z.string(),
        to: z.string(),
        origin: RegistrationOrigin,
        stateLabel: z.string(),
        valid: z.boolean(),
      }),
    ),
  }),
  yearToDate: z.object({
    year: z.number().int(),
    ytd: Ytd,
    inpatientDeductiblePaid: fen,
    source: z.enum(['platform', 'local', 'merged']),
    /** 平台累计 / 本机结算 / 两者合并, and 离线时仅本机 (or 离线, 平台上次累计 + 本机). */
    sourceLabel: z.string(),
    offline: z.boolean(),
    platformAsOf: z.string().nullable(),
    localClaimsAdded: z.number().int(),
    localClaimsKnownToPlatform: z.number().int(),
  }),
  /** 三重保障 at a glance, against the policy's limits for this person; null where the policy has no rule for them. */
  benefits: z
    .object({
      policyName: z.string(),
      insutype: z.string(),
      outpatient: z.object({ quota: fen, used: fen, left: fen }),
      inpatient: z.object({ admissions: z.number().int(), deductiblePaid: fen, cap: fen, used: fen, left: fen }),
      serious: z.object({ name: z.string(), deductible: fen, deductibleUsed: fen, cap: fen.nullable(), used: fen }).nullable(),
      assistance: z.object({ name: z.string(), deductible: fen, deductibleUsed: fen, cap: fen, used: fen }).nullable(),
      special: z.array(z.object({ code: z.string(), name: z.string(), limit: fen, used: fen, left: fen })),
    })
    .nullable(),
});
export type PersonOverview = z.infer<typeof PersonOverview>;

export const personMethods = {
  'person.overview': method(
    z.object({ psnNo: z.string().trim().min(1, '人员编号不能为空').max(32, '人员编号过长') }).strict(),
    PersonOverview,
    'The person panel: status, identities, 特门 (5301) and 异地 registrations, year-to-date (5206 + this workstation) against the policy',
  ),
};
