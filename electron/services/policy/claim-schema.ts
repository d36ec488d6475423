/**
 * The claim: who, which visit, which fee items, and what was already used this year.
 * Strict: unknown fields, negative or fractional amounts, missing categories, impossible dates and
 * unknown levels are refused with a Chinese message naming the JSON path — never a guessed result.
 */
import { z } from 'zod';
import { isCalendarDate } from './dates';
import { MAX_CLAIM_TOTAL_FEN, formatYuan, percentToBp } from './money';
import type { Policy } from './policy-schema';
import { chineseIssueMessage, formatIssues } from './zod-messages';
import {
  ASSISTANCE_IDENTITIES,
  INSUTYPES,
  HOSPITAL_LEVELS,
  type Ytd,
} from './types';
import { FEE_CATEGORIES, OUT_OF_AREA_KINDS, VISIT_TYPES } from '../../contract/vocabulary/reimbursement';

const MAX_ITEMS = 10_000;
/** Accumulators beyond this are certainly wrong data (each cap is far below it). */
const MAX_YTD_FEN = MAX_CLAIM_TOTAL_FEN;

function fenField(what: string, max: number) {
  return z
    .number({ error: (iss) => (iss.input === undefined ? '缺少必填字段' : `${what}应为整数（单位：分）`) })
    .int({ error: `${what}必须是整数（单位：分），不能有小数` })
    .min(0, { error: `${what}不能为负数` })
    .max(max, { error: `${what}超出上限 ${formatYuan(max)}` });
}

const dateField = (what: string) =>
  z.string().refine(isCalendarDate, { error: `${what}不是有效日期，应为 YYYY-MM-DD 格式的真实日期` });

const itemSchema = z
  .strictObject({
    name: z.string().min(1).max(200).optional(),
    code: z.string().min(1).max(100).optional(),
    category: z.enum(FEE_CATEGORIES, { error: (iss) => (iss.input === undefined ? '缺少费用类别（甲 / 乙 / 丙）' : `费用类别 ${JSON.stringify(iss.input)} 无效，应为 甲 / 乙 / 丙`) }),
    amount: fenField('金额', MAX_CLAIM_TOTAL_FEN),
    overLimit: fenField('超限价金额', MAX_CLAIM_TOTAL_FEN).optional(),
    selfPayRatio: z
      .number({ error: '先行自付比例应为 0–100 的百分数' })
      .min(0, { error: '先行自付比例不能为负数' })
      .max(100, { error: '先行自付比例不能超过 100' })
      .refine((p) => percentToBp(p) !== null, { error: '先行自付比例最多保留两位小数' })
      .optional(),
  })
  .superRefine((item, ctx) => {
    if (item.overLimit !== undefined && item.overLimit > item.amount) {
      ctx.addIssue({ code: 'custom', path: ['overLimit'], message: '超限价金额不能大于项目金额' });
    }
    if (item.selfPayRatio !== undefined && item.category !== '乙') {
      ctx.addIssue({ code: 'custom', path: ['selfPayRatio'], message: '只有乙类项目可以填写先行自付比例' });
    }
  });

const ytdFen = (what: string) => fenField(what, MAX_YTD_FEN).default(0);

const ytdSchema = z.strictObject({
  admissions: z
    .int({ error: '本年已住院次数应为整数' })
    .min(0, { error: '本年已住院次数不能为负数' })
    .max(1000, { error: '本年已住院次数不合理' })
    .default(0),
  fundPaid: ytdFen('本年住院统筹已支付'),
  outpatientFundPaid: ytdFen('本年门诊统筹已支付'),
  specialFundPaid: z.record(z.string().min(1), fenField('本年该病种已支付', MAX_YTD_FEN)).default({}),
  seriousDeductibleUsed: ytdFen('本年大病起付线已累计'),
  seriousPaid: ytdFen('本年大病保险已支付'),
  assistanceDeductibleUsed: ytdFen('本年救助起付线已累计'),
  assistancePaid: ytdFen('本年医疗救助已支付'),
});

