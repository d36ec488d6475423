/**
 * The policy file: every number of a reimbursement policy as data (format in docs/policy-format.md).
 * `parsePolicy` validates the JSON with zod and compiles it into the engine's `Policy`
 * (rates as integer basis points, the disease catalogue as a map).
 */
import { z } from 'zod';
import { isCalendarDate } from './dates';
import { percentToBp } from './money';
import { chineseIssueMessage, formatIssues } from './zod-messages';
import {
  ASSISTANCE_IDENTITIES,
  INSUTYPES,
  type AssistanceIdentity,
  type HospitalLevel,
  type Insutype,
} from './types';
import { OUT_OF_AREA_KINDS, VISIT_TYPES, type OutOfAreaKind, type VisitType } from '../../contract/vocabulary/reimbursement';

export const POLICY_FORMAT = 'counter-policy/1';

const fen = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => percentToBp(p) !== null, { error: '百分比最多保留两位小数' });
const bonusPercent = z
  .number()
  .min(-100)
  .max(100)
  .refine((p) => percentToBp(p) !== null, { error: '百分点最多保留两位小数' });
const isoDate = z.string().refine(isCalendarDate, { error: '应为有效日期 YYYY-MM-DD' });
const label = z.string().min(1);
const levels = <T extends z.ZodType>(entry: T) => z.strictObject({ '1': entry, '2': entry, '3': entry });

const inpatientSchema = z.strictObject({
  byLevel: levels(z.strictObject({ deductible: fen, ratePercent: percent })),
  retiredBonusPercent: bonusPercent,
  annualCap: fen,
});

const outpatientSchema = z.strictObject({
  byLevel: levels(z.strictObject({ ratePercent: percent })),
  retiredBonusPercent: bonusPercent,
  annualQuota: fen,
  retiredAnnualQuota: fen,
});

const specialSchema = z.strictObject({ ratePercent: percent, retiredBonusPercent: bonusPercent });

const insutypeSchema = z.strictObject({
  name: label,
  inpatient: inpatientSchema,
  outpatient: outpatientSchema,
  special: specialSchema,
});

const seriousTierSchema = z.strictObject({ deductible: fen, ratePercent: percent, annualCap: fen.nullable() });

export const policyFileSchema = z
  .strictObject({
    format: z.literal(POLICY_FORMAT),
    id: label,
    name: label,
    effective: z.strictObject({ from: isoDate, to: isoDate }).nullable(),
    defaultSelfPayRatioPercent: percent,
    hospitalLevelNames: levels(label),
    insutypes: z.strictObject({ '390': insutypeSchema.optional(), '310': insutypeSchema.optional() }),
    repeatAdmission: z.strictObject({ fromAdmission: z.int().min(2), deductiblePercent: percent }),
    outOfArea: z.strictObject(
      Object.fromEntries(
        OUT_OF_AREA_KINDS.map((k) => [k, z.strictObject({ name: label, rateReductionPercent: percent })]),
      ) as Record<OutOfAreaKind, z.ZodObject<{ name: typeof label; rateReductionPercent: typeof percent }>>,
    ),
    specialDiseases: z.array(z.strictObject({ code: label, name: label, annualLimit: fen })).min(1),
    poorIdentities: z.array(z.enum(ASSISTANCE_IDENTITIES)),
    seriousIllness: z.strictObject({
      name: label,
      insutypes: z.array(z.enum(INSUTYPES)),
      visitTypes: z.array(z.enum(VISIT_TYPES)),
      standard: seriousTierSchema,
      poor: seriousTierSchema,
    }),
    assistance: z.strictObject({
      name: label,
      visitTypes: z.array(z.enum(VISIT_TYPES)),
      identities: z.strictObject({
        特困: z.strictObject({ name: label, deductible: fen, ratePercent: percent, annualCap: fen }).optional(),
        低保: z.strictObject({ name: label, deductible: fen, ratePercent: percent, annualCap: fen }).optional(),
        监测: z.strictObject({ name: label, deductible: fen, ratePercent: percent, annualCap: fen }).optional(),
      }),
    }),
  })
  .superRefine((p, ctx) => {
    if (p.effective && p.effective.from > p.effective.to) {
      ctx.addIssue({ code: 'custom', path: ['effective'], message: '开始日期晚于结束日期' });
    }
    const seen = new Set<string>();
    p.specialDiseases.forEach((d, i) => {
      if (seen.has(d.code)) ctx.addIssue({ code: 'custom', path: ['specialDiseases', i, 'code'], message: `病种编码 ${d.code} 重复` });
      seen.add(d.code);
    });
    if (!p.insutypes['390'] && !p.insutypes['310']) {
      ctx.addIssue({ code: 'custom', path: ['insutypes'], message: '至少需要定义一个险种' });
    }
  });

export type PolicyFile = z.infer<typeof policyFileSchema>;

export interface LevelRule {
  deductible: number;
  rateBp: number;
}

export interface InsutypeRules {
  name: string;
  inpatient: { byLevel: Record<HospitalLevel, LevelRule>; retiredBonusBp: number; annualCap: number };
  outpatient: {
    byLevel: Record<HospitalLevel, { rateBp: number }>;
    retiredBonusBp: number;
    annualQuota: number;
    retiredAnnualQuota: number;
  };
  special: { rateBp: number; retiredBonusBp: number };
}

export interface SpecialDisease {
  code: string;
  name: string;
  annualLimit: number;
}

