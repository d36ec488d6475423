/**
 * This workstation's settled 零星报销 claims: the claim exactly as calculated and the engine's result, stored
 * when the case is accepted. The year's accumulators (ytd) of a person are rebuilt from them by
 * foldAccumulators; a claim whose case was cancelled (撤销 filed) is marked reversed and no longer counts,
 * and one the platform refused (needs the clerk) does not count while it stays refused.
 */
import { foldAccumulators, type ClaimResult, type SettledClaim, type Ytd } from '../policy';
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

/** The person's settled claims of one year, reversed or refused ones flagged so they do not count. */
export function settledClaimsOf(db: Db, psnNo: string, year: number): SettledClaim[] {
  markReversedClaims(db);
  const rows = db
    .prepare(
      `SELECT s.claim, s.result, s.reversed_at, c.state FROM settled_claims s JOIN cases c ON c.id = s.case_id
       WHERE s.psn_no = ? AND s.visit_year = ? ORDER BY s.id`,
    )
    .all(psnNo, year) as Array<{ claim: string; result: string; reversed_at: string | null; state: string }>;
  return rows.map((r) => ({
    claim: JSON.parse(r.claim) as SettledClaim['claim'],
    result: JSON.parse(r.result) as SettledClaim['result'],
    reversed: r.reversed_at !== null || r.state === 'needs-clerk',
  }));
}

/** What the person used this year at this workstation, for the next claim's `ytd`. */
export function yearToDate(db: Db, psnNo: string, year: number): Ytd {
  return foldAccumulators(settledClaimsOf(db, psnNo, year), year);
}