export const claimSchema = z
  .strictObject({
    person: z.strictObject({
      insutype: z.enum(INSUTYPES, { error: (iss) => (iss.input === undefined ? '缺少必填字段' : `险种 ${JSON.stringify(iss.input)} 无效，应为 "390"（居民）或 "310"（职工）`) }),
      retired: z.boolean({ error: (iss) => (iss.input === undefined ? '缺少必填字段' : '应为 true 或 false') }),
      assistance: z.enum(ASSISTANCE_IDENTITIES).nullable(),
    }),
    visit: z
      .strictObject({
        type: z.enum(VISIT_TYPES),
        hospitalLevel: z.literal(HOSPITAL_LEVELS, {
          error: (iss) => (iss.input === undefined ? '缺少必填字段' : `医院等级 ${JSON.stringify(iss.input)} 无效，应为 1、2 或 3`),
        }),
        date: dateField('就诊日期'),
        outOfArea: z.enum(OUT_OF_AREA_KINDS).nullable(),
        disease: z
          .strictObject({
            code: z.string().min(1),
            registeredFrom: dateField('备案开始日期'),
            registeredTo: dateField('备案结束日期'),
          })
          .optional(),
      })
      .superRefine((visit, ctx) => {
        if (visit.type === 'special' && !visit.disease) {
          ctx.addIssue({ code: 'custom', path: ['disease'], message: '门诊慢特病（special）必须填写病种及备案有效期' });
        }
        if (visit.type !== 'special' && visit.disease) {
          ctx.addIssue({ code: 'custom', path: ['disease'], message: '只有门诊慢特病（special）可以填写 disease' });
        }
        const d = visit.disease;
        if (d && isCalendarDate(d.registeredFrom) && isCalendarDate(d.registeredTo) && d.registeredFrom > d.registeredTo) {
          ctx.addIssue({ code: 'custom', path: ['disease', 'registeredTo'], message: '备案结束日期早于开始日期' });
        }
      }),
    items: z
      .array(itemSchema, { error: (iss) => (iss.input === undefined ? '缺少必填字段' : '应为费用明细数组') })
      .min(1, { error: '至少需要一条费用明细' })
      .max(MAX_ITEMS, { error: `费用明细不能超过 ${MAX_ITEMS} 条` }),
    ytd: ytdSchema.default(() => ytdSchema.parse({})),
  })
  .superRefine((claim, ctx) => {
    let total = 0;
    for (const item of claim.items) total += item.amount;
    if (total > MAX_CLAIM_TOTAL_FEN) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: `费用总额超出上限 ${formatYuan(MAX_CLAIM_TOTAL_FEN)}` });
    }
  });

export type Claim = z.output<typeof claimSchema>;
export type ClaimInput = z.input<typeof claimSchema>;
export type ClaimItem = Claim['items'][number];
export type { Ytd };

/** A claim the engine refuses to calculate; `issues` are "path: message" lines in Chinese. */
export class ClaimRejectedError extends Error {
  constructor(readonly issues: string[]) {
    super(`理赔数据无效，未计算：\n  ${issues.join('\n  ')}`);
    this.name = 'ClaimRejectedError';
  }
}

/** Validate a claim (already parsed JSON) against the schema and the policy it is calculated with. */
export function parseClaim(input: unknown, policy: Policy): Claim {
  const parsed = claimSchema.safeParse(input, { error: chineseIssueMessage });
  if (!parsed.success) throw new ClaimRejectedError(formatIssues(parsed.error.issues));
  const claim = parsed.data;
  const issues: string[] = [];
  if (!policy.insutypes[claim.person.insutype]) {
    issues.push(`person.insutype: 政策「${policy.name}」未定义险种 ${claim.person.insutype}`);
  }
  const eff = policy.effective;
  if (eff && (claim.visit.date < eff.from || claim.visit.date > eff.to)) {
    issues.push(
      `visit.date: 就诊日期 ${claim.visit.date} 不在政策「${policy.name}」的适用期 ${eff.from} 至 ${eff.to} 内，请使用对应年度的政策文件`,
    );
  }
  if (issues.length > 0) throw new ClaimRejectedError(issues);
  return claim;
}

/** Parse claim JSON text; malformed JSON is refused like any other bad claim. */
export function parseClaimJson(text: string, policy: Policy): Claim {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ClaimRejectedError([`(整体): 不是有效的 JSON（${(err as Error).message}）`]);
  }
  return parseClaim(json, policy);
}