export interface SeriousTier {
  deductible: number;
  rateBp: number;
  /** null = no annual cap. */
  annualCap: number | null;
}

export interface AssistanceTier {
  name: string;
  deductible: number;
  rateBp: number;
  annualCap: number;
}

/** A validated, compiled policy: what the engine computes with. */
export interface Policy {
  id: string;
  name: string;
  effective: { from: string; to: string } | null;
  defaultSelfPayRatioBp: number;
  hospitalLevelNames: Record<HospitalLevel, string>;
  insutypes: Partial<Record<Insutype, InsutypeRules>>;
  repeatAdmission: { fromAdmission: number; deductibleBp: number };
  outOfArea: Record<OutOfAreaKind, { name: string; reductionBp: number }>;
  specialDiseases: ReadonlyMap<string, SpecialDisease>;
  poorIdentities: ReadonlySet<AssistanceIdentity>;
  seriousIllness: {
    name: string;
    insutypes: ReadonlySet<Insutype>;
    visitTypes: ReadonlySet<VisitType>;
    standard: SeriousTier;
    poor: SeriousTier;
  };
  assistance: {
    name: string;
    visitTypes: ReadonlySet<VisitType>;
    identities: Partial<Record<AssistanceIdentity, AssistanceTier>>;
  };
}

/** A policy file that does not validate; `issues` are "path: message" lines in Chinese. */
export class PolicyFileError extends Error {
  constructor(
    readonly issues: string[],
    source = '政策文件',
  ) {
    super(`${source}无效：\n  ${issues.join('\n  ')}`);
    this.name = 'PolicyFileError';
  }
}

/** Validate parsed JSON as a policy file and compile it. Throws PolicyFileError. */
export function parsePolicy(json: unknown, source?: string): Policy {
  const parsed = policyFileSchema.safeParse(json, { error: chineseIssueMessage });
  if (!parsed.success) throw new PolicyFileError(formatIssues(parsed.error.issues), source);
  return compilePolicy(parsed.data);
}

function bp(percentValue: number): number {
  // Validated by the schema: at most two decimals.
  return percentToBp(percentValue) as number;
}

function compileInsutype(r: z.infer<typeof insutypeSchema>): InsutypeRules {
  const level = (n: '1' | '2' | '3') => ({
    deductible: r.inpatient.byLevel[n].deductible,
    rateBp: bp(r.inpatient.byLevel[n].ratePercent),
  });
  return {
    name: r.name,
    inpatient: {
      byLevel: { 1: level('1'), 2: level('2'), 3: level('3') },
      retiredBonusBp: bp(r.inpatient.retiredBonusPercent),
      annualCap: r.inpatient.annualCap,
    },
    outpatient: {
      byLevel: {
        1: { rateBp: bp(r.outpatient.byLevel['1'].ratePercent) },
        2: { rateBp: bp(r.outpatient.byLevel['2'].ratePercent) },
        3: { rateBp: bp(r.outpatient.byLevel['3'].ratePercent) },
      },
      retiredBonusBp: bp(r.outpatient.retiredBonusPercent),
      annualQuota: r.outpatient.annualQuota,
      retiredAnnualQuota: r.outpatient.retiredAnnualQuota,
    },
    special: { rateBp: bp(r.special.ratePercent), retiredBonusBp: bp(r.special.retiredBonusPercent) },
  };
}

function compilePolicy(f: PolicyFile): Policy {
  const insutypes: Partial<Record<Insutype, InsutypeRules>> = {};
  for (const code of INSUTYPES) {
    const rules = f.insutypes[code];
    if (rules) insutypes[code] = compileInsutype(rules);
  }
  const outOfArea = {} as Policy['outOfArea'];
  for (const kind of OUT_OF_AREA_KINDS) {
    outOfArea[kind] = { name: f.outOfArea[kind].name, reductionBp: bp(f.outOfArea[kind].rateReductionPercent) };
  }
  const tier = (t: z.infer<typeof seriousTierSchema>): SeriousTier => ({
    deductible: t.deductible,
    rateBp: bp(t.ratePercent),
    annualCap: t.annualCap,
  });
  const identities: Policy['assistance']['identities'] = {};
  for (const id of ASSISTANCE_IDENTITIES) {
    const t = f.assistance.identities[id];
    if (t) identities[id] = { name: t.name, deductible: t.deductible, rateBp: bp(t.ratePercent), annualCap: t.annualCap };
  }
  return {
    id: f.id,
    name: f.name,
    effective: f.effective,
    defaultSelfPayRatioBp: bp(f.defaultSelfPayRatioPercent),
    hospitalLevelNames: { 1: f.hospitalLevelNames['1'], 2: f.hospitalLevelNames['2'], 3: f.hospitalLevelNames['3'] },
    insutypes,
    repeatAdmission: {
      fromAdmission: f.repeatAdmission.fromAdmission,
      deductibleBp: bp(f.repeatAdmission.deductiblePercent),
    },
    outOfArea,
    specialDiseases: new Map(f.specialDiseases.map((d) => [d.code, d])),
    poorIdentities: new Set(f.poorIdentities),
    seriousIllness: {
      name: f.seriousIllness.name,
      insutypes: new Set(f.seriousIllness.insutypes),
      visitTypes: new Set(f.seriousIllness.visitTypes),
      standard: tier(f.seriousIllness.standard),
      poor: tier(f.seriousIllness.poor),
    },
    assistance: { name: f.assistance.name, visitTypes: new Set(f.assistance.visitTypes), identities },
  };
}
