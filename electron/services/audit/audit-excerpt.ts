/**
 * Audit excerpts for inspectors: the rows of a period, contiguous by seq, with every field the chain is
 * computed from (incl. prev_hash and hash). Anyone can check the excerpt's links (each prev_hash is the hash
 * before it, seq without gaps); with the workstation's audit key (`counter audit verify --excerpt FILE`)
 * every row's hash is recomputed too. JSON Lines: a header line, then one line per row. CSV: UTF-8 with BOM
 * (Excel opens it as Chinese text), one header row, the same columns.
 */
import type { Db } from '../store/database';
import type { AuditRow } from './audit-chain';

export const EXCERPT_COLUMNS = ['seq', 'at', 'actor', 'caller', 'transport', 'action', 'detail', 'prev_hash', 'hash'] as const;

export interface ExcerptHeader {
  type: 'audit-excerpt';
  version: 1;
  /** The period asked for (calendar days, China Standard Time) and its UTC bounds [fromUtc, toUtc). */
  from: string;
  to: string;
  fromUtc: string;
  toUtc: string;
  exportedAt: string;
  rows: number;
  firstSeq: number | null;
  lastSeq: number | null;
  /** prev_hash of the first row: the link to the row before the excerpt. */
  startPrevHash: string | null;
  lastHash: string | null;
  algorithm: 'HMAC-SHA256';
  canonical: string;
}

/** Rows from the first at ≥ fromUtc to the last at < toUtc, contiguous by seq (a late clock cannot leave a hole). */
export function excerptRows(db: Db, fromUtc: string, toUtc: string): AuditRow[] {
  const range = db.prepare('SELECT MIN(seq) AS first, MAX(seq) AS last FROM audit_log WHERE at >= ? AND at < ?').get(fromUtc, toUtc) as {
    first: number | null;
    last: number | null;
  };
  if (range.first === null || range.last === null) return [];
  return db.prepare('SELECT * FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq').all(range.first, range.last) as AuditRow[];
}

export function excerptHeader(rows: readonly AuditRow[], period: Pick<ExcerptHeader, 'from' | 'to' | 'fromUtc' | 'toUtc' | 'exportedAt'>): ExcerptHeader {
  return {
    type: 'audit-excerpt',
    version: 1,
    ...period,
    rows: rows.length,
    firstSeq: rows[0]?.seq ?? null,
    lastSeq: rows.at(-1)?.seq ?? null,
    startPrevHash: rows[0]?.prev_hash ?? null,
    lastHash: rows.at(-1)?.hash ?? null,
    algorithm: 'HMAC-SHA256',
    canonical: 'hash = HMAC-SHA256(key, JSON.stringify([seq, at, actor, caller, transport, action, detail, prev_hash]))',
  };
}

export function toJsonl(header: ExcerptHeader, rows: readonly AuditRow[]): string {
  return [JSON.stringify(header), ...rows.map((r) => JSON.stringify(Object.fromEntries(EXCERPT_COLUMNS.map((c) => [c, r[c]]))))].join('\n') + '\n';
}

const csvField = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(rows: readonly AuditRow[]): string {
  return '\uFEFF' + [EXCERPT_COLUMNS.join(','), ...rows.map((r) => EXCERPT_COLUMNS.map((c) => csvField(r[c])).join(','))].join('\r\n') + '\r\n';
}

export class ExcerptFormatError extends Error {}

/** Reads an excerpt back (either format); a CSV's empty caller/detail are null, as in the database. */
export function parseExcerpt(text: string): { header: ExcerptHeader | null; rows: AuditRow[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (body.startsWith(EXCERPT_COLUMNS.join(','))) {
    const records = parseCsv(body).slice(1).filter((r) => r.length > 1 || r[0] !== '');
    return {
      header: null,
      rows: records.map((r, i) => {
        if (r.length !== EXCERPT_COLUMNS.length) throw new ExcerptFormatError(`第 ${i + 2} 行应有 ${EXCERPT_COLUMNS.length} 列，实际 ${r.length} 列`);
        const [seq, at, actor, caller, transport, action, detail, prev_hash, hash] = r;
        return { seq: Number(seq), at, actor, caller: caller || null, transport, action, detail: detail || null, prev_hash, hash };
      }),
    };
  }
  const lines = body.split('\n').filter((l) => l.trim() !== '');
  let header: ExcerptHeader | null = null;
  const rows: AuditRow[] = [];
  lines.forEach((line, i) => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new ExcerptFormatError(`第 ${i + 1} 行不是合法的 JSON`);
    }
    if ((value as { type?: string }).type === 'audit-excerpt') header = value as ExcerptHeader;
    else rows.push(value as AuditRow);
  });
  return { header, rows };
}

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += ch;
  }
  if (field !== '' || record.length) endRecord();
  return records;
}
