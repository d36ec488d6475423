/** fast-check generators of valid claims for the sample policy. */
import fc from 'fast-check';
import type { ClaimOptions } from './policy-fixtures';

const CODES = ['M03900', 'M01600', 'M05300', 'M04600', 'M07803', 'M07804', 'M00503', 'M08300', 'M02101', 'M02500', 'M01200', 'M00105'];

export const dateIn2026 = fc
  .integer({ min: 0, max: 364 })
  .map((d) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

export const item = fc.oneof(
  fc.record({ category: fc.constant('甲'), amount: fc.integer({ min: 0, max: 5_000_000 }) }),
  fc
    .record({
      category: fc.constant('乙'),
      amount: fc.integer({ min: 0, max: 5_000_000 }),
      overPart: fc.integer({ min: 0, max: 100 }),
      selfPayRatio: fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 10_000 }).map((b) => b / 100)), { nil: undefined }),
    })
    .map(({ overPart, selfPayRatio, ...i }) => ({
      ...i,
      overLimit: Math.floor((i.amount * overPart) / 100),
      ...(selfPayRatio === undefined ? {} : { selfPayRatio }),
    })),
  fc.record({ category: fc.constant('丙'), amount: fc.integer({ min: 0, max: 5_000_000 }) }),
) as fc.Arbitrary<Record<string, unknown>>;

export const person = fc.record({
  insutype: fc.constantFrom('390' as const, '310' as const),
  retired: fc.boolean(),
  assistance: fc.constantFrom(null, '特困' as const, '低保' as const, '监测' as const),
});

export const visit = fc.record({
  type: fc.constantFrom('inpatient' as const, 'outpatient' as const, 'special' as const),
  level: fc.constantFrom(1 as const, 2 as const, 3 as const),
  date: dateIn2026,
  outOfArea: fc.constantFrom(null, 'long-term' as const, 'referral' as const, 'emergency' as const, 'temporary' as const, 'unregistered' as const),
  code: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...CODES) }, { weight: 1, arbitrary: fc.constant('M99999') }),
  window: fc.tuple(dateIn2026, dateIn2026).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
});

const fen = (max: number) => fc.oneof(fc.constant(0), fc.integer({ min: 0, max }));

export const ytd = fc.record({
  admissions: fc.integer({ min: 0, max: 5 }),
  fundPaid: fen(32_000_000),
  outpatientFundPaid: fen(210_000),
  specialFundPaid: fc.dictionary(fc.constantFrom(...CODES), fen(8_500_000), { maxKeys: 3 }),
  seriousDeductibleUsed: fen(2_500_000),
  seriousPaid: fen(36_000_000),
  assistanceDeductibleUsed: fen(120_000),
  assistancePaid: fen(11_000_000),
});

type Person = { insutype: '390' | '310'; retired: boolean; assistance: ClaimOptions['assistance'] };
type Visit = { type: NonNullable<ClaimOptions['type']>; level: 1 | 2 | 3; date: string; outOfArea: ClaimOptions['outOfArea']; code: string; window: string[] };

export function toOptions(p: Person, v: Visit, items: Array<Record<string, unknown>>, y?: ClaimOptions['ytd']): ClaimOptions {
  return {
    ...p,
    type: v.type,
    level: v.level,
    date: v.date,
    outOfArea: v.outOfArea,
    disease: { code: v.code, registeredFrom: v.window[0], registeredTo: v.window[1] },
    items,
    ytd: y,
  };
}

export const claimOptions = fc
  .tuple(person, visit, fc.array(item, { minLength: 1, maxLength: 30 }), ytd)
  .map(([p, v, items, y]) => toOptions(p, v, items, y));
