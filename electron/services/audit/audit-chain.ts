/**
 * The audit chain's rules in one place: the table (migration), the canonical encoding that is hashed, the
 * keyed hash, and verification. A row's hash is HMAC-SHA256(auditKey, canonical(row)) where canonical(row)
 * is the JSON array [seq, at, actor, caller, transport, action, detail, prev_hash] and detail is the row's
 * stored text (JSON with sorted keys, or null). The first row's prev_hash is 64 zeros.
 *
 * Verification names what is wrong and where: an edited row (its hash no longer matches), a deleted row
 * (a gap in seq), a reordered row (its hash matches only under another seq) and a broken link. It works on
 * the whole table and on an exported excerpt (whose first prev_hash is taken as given).
 * Limitation: removing rows at the very end leaves a shorter, valid chain; an exported excerpt or a printed
 * summary (its last seq and hash) is the outside anchor that shows it.
 */
import crypto from 'node:crypto';
import type { Db, Migration } from '../store/database';

export const GENESIS_PREV_HASH = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  /** UTC ISO time. */
  at: string;
  /** Operator code (or 'system', an OS user for the CLI). */
  actor: string;
  /** Caller (session/connection) id, null for work the app does on its own. */
  caller: string | null;
  transport: string;
  action: string;
  /** Canonical JSON text, or null. */
  detail: string | null;
  prev_hash: string;
  hash: string;
}

const refuse = (table: string, what: 'INSERT' | 'UPDATE' | 'DELETE') =>
  `CREATE TRIGGER ${table}_no_${what.toLowerCase()} BEFORE ${what} ON ${table} BEGIN SELECT RAISE(ABORT, '审计记录只能追加，不能修改或删除'); END;`;

/** Migration: the old plain table becomes frozen `audit_log_legacy` (no insert/update/delete); `audit_log` becomes the chain. */
export const auditChainMigration: Migration = {
  name: 'hash-chained append-only audit',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log RENAME TO audit_log_legacy;
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        caller TEXT,
        transport TEXT NOT NULL,
        action TEXT NOT NULL,
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log (at);
      ${refuse('audit_log', 'UPDATE')}
      ${refuse('audit_log', 'DELETE')}
      ${refuse('audit_log_legacy', 'UPDATE')}
      ${refuse('audit_log_legacy', 'DELETE')}
      ${refuse('audit_log_legacy', 'INSERT')}
    `);
  },
};

/** JSON with object keys sorted at every level, so the same detail always gives the same text. */
export function canonicalDetail(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function canonicalRow(r: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([r.seq, r.at, r.actor, r.caller, r.transport, r.action, r.detail, r.prev_hash]);
}

export function auditRowHash(key: Buffer, r: Omit<AuditRow, 'hash'>): string {
  return crypto.createHmac('sha256', key).update(canonicalRow(r), 'utf8').digest('hex');
}

/** Count and SHA-256 of the pre-chain rows, recorded in the chain's first row. */
export function legacyAnchor(db: Db): { legacyRows: number; legacySha256: string } {
  const rows = db.prepare('SELECT id, at, actor, action, detail FROM audit_log_legacy ORDER BY id').raw().all();
  const sha = crypto.createHash('sha256');
  for (const r of rows) sha.update(JSON.stringify(r) + '\n', 'utf8');
  return { legacyRows: rows.length, legacySha256: sha.digest('hex') };
}

export interface ChainProblem {
  seq: number;
  kind: 'edited' | 'deleted' | 'reordered' | 'broken-link' | 'legacy-changed';
  message: string;
}

export interface ChainReport {
  rows: number;
  firstSeq: number | null;
  lastSeq: number | null;
  lastHash: string | null;
  problems: ChainProblem[];
}

/** How far from its stored seq a moved row is looked for. */
const REORDER_WINDOW = 64;

/**
 * Check rows in the order given (by seq). `expectFirst` pins the start (the whole table: seq 1 after the
 * genesis hash); without it (an excerpt) the first row's seq and prev_hash are taken as given.
 */
export function verifyRows(rows: readonly AuditRow[], key: Buffer, expectFirst?: { seq: number; prevHash: string }): ChainReport {
  const problems: ChainProblem[] = [];
  const bySeqHash = (r: AuditRow, seq: number) => auditRowHash(key, { ...r, seq }) === r.hash;
  let prev: { seq: number; hash: string; flagged: boolean } | null = expectFirst ? { seq: expectFirst.seq - 1, hash: expectFirst.prevHash, flagged: false } : null;
  for (const r of rows) {
    let flagged = false;
    if (prev && r.seq > prev.seq + 1) {
      const missing = r.seq - prev.seq - 1;
      problems.push({
        seq: prev.seq + 1,
        kind: 'deleted',
        message: missing === 1 ? `seq ${prev.seq + 1} 缺失: 该条记录已被删除` : `seq ${prev.seq + 1}–${r.seq - 1} 缺失: ${missing} 条记录已被删除`,
      });
      flagged = true;
    }
    if (!bySeqHash(r, r.seq)) {
      const moved = findOriginalSeq(r, bySeqHash);
      if (moved !== null) problems.push({ seq: r.seq, kind: 'reordered', message: `seq ${r.seq}: 记录顺序被调换 (该条原为 seq ${moved})` });
      else problems.push({ seq: r.seq, kind: 'edited', message: `seq ${r.seq}: 内容被修改 (哈希不符)` });
      flagged = true;
    } else if (prev && !flagged && !prev.flagged && r.prev_hash !== prev.hash) {
      problems.push({ seq: r.seq, kind: 'broken-link', message: `seq ${r.seq}: 与前一条记录的链接不符 (prev_hash)` });
      flagged = true;
    }
    prev = { seq: r.seq, hash: r.hash, flagged };
  }
  const last = rows.at(-1);
  return { rows: rows.length, firstSeq: rows[0]?.seq ?? null, lastSeq: last?.seq ?? null, lastHash: last?.hash ?? null, problems };
}

function findOriginalSeq(r: AuditRow, matches: (r: AuditRow, seq: number) => boolean): number | null {
  for (let d = 1; d <= REORDER_WINDOW; d++) {
    if (matches(r, r.seq + d)) return r.seq + d;
    if (r.seq - d >= 1 && matches(r, r.seq - d)) return r.seq - d;
  }
  return null;
}

export function readChain(db: Db, range?: { fromIso?: string; toIso?: string }): AuditRow[] {
  if (!range) return db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[];
  return db
    .prepare('SELECT * FROM audit_log WHERE at >= ? AND at < ? ORDER BY seq')
    .all(range.fromIso ?? '', range.toIso ?? '9999') as AuditRow[];
}

/** The whole table: the chain from the genesis hash, and the legacy rows against the anchor in the first row. */
export function verifyAuditChain(db: Db, key: Buffer): ChainReport {
  const rows = readChain(db);
  const report = verifyRows(rows, key, { seq: 1, prevHash: GENESIS_PREV_HASH });
  const start = rows.find((r) => r.action === 'audit.chain-start');
  if (start && !report.problems.some((p) => p.seq === start.seq)) {
    const now = legacyAnchor(db);
    const then = JSON.parse(start.detail ?? '{}') as { legacyRows?: number; legacySha256?: string };
    if (then.legacyRows !== now.legacyRows || then.legacySha256 !== now.legacySha256) {
      report.problems.unshift({ seq: start.seq, kind: 'legacy-changed', message: `迁移前的旧审计记录 (audit_log_legacy) 被修改: 原 ${then.legacyRows} 条，现 ${now.legacyRows} 条或内容不符` });
    }
  }
  return report;
}
