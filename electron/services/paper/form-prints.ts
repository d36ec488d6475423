/**
 * Every A4 form printed for a case (the paper's print jobs): which form, when, by whom, to the system printer
 * or as a PDF, and whether it was a 补打 (a form of this case printed before). The case's detail lists them,
 * and 补打 marks the form it prints again. No personal data here: the form is re-rendered from the case.
 */
import type { Db, Migration } from '../store/database';

export const formPrintsMigration: Migration = {
  name: 'form prints',
  up(db) {
    db.exec(`
      CREATE TABLE form_prints (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        form_id TEXT NOT NULL,
        title TEXT NOT NULL,
        output TEXT NOT NULL CHECK (output IN ('printer', 'pdf')),
        printed_at TEXT NOT NULL,
        printed_by TEXT NOT NULL,
        reprint INTEGER NOT NULL DEFAULT 0 CHECK (reprint IN (0, 1))
      );
      CREATE INDEX form_prints_by_case ON form_prints (case_id, form_id, id);
    `);
  },
};

export interface FormPrint {
  id: number;
  caseId: number;
  formId: string;
  title: string;
  output: 'printer' | 'pdf';
  printedAt: string;
  printedBy: string;
  reprint: boolean;
}

interface Row {
  id: number;
  case_id: number;
  form_id: string;
  title: string;
  output: 'printer' | 'pdf';
  printed_at: string;
  printed_by: string;
  reprint: number;
}

const toPrint = (r: Row): FormPrint => ({
  id: r.id,
  caseId: r.case_id,
  formId: r.form_id,
  title: r.title,
  output: r.output,
  printedAt: r.printed_at,
  printedBy: r.printed_by,
  reprint: r.reprint === 1,
});

/** Records one print; it is a 补打 when the same form of the case was printed before. */
export function recordFormPrint(db: Db, p: { caseId: number; formId: string; title: string; output: 'printer' | 'pdf'; printedBy: string; now: Date }): FormPrint {
  return db.transaction(() => {
    const before = db.prepare('SELECT 1 FROM form_prints WHERE case_id = ? AND form_id = ? LIMIT 1').get(p.caseId, p.formId) !== undefined;
    const info = db
      .prepare('INSERT INTO form_prints (case_id, form_id, title, output, printed_at, printed_by, reprint) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(p.caseId, p.formId, p.title, p.output, p.now.toISOString(), p.printedBy, before ? 1 : 0);
    return toPrint(db.prepare('SELECT * FROM form_prints WHERE id = ?').get(Number(info.lastInsertRowid)) as Row);
  })();
}

export function hasBeenPrinted(db: Db, caseId: number, formId: string): boolean {
  return db.prepare('SELECT 1 FROM form_prints WHERE case_id = ? AND form_id = ? LIMIT 1').get(caseId, formId) !== undefined;
}

/** The case's prints, oldest first. */
export function formPrintsOf(db: Db, caseId: number): FormPrint[] {
  return (db.prepare('SELECT * FROM form_prints WHERE case_id = ? ORDER BY id').all(caseId) as Row[]).map(toPrint);
}
