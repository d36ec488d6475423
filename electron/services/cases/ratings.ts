/**
 * 好差评 ratings, one per case: stored beside the case in counter.db so the 差评 list and the 日结 count them.
 * The reason is the citizen's own words (or a tapped reason); it names nobody and is kept as given.
 */
import { AppError } from '../../contract/errors';
import { CASE_KIND_NAMES, type CaseKindName } from '../../contract/vocabulary/case-kinds';
import { isComplaint, SATISFACTION_NAMES, type SatisfactionLevel } from '../../contract/vocabulary/satisfaction';
import type { Db, Migration } from '../store/database';

export const ratingsMigration: Migration = {
  name: 'case ratings (好差评)',
  up(db) {
    db.exec(`
      CREATE TABLE case_ratings (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id),
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        reason TEXT,
        rated_at TEXT NOT NULL
      );
      CREATE INDEX case_ratings_complaints ON case_ratings(rated_at) WHERE level >= 4;
    `);
  },
};

export interface Rating {
  caseNo: string;
  level: SatisfactionLevel;
  levelName: string;
  reason: string | null;
  ratedAt: string;
}

export interface ComplaintRow extends Rating {
  serviceName: string;
  operatorCode: string;
  operatorName: string | null;
  acceptedAt: string;
}

interface RatingRow {
  case_no: string;
  level: SatisfactionLevel;
  reason: string | null;
  rated_at: string;
}

const toRating = (r: RatingRow): Rating => ({
  caseNo: r.case_no,
  level: r.level,
  levelName: SATISFACTION_NAMES[r.level],
  reason: r.reason,
  ratedAt: r.rated_at,
});

/** Record the citizen's rating; a case is rated once (a second tap, or a replayed request, is refused). */
export function recordRating(db: Db, input: { caseNo: string; level: SatisfactionLevel; reason?: string | null }, now: Date): Rating {
  const c = db.prepare('SELECT id, kind FROM cases WHERE case_no = ?').get(input.caseNo) as { id: number; kind: string } | undefined;
  if (!c) throw new AppError('not-found', `找不到办件 ${input.caseNo}`);
  if (isComplaint(input.level) && !input.reason?.trim()) throw new AppError('invalid-input', '请选择或填写不满意的原因');
  const reason = input.reason?.trim() || null;
  const ratedAt = now.toISOString();
  const inserted = db
    .prepare('INSERT INTO case_ratings (case_id, level, reason, rated_at) VALUES (?, ?, ?, ?) ON CONFLICT(case_id) DO NOTHING')
    .run(c.id, input.level, reason, ratedAt);
  if (inserted.changes === 0) throw new AppError('conflict', '该办件已评价，不能重复评价');
  return { caseNo: input.caseNo, level: input.level, levelName: SATISFACTION_NAMES[input.level], reason, ratedAt };
}

export function ratingOf(db: Db, caseNo: string): Rating | null {
  const row = db
    .prepare('SELECT c.case_no, r.level, r.reason, r.rated_at FROM case_ratings r JOIN cases c ON c.id = r.case_id WHERE c.case_no = ?')
    .get(caseNo) as RatingRow | undefined;
  return row ? toRating(row) : null;
}

/** 差评 (不满意, 非常不满意) with their case, newest first; `from`/`to` are ISO instants (inclusive, exclusive). */
export function listComplaints(db: Db, range: { from?: string; to?: string; limit?: number } = {}): ComplaintRow[] {
  const rows = db
    .prepare(
      `SELECT c.case_no, r.level, r.reason, r.rated_at, c.kind, c.created_by, c.created_by_name, c.created_at
         FROM case_ratings r JOIN cases c ON c.id = r.case_id
        WHERE r.level >= 4 AND r.rated_at >= ? AND r.rated_at < ?
        ORDER BY r.rated_at DESC LIMIT ?`,
    )
    .all(range.from ?? '', range.to ?? '9999', range.limit ?? 200) as Array<
    RatingRow & { kind: CaseKindName; created_by: string; created_by_name: string | null; created_at: string }
  >;
  return rows.map((r) => ({
    ...toRating(r),
    serviceName: CASE_KIND_NAMES[r.kind] ?? r.kind,
    operatorCode: r.created_by,
    operatorName: r.created_by_name,
    acceptedAt: r.created_at,
  }));
}

/** Ratings of one day's window, counted per level (the 日结 reads this). */
export function countRatings(db: Db, from: string, to: string): Record<SatisfactionLevel, number> {
  const counts = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<SatisfactionLevel, number>;
  const rows = db.prepare('SELECT level, COUNT(*) n FROM case_ratings WHERE rated_at >= ? AND rated_at < ? GROUP BY level').all(from, to) as Array<{
    level: SatisfactionLevel;
    n: number;
  }>;
  for (const r of rows) counts[r.level] = r.n;
  return counts;
}
