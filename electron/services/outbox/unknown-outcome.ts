/**
 * Unknown-outcome resolution: an earlier send may have reached the platform (a lost reply, a crash mid-send),
 * so before anything is sent again we find out. Kinds the platform can look up are queried by business key:
 * our record → done; someone else's → the clerk; nothing → resend (with a new msgid). Kinds it cannot look up
 * are reversed with 2601 first. While the lookup itself fails the item stays unknown: never a blind resend.
 */
import type { CaseRecord } from '../cases/case-store';
import type { Db } from '../store/database';
import { classifyReversalFailure, failureText } from './outcome-classification';
import type { Outcome, OutcomeRecorder } from './outcome-recorder';
import { beginAttempt, finishAttempt, type OutboxItem } from './outbox-store';
import { asPlatformFailure, caseOperator, NotOurs, type CaseSender, type PlatformCaller, type PlatformFailure } from './platform-port';
import { REVERSAL_INFNO, type TransactionCodes } from './transaction-codes';

export type LookUpResult =
  | { kind: 'found'; record: Record<string, unknown> }
  | { kind: 'not-ours'; message: string }
  | { kind: 'not-found' }
  /** The query did not answer: the item was put back as unknown with this outcome. */
  | { kind: 'failed'; outcome: Outcome };

export interface UnknownOutcomeOptions {
  db: Db;
  client: PlatformCaller;
  codes: TransactionCodes;
  record: OutcomeRecorder;
  reversalNotFoundPatterns: readonly string[];
  now: () => Date;
  freshMsgid: () => string;
  /** Tells reachability how a call went. */
  answered: () => void;
  failed: (f: PlatformFailure) => void;
}

export class UnknownOutcomeResolver {
  constructor(private readonly o: UnknownOutcomeOptions) {}

  /** An earlier send may have reached the platform: find out before sending again. */
  async resolve(item: OutboxItem, c: CaseRecord, sender: CaseSender, registration?: CaseRecord): Promise<Outcome | 'resend'> {
    if (!sender.query) return this.reverse(item, c);
    const found = await this.lookUp(item, c, sender, registration);
    if (found.kind === 'found') return this.o.record.done(item, c, found.record, registration, '查询确认平台已办理 (本办件)');
    if (found.kind === 'failed') return found.outcome;
    // Someone else's record for the same business: resending would be refused (or worse, filed twice).
    if (found.kind === 'not-ours') return this.o.record.needsClerk(item, c, found.message, `平台已有他人办理的记录: ${found.message}`);
    return 'resend';
  }

  /** Looks the case up by business key (the sender must have a query). */
  async lookUp(item: OutboxItem, c: CaseRecord, sender: CaseSender, registration?: CaseRecord): Promise<LookUpResult> {
    const { db, client } = this.o;
    const queryInfno = this.o.codes[c.kind]?.queryInfno ?? 'query';
    const msgid = this.o.freshMsgid();
    const attempt = beginAttempt(db, item.id, { action: 'query', infno: queryInfno, msgid, now: this.o.now() });
    try {
      const record = await sender.query!({ client, msgid, registration, operator: caseOperator(c) }, c);
      this.o.answered();
      if (record instanceof NotOurs) {
        finishAttempt(db, attempt, 'not-ours', record.message, this.o.now());
        return { kind: 'not-ours', message: record.message };
      }
      finishAttempt(db, attempt, record ? 'found' : 'not-found', null, this.o.now());
      return record ? { kind: 'found', record } : { kind: 'not-found' };
    } catch (err) {
      const f = asPlatformFailure(err);
      const msg = f ? failureText(f) : (err as Error).message;
      finishAttempt(db, attempt, 'error', `查询失败: ${msg}`, this.o.now());
      if (f) this.o.failed(f);
      // Still unknown: we must not resend until a query answers.
      return { kind: 'failed', outcome: this.o.record.waiting(item, 'unknown', `查询失败: ${msg}`) };
    }
  }

  /** 2601 冲正 of the last send, for kinds the platform cannot look up. */
  private async reverse(item: OutboxItem, c: CaseRecord): Promise<Outcome | 'resend'> {
    const { db, record } = this.o;
    const msgid = this.o.freshMsgid();
    const attempt = beginAttempt(db, item.id, { action: 'reverse', infno: REVERSAL_INFNO, msgid, now: this.o.now() });
    try {
      await this.o.client.call(
        REVERSAL_INFNO,
        { psn_no: c.psnNo, omsgid: item.msgid, oinfno: item.infno },
        { msgid, insuplcAdmdvs: c.insuplcAdmdvs ?? undefined, operator: caseOperator(c) },
      );
      finishAttempt(db, attempt, 'ok', '已冲正原交易', this.o.now());
      this.o.answered();
      return 'resend';
    } catch (err) {
      const f = asPlatformFailure(err);
      if (!f) throw err;
      this.o.failed(f);
      const r = classifyReversalFailure(f, { infno: REVERSAL_INFNO, notFoundPatterns: this.o.reversalNotFoundPatterns });
      switch (r.kind) {
        case 'sign-in-refused':
          finishAttempt(db, attempt, 'error', r.message, this.o.now());
          return record.waiting(item, 'unknown', r.message);
        case 'not-there':
          finishAttempt(db, attempt, 'not-found', r.message, this.o.now());
          return 'resend';
        case 'refused':
          finishAttempt(db, attempt, 'refused', r.message, this.o.now());
          return record.needsClerk(item, c, r.message, `冲正被拒绝，请人工核实: ${r.message}`);
        case 'failed':
          finishAttempt(db, attempt, 'error', `冲正失败: ${r.message}`, this.o.now());
          return record.waiting(item, 'unknown', `冲正失败: ${r.message}`);
      }
    }
  }
}
