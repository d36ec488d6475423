/**
 * Every eligibility rule a case must pass before a 受理回执 exists, in the order the desk applies them — the
 * one place to read them all. Each row names the rule, the services it applies to and the pure function
 * (./person-rules.ts, ./remote-registration-rules.ts) that checks it; the platform simulator calls the same
 * functions, so the platform never refuses later for a reason the workstation could have known.
 *
 * The facts come from the caller: the desk gathers them from the person cache (1101), its own cases and, when
 * online, the platform's queries (electron/services/cases/eligibility-facts.ts).
 */
import type { ServiceKind } from '../vocabulary/case-kinds';
import { diseaseHeldRule, insuranceStatusRule, invoicesClaimedRule, type ClaimedInvoice, type HeldRegistration } from './person-rules';
import {
  longTermChangeRule,
  longTermOpenEndedRule,
  outsidePoolingAreaRule,
  retiredOnlyRule,
  retroactiveWindowRule,
  temporaryMinimumRule,
} from './remote-registration-rules';
import type { RuleRefusal } from './rule-refusal';

/** The province profile's numbers the rules use. */
export interface EligibilityLimits {
  /** 临时备案 run at least this long (default 6). */
  temporaryMinMonths: number;
  /** 长期备案 may be changed or cancelled only after this long (default 6). */
  longTermMinMonths: number;
  /** 补办 is possible this many days after the start of care (default 90). */
  retroactiveDays: number;
}

export interface RemoteRegistrationFacts {
  regType: string;
  /** The person's 参保地 (1101 insuplc_admdvs of the chosen 险种). */
  homeAdmdvs: string;
  targetAdmdvs: string;
  begndate: string;
  enddate: string;
  /** The person's valid long-term registration, here or on the platform. */
  existingLongTerm: { ref: string; begndate: string } | null;
}

export interface EligibilityFacts {
  kind: ServiceKind;
  /** yyyy-MM-dd, China time. */
  today: string;
  limits: EligibilityLimits;
  /** 统筹区 of a region code (../../services/catalogues/regions.ts poolingAreaCode). */
  poolingArea: (code: string) => string;
  /** 参保状态 (psn_insu_stas) of the chosen 险种. */
  insuranceStatus: string;
  /** From 人员类别; null when the platform does not say. */
  retired: boolean | null;
  remote?: RemoteRegistrationFacts;
  disease?: { code: string; name: string; begndate: string; enddate: string; held: readonly HeldRegistration[] };
  invoices?: { claimed: readonly ClaimedInvoice[] };
}

export interface EligibilityRule {
  id: string;
  /** What the rule asks, in the clerk's words. */
  title: string;
  kinds: readonly ServiceKind[];
  check(f: EligibilityFacts): RuleRefusal | null;
}

const ALL: readonly ServiceKind[] = ['special-disease', 'remote-registration', 'reimbursement'];

const remote = (check: (r: RemoteRegistrationFacts, f: EligibilityFacts) => RuleRefusal | null) => (f: EligibilityFacts) =>
  f.remote ? check(f.remote, f) : null;

export const ELIGIBILITY_RULES: readonly EligibilityRule[] = [
  { id: 'insurance-status', title: '参保状态为正常参保', kinds: ALL, check: (f) => insuranceStatusRule(f.insuranceStatus) },
  {
    id: 'retired-only',
    title: '异地安置退休仅限退休人员',
    kinds: ['remote-registration'],
    check: remote((r, f) => retiredOnlyRule(r.regType, f.retired)),
  },
  {
    id: 'outside-pooling-area',
    title: '就医地在参保统筹区以外',
    kinds: ['remote-registration'],
    check: remote((r, f) => outsidePoolingAreaRule(r.homeAdmdvs, r.targetAdmdvs, f.poolingArea)),
  },
  {
    id: 'temporary-minimum',
    title: '临时备案不少于规定月数',
    kinds: ['remote-registration'],
    check: remote((r, f) => temporaryMinimumRule(r.regType, r.begndate, r.enddate, f.limits.temporaryMinMonths)),
  },
  { id: 'long-term-open-ended', title: '长期备案不设结束日期', kinds: ['remote-registration'], check: remote((r) => longTermOpenEndedRule(r.regType, r.enddate)) },
  {
    id: 'retroactive-window',
    title: '补办在补办期限内',
    kinds: ['remote-registration'],
    check: remote((r, f) => retroactiveWindowRule(r.begndate, f.today, f.limits.retroactiveDays)),
  },
  {
    id: 'long-term-change',
    title: '长期备案满规定月数后方可变更',
    kinds: ['remote-registration'],
    check: remote((r, f) => longTermChangeRule(r.regType, r.existingLongTerm, f.today, f.limits.longTermMinMonths)),
  },
  {
    id: 'disease-not-held',
    title: '未持有同一病种的有效备案',
    kinds: ['special-disease'],
    check: (f) => (f.disease ? diseaseHeldRule(f.disease, f.disease, f.disease.held) : null),
  },
  { id: 'invoices-unclaimed', title: '票据未报销过', kinds: ['reimbursement'], check: (f) => (f.invoices ? invoicesClaimedRule(f.invoices.claimed) : null) },
];

/** The first rule the case breaks, in table order, or null. */
export function firstIneligibility(f: EligibilityFacts): RuleRefusal | null {
  for (const rule of ELIGIBILITY_RULES) {
    if (!rule.kinds.includes(f.kind)) continue;
    const refusal = rule.check(f);
    if (refusal) return refusal;
  }
  return null;
}
