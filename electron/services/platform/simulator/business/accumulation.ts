/**
 * 5206 人员累计信息查询: the year's accumulators of a person as the simulated platform counted them, from the
 * ledger of settlements at other institutions (resources/samples/accumulations.json), with those settlements
 * and their 票据 listed. 零星报销 filed with 2801 are not added here: the simulator keeps no breakdown of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { fenToWire } from '../../envelope';
import { CUM_TYPE_CODES, CUM_TYPE_NAMES, type AccumulationTotals, type CumTypeCode } from '../../transactions/accumulation';
import { insuredPerson, Refusal, text, type Handler } from './handler';

const fen = z.number().int().nonnegative();
const LedgerEntry = z.object({
  psn_no: z.string().min(1),
  setl_id: z.string().min(1),
  fixmedins_name: z.string(),
  setl_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  bills: z.array(z.object({ bill_code: z.string(), bill_no: z.string() })),
  claim: z.unknown(),
  usage: z
    .object({
      admissions: fen,
      fundPaid: fen,
      outpatientFundPaid: fen,
      specialFundPaid: z.record(z.string(), fen),
      inpatientDeductiblePaid: fen,
      seriousDeductibleUsed: fen,
      seriousPaid: fen,
      assistanceDeductibleUsed: fen,
      assistancePaid: fen,
    })
    .partial()
    .strict(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export function loadAccumulationLedger(resourcesDir: string): LedgerEntry[] {
  const file = path.join(resourcesDir, 'samples', 'accumulations.json');
  if (!fs.existsSync(file)) return [];
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { settlements: unknown[] };
  return raw.settlements.map((s) => LedgerEntry.parse(s));
}

function cumRows(year: string, usage: LedgerEntry['usage'][]): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const [code, key] of Object.entries(CUM_TYPE_CODES) as Array<[CumTypeCode, keyof AccumulationTotals]>) {
    if (key === 'specialFundPaid') {
      const byDisease = new Map<string, number>();
      for (const u of usage) for (const [d, v] of Object.entries(u.specialFundPaid ?? {})) byDisease.set(d, (byDisease.get(d) ?? 0) + v);
      for (const [d, v] of byDisease) rows.push({ year, cum_type_code: code, cum_type_name: CUM_TYPE_NAMES[code], opsp_dise_code: d, cum: fenToWire(v, 'yuan') });
      continue;
    }
    const sum = usage.reduce((s, u) => s + ((u[key] as number | undefined) ?? 0), 0);
    rows.push({ year, cum_type_code: code, cum_type_name: CUM_TYPE_NAMES[code], cum: key === 'admissions' ? sum : fenToWire(sum, 'yuan') });
  }
  return rows;
}

export function accumulationHandlers(ledger: readonly LedgerEntry[]): Record<string, Handler> {
  const query: Handler = (ctx) => {
    const psnNo = text(ctx.node, 'psn_no');
    const year = text(ctx.node, 'cum_year');
    if (!/^\d{4}$/.test(year)) throw new Refusal(`累计年度 ${year} 格式应为 yyyy`);
    insuredPerson(ctx, psnNo);
    const mine = ledger.filter((s) => s.psn_no === psnNo && s.setl_date.startsWith(year));
    return {
      psnNo,
      output: {
        cuminfo: cumRows(year, mine.map((s) => s.usage)),
        setlinfo: mine.map((s) => ({ setl_id: s.setl_id, fixmedins_name: s.fixmedins_name, setl_date: s.setl_date, billlist: s.bills })),
      },
    };
  };
  return { '5206': query };
}
