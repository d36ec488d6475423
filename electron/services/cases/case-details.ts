/**
 * What the desk records about a case beyond its platform payload: the applicant as shown on the receipt
 * (name, masked ID), materials received, 容缺 materials with the promised deadline, the committed completion
 * date, and the invoices of a 零星报销 (an invoice may be reimbursed once). Also the 一次性告知单 issued.
 */
import type { Db, Migration } from '../store/database';
import { nextDailyNumber } from './case-store';
import { reverseIdNumber } from './case-schema';

export const caseDetailsMigration: Migration = {
  name: 'case details, one-time notices and claimed invoices',
  up(db) {
    db.exec(`
      CREATE TABLE case_details (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id),
        applicant_name TEXT NOT NULL,
        applicant_id_masked TEXT NOT NULL,
        summary TEXT NOT NULL,
        office TEXT NOT NULL,
        clerk_name TEXT NOT NULL,
        items TEXT NOT NULL,
        materials TEXT NOT NULL,
        pending_materials TEXT,
        pending_deadline TEXT,
        committed_date TEXT NOT NULL
      );
      CREATE TABLE case_notices (
        id INTEGER PRIMARY KEY,
        notice_no TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        psn_no TEXT NOT NULL,
        notice TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        issued_by TEXT NOT NULL
      );
      CREATE INDEX case_notices_psn ON case_notices(psn_no);
      CREATE TABLE case_invoices (
        case_id INTEGER NOT NULL REFERENCES cases(id),
        code TEXT NOT NULL,
        no TEXT NOT NULL,
        amount_fen INTEGER NOT NULL,
        PRIMARY KEY (case_id, code, no)
      );
      CREATE INDEX case_invoices_bill ON case_invoices(code, no);
    `);
  },
};

export interface CaseDetails {
  caseId: number;
  applicantName: string;
  applicantIdMasked: string;
  summary: string;
  office: string;
  clerkName: string;
  items: Array<{ name: string; amountFen?: number }>;
  materials: string[];
  pending: { materials: string[]; deadline: string } | null;
  committedDate: string;
  /** The full ID number, kept only in the search index (reversed, see case-schema.ts); never read back out. */
  applicantIdNumber?: string | null;
  /** 补齐 of a 容缺 case: when, by whom (工号), what was received. Read back; set by completePendingMaterials. */
  completed?: { at: string; by: string; note: string } | null;
}

export function insertCaseDetails(db: Db, d: CaseDetails): void {
  db.prepare(
    `INSERT INTO case_details (case_id, applicant_name, applicant_id_masked, summary, office, clerk_name, items, materials,
                               pending_materials, pending_deadline, committed_date, applicant_id_rev)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    d.caseId,
    d.applicantName,
    d.applicantIdMasked,
    d.summary,
    d.office,
    d.clerkName,
    JSON.stringify(d.items),
    JSON.stringify(d.materials),
    d.pending ? JSON.stringify(d.pending.materials) : null,
    d.pending?.deadline ?? null,
    d.committedDate,
    d.applicantIdNumber ? reverseIdNumber(d.applicantIdNumber) : null,
  );
}

/** The ID number index entry of one case, copied to a case made from it (a cancellation, a resubmission). */
export function copySearchIdNumber(db: Db, fromCaseId: number, toCaseId: number): void {
  db.prepare('UPDATE case_details SET applicant_id_rev = (SELECT applicant_id_rev FROM case_details WHERE case_id = ?) WHERE case_id = ?').run(
    fromCaseId,
    toCaseId,
  );
}

/** Records 补齐 of a 容缺 case; false when it has no open 容缺 materials. */
export function completePendingMaterials(db: Db, caseId: number, c: { at: string; by: string; note: string }): boolean {
  return (
    db
      .prepare('UPDATE case_details SET completed_at = ?, completed_by = ?, completed_note = ? WHERE case_id = ? AND pending_deadline IS NOT NULL AND completed_at IS NULL')
      .run(c.at, c.by, c.note, caseId).changes > 0
  );
}

interface DetailsRow {
  case_id: number;
  applicant_name: string;
  applicant_id_masked: string;
  summary: string;
  office: string;
  clerk_name: string;
  items: string;
  materials: string;
  pending_materials: string | null;
  pending_deadline: string | null;
  committed_date: string;
  completed_at: string | null;
  completed_by: string | null;
  completed_note: string | null;
}

export function getCaseDetails(db: Db, caseId: number): CaseDetails | undefined {
  const r = db.prepare('SELECT * FROM case_details WHERE case_id = ?').get(caseId) as DetailsRow | undefined;
  if (!r) return undefined;
  return {
    caseId: r.case_id,
    applicantName: r.applicant_name,
    applicantIdMasked: r.applicant_id_masked,
    summary: r.summary,
    office: r.office,
    clerkName: r.clerk_name,
    items: JSON.parse(r.items) as CaseDetails['items'],
    materials: JSON.parse(r.materials) as string[],
    pending: r.pending_materials && r.pending_deadline ? { materials: JSON.parse(r.pending_materials) as string[], deadline: r.pending_deadline } : null,
    committedDate: r.committed_date,
    completed: r.completed_at ? { at: r.completed_at, by: r.completed_by ?? '', note: r.completed_note ?? '' } : null,
  };
}

// ---------- invoices ----------

export function insertCaseInvoices(db: Db, caseId: number, invoices: ReadonlyArray<{ code: string; no: string; amountFen: number }>): void {
  const ins = db.prepare('INSERT INTO case_invoices (case_id, code, no, amount_fen) VALUES (?, ?, ?, ?)');
  for (const i of invoices) ins.run(caseId, i.code, i.no, i.amountFen);
}

/** Invoices already claimed at this workstation by a case that is not cancelled or refused: code|no → 办件编号. */
export function claimedInvoices(db: Db, invoices: ReadonlyArray<{ code: string; no: string }>): Map<string, string> {
  const q = db.prepare(
    `SELECT c.case_no FROM case_invoices i JOIN cases c ON c.id = i.case_id
     WHERE i.code = ? AND i.no = ? AND c.state NOT IN ('cancelled', 'needs-clerk', 'resubmitted', 'voided') LIMIT 1`,
  );
  const hits = new Map<string, string>();
  for (const i of invoices) {
    const row = q.get(i.code, i.no) as { case_no: string } | undefined;
    if (row) hits.set(`${i.code}|${i.no}`, row.case_no);
  }
  return hits;
}

// ---------- one-time notices ----------

/** Next 告知单编号: "N" + region(6) + site(3) + yyyyMMdd + 6-digit daily sequence (its own counter, not the 办件编号's). */
export function nextNoticeNo(db: Db, region: string, site: string, yyyymmdd: string): string {
  return nextDailyNumber(db, `N${region}${site}`, yyyymmdd);
}

export function insertNotice(db: Db, n: { noticeNo: string; kind: string; psnNo: string; notice: unknown; issuedAt: string; issuedBy: string }): void {
  db.prepare('INSERT INTO case_notices (notice_no, kind, psn_no, notice, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?)').run(
    n.noticeNo,
    n.kind,
    n.psnNo,
    JSON.stringify(n.notice),
    n.issuedAt,
    n.issuedBy,
  );
}

export function getNotice<T>(db: Db, noticeNo: string): T | undefined {
  const r = db.prepare('SELECT notice FROM case_notices WHERE notice_no = ?').get(noticeNo) as { notice: string } | undefined;
  return r ? (JSON.parse(r.notice) as T) : undefined;
}
