/**
 * A person's 门诊慢特病 registration window for one disease, for a 门诊慢特病 claim: this workstation's
 * filed or pending registration first (not cancelled, not refused), otherwise the platform's 5301 query.
 */
import type { PlatformClient } from '../platform/client';
import { querySpecialDisease } from '../platform/transactions/special-disease';
import type { Db } from '../store/database';
import type { DiseaseWindow } from './claim-builder';

/** Open-ended registrations run to this date for the engine (it needs a real calendar date). */
const OPEN_END = '2099-12-31';

function pick(windows: DiseaseWindow[], visitDate: string): DiseaseWindow | null {
  return windows.find((w) => w.registeredFrom <= visitDate && visitDate <= w.registeredTo) ?? windows[0] ?? null;
}

export async function findDiseaseWindow(
  deps: { db: Db; client?: PlatformClient },
  psnNo: string,
  code: string,
  visitDate: string,
): Promise<DiseaseWindow | null> {
  const rows = deps.db
    .prepare(
      `SELECT payload FROM cases WHERE kind = 'special-disease' AND psn_no = ? AND state NOT IN ('cancelled', 'needs-clerk', 'resubmitted', 'voided') ORDER BY id DESC`,
    )
    .all(psnNo) as Array<{ payload: string }>;
  const local = rows
    .map((r) => JSON.parse(r.payload) as { opsp_dise_code: string; begndate: string; enddate: string })
    .filter((p) => p.opsp_dise_code === code)
    .map((p) => ({ code, registeredFrom: p.begndate, registeredTo: p.enddate || OPEN_END }));
  const hit = pick(local, visitDate);
  if (hit || !deps.client) return hit;
  try {
    const remote = await querySpecialDisease(deps.client, { psn_no: psnNo, opsp_dise_code: code });
    return pick(
      remote.filter((r) => r.vali_flag === '1').map((r) => ({ code, registeredFrom: r.begndate, registeredTo: r.enddate || OPEN_END })),
      visitDate,
    );
  } catch {
    // Platform unreachable: no registration known, the caller says so in words.
    return null;
  }
}
