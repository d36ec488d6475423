/**
 * The audit trail: who looked at whom, who changed what. Personal data is sensitive (PIPL), so every view,
 * case change, print, export and configuration change leaves a row here — and a row must not be quietly
 * edited, removed or reordered afterwards.
 *
 * Append-only by two layers:
 * - SQLite triggers refuse UPDATE and DELETE (stops mistakes and casual edits; an attacker can drop them);
 * - each row is chained to the one before: hash = HMAC-SHA256(auditKey, canonical row incl. prev_hash).
 *   Editing a row breaks its own hash, deleting or reordering one breaks the link of the next, and without
 *   the key nobody can recompute the chain after tampering. `verifyAuditChain` (counter audit verify) checks it.
 *
 * Several processes write (the app, `counter import`, `counter sync`): seq and prev_hash are read inside an
 * IMMEDIATE transaction, so two writers can never both append after the same row (no forked chain).
 *
 * Rows of the old unchained `audit_log` (before migration 9) were never protected and cannot be proven intact;
 * they are kept read-only in `audit_log_legacy` and the first chained row anchors their count and SHA-256,
 * so from then on any change to them is detected too (see ./audit-chain).
 */
import type { Db } from '../store/database';
import { GENESIS_PREV_HASH, auditRowHash, canonicalDetail, legacyAnchor, type AuditRow } from './audit-chain';

/** Where a call came from: the Caller's session id and transport ('ipc', 'websocket', 'cli', 'test', 'internal'). */
export interface AuditOrigin {
  callerId?: string | null;
  transport?: string;
}

export class AuditLog {
  private readonly last;
  private readonly insert;
  private readonly appendTx;

  constructor(
    db: Db,
    private readonly clock: () => Date,
    private readonly key: Buffer,
  ) {
    if (!Buffer.isBuffer(key) || key.length < 16) throw new Error('audit key must be a Buffer of at least 16 bytes');
    this.last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(
      'INSERT INTO audit_log (seq, at, actor, caller, transport, action, detail, prev_hash, hash) VALUES (@seq, @at, @actor, @caller, @transport, @action, @detail, @prev_hash, @hash)',
    );
    const appendOne = (row: Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>): AuditRow => {
      let prev = this.last.get() as { seq: number; hash: string } | undefined;
      if (!prev) {
        // The first chained row anchors the unchained rows kept from before the chain.
        const anchor = this.chainRow({ seq: 1, prev_hash: GENESIS_PREV_HASH }, { at: row.at, actor: 'system', caller: null, transport: 'internal', action: 'audit.chain-start', detail: canonicalDetail(legacyAnchor(db)) });
        this.insert.run(anchor);
        prev = { seq: anchor.seq, hash: anchor.hash };
      }
      const full = this.chainRow({ seq: prev.seq + 1, prev_hash: prev.hash }, row);
      this.insert.run(full);
      return full;
    };
    this.appendTx = db.transaction(appendOne);
  }

  /** Append one row. `detail` must already be privacy-safe (masked IDs, no names beside IDs, no diagnoses). */
  record(actor: string, action: string, detail?: Record<string, unknown>, origin: AuditOrigin = {}): AuditRow {
    return this.appendTx.immediate({
      at: this.clock().toISOString(),
      actor,
      caller: origin.callerId ?? null,
      transport: origin.transport ?? 'internal',
      action,
      detail: detail === undefined ? null : canonicalDetail(detail),
    });
  }

  private chainRow(link: Pick<AuditRow, 'seq' | 'prev_hash'>, row: Omit<AuditRow, 'seq' | 'prev_hash' | 'hash'>): AuditRow {
    const unsigned = { ...row, ...link };
    return { ...unsigned, hash: auditRowHash(this.key, unsigned) };
  }
}
