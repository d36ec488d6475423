/**
 * This workstation's settled 零星报销 claims: the claim exactly as calculated and the engine's result, stored
 * when the case is accepted. The year's accumulators (ytd) of a person are rebuilt from them (./year-to-date,
 * merged with the platform's 5206); a claim whose case was cancelled (撤销 filed) is marked reversed and no
 * longer counts, and one the platform refused (needs the clerk) does not count while it stays refused.
 */
import type { ClaimResult, SettledClaim, Ytd } from '../policy';
import type { Db, Migration } from '../store/database';

export const settledClaimsMigration: Migration = {
  name: 'settled reimbursement claims',
  up(db) {
    db.exec(`
      CREATE TABLE settled_claims (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL UNIQUE REFERENCES cases(id),
        psn_no TEXT NOT NULL,
        visit_year INTEGER NOT NULL,
        claim TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL,
        reversed_at TEXT
      );
      CREATE INDEX settled_claims_psn_year ON settled_claims(psn_no, visit_year);
    `);
  },
};

export interface StoredClaim {
  visit: { date: string };
  ytd?: Partial<Ytd>;
  [key: string]: unknown;
}

export function insertSettledClaim(db: Db, s: { caseId: number; psnNo: string; claim: StoredClaim; result: ClaimResult; now: Date }): void {
  db.prepare('INSERT INTO settled_claims (case_id, psn_no, visit_year, claim, result, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    s.caseId,
    s.psnNo,
    Number(s.claim.visit.date.slice(0, 4)),
    JSON.stringify(s.claim),
    JSON.stringify(s.result),
    s.now.toISOString(),
  );
}

/** Mark the claims of cancelled cases reversed (once, with the cancellation's time). */
export function markReversedClaims(db: Db): number {
  return db
    .prepare(
      `UPDATE settled_claims SET reversed_at = (SELECT updated_at FROM cases WHERE cases.id = settled_claims.case_id)
       WHERE reversed_at IS NULL AND case_id IN (SELECT id FROM cases WHERE state = 'cancelled')`,
    )
    .run().changes;
}

/** A settled claim with what identifies it to the platform: its 报销流水号 once filed, and its 票据. */
export interface KeyedSettledClaim extends SettledClaim {
  claimSn: string | null;
  invoices: Array<{ code: string; no: string }>;
}

/**
 * The person's settled claims of one year, reversed or refused ones flagged so they do not count, with what
 * identifies them to the platform (for merging with 5206, by settlement or invoice).
 */
export function keyedSettledClaimsOf(db: Db, psnNo: string, year: number): KeyedSettledClaim[] {
  markReversedClaims(db);
  const rows = db
    .prepare(
      `SELECT s.case_id, s.claim, s.result, s.reversed_at, c.state, c.result AS case_result FROM settled_claims s JOIN cases c ON c.id = s.case_id
       WHERE s.psn_no = ? AND s.visit_year = ? ORDER BY s.id`,
    )
    .all(psnNo, year) as Array<{ case_id: number; claim: string; result: string; reversed_at: string | null; state: string; case_result: string | null }>;
  const invoicesOf = db.prepare('SELECT code, no FROM case_invoices WHERE case_id = ? ORDER BY rowid');
  return rows.map((r) => {
    const sn = r.case_result ? (JSON.parse(r.case_result) as { claimSn?: unknown }).claimSn : undefined;
    return {
      claim: JSON.parse(r.claim) as SettledClaim['claim'],
      result: JSON.parse(r.result) as SettledClaim['result'],
      reversed: r.reversed_at !== null || r.state === 'needs-clerk',
      claimSn: typeof sn === 'string' && sn ? sn : null,
      invoices: invoicesOf.all(r.case_id) as Array<{ code: string; no: string }>,
    };
  });
}

/** The claim settled at acceptance of one case (the engine's result, for the printed 结算单), or undefined. */
export function settledClaimOfCase(db: Db, caseId: number): { result: ClaimResult; createdAt: string } | undefined {
  const row = db.prepare('SELECT result, created_at FROM settled_claims WHERE case_id = ?').get(caseId) as { result: string; created_at: string } | undefined;
  return row && { result: JSON.parse(row.result) as ClaimResult, createdAt: row.created_at };
}
