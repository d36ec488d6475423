/**
 * Delivers one taken item: an item of unknown outcome is resolved first (unknown-outcome.ts), then the case is
 * sent with its claimed msgid and the answer recorded — ok → done (group-committed), a duplicate refusal → a
 * lookup decides, other failures as outcome-classification.ts says. The uploader's loop calls work() per item.
 */
import { getCase, KIND_LABELS, type CaseRecord } from '../cases/case-store';
import type { GroupCommit } from './group-commit';
import { classifySendFailure } from './outcome-classification';
import { checkProvisional } from './provisional-check';
import type { Outcome } from './outcome-recorder';
import { beginAttempt, finishAttempt, type Claim, type OutboxItem, type OutboxState } from './outbox-store';
import { asPlatformFailure, caseOperator, type CaseSender, type SendContext, type SenderRegistry } from './platform-port';
import { UnknownOutcomeResolver, type UnknownOutcomeOptions } from './unknown-outcome';

export interface ItemDeliveryOptions extends UnknownOutcomeOptions {
  senders: SenderRegistry;
  dones: GroupCommit;
  duplicatePatterns: readonly string[];
  /** Called when the item goes out (in-flight). */
  changed: (item: OutboxItem, state: OutboxState) => void;
}

export class ItemDelivery {
  private readonly unknowns: UnknownOutcomeResolver;

  constructor(private readonly o: ItemDeliveryOptions) {
    this.unknowns = new UnknownOutcomeResolver(o);
  }

  async work(item: OutboxItem, claim?: Claim): Promise<Outcome> {
    const { db, record } = this.o;
    let c = getCase(db, item.caseId);
    if (!c) return record.needsClerk(item, null, null, `办件 ${item.caseId} 不存在`);
    // 临时受理: the person was never confirmed by the platform; 1101 first, filed only when it agrees.
    const verdict = await checkProvisional(db, this.o.client, c, this.o.now);
    if (verdict.kind === 'unreachable') {
      this.o.failed(verdict.failure);
      return record.waiting(item, 'retry', `临时受理待核验：${verdict.failure.message}`);
    }
    if (verdict.kind === 'disagrees') return record.needsClerk(item, c, verdict.platformMessage, `临时受理核验未通过：${verdict.reason}`);
    if (verdict.kind === 'confirmed') {
      this.o.answered();
      c = verdict.case;
    }
    const sender = this.o.senders[c.kind];
    const registration = c.relatedCaseId !== null ? getCase(db, c.relatedCaseId) : undefined;
    try {
      if (!sender) throw new Error(`没有${KIND_LABELS[c.kind]}的上报方式`);
      if (item.state === 'unknown' && item.msgid) {
        const resolved = await this.unknowns.resolve(item, c, sender, registration);
        if (resolved !== 'resend') return resolved;
      }
      return await this.send(item, c, sender, registration, claim);
    } catch (err) {
      // A fault of ours (cannot build the input, no sender): the clerk must look; nothing was sent twice.
      return record.needsClerk(item, c, null, `无法上报: ${(err as Error).message}`);
    }
  }

  private async send(item: OutboxItem, c: CaseRecord, sender: CaseSender, registration?: CaseRecord, claim?: Claim): Promise<Outcome> {
    const { db, record } = this.o;
    const msgid = claim?.msgid ?? this.o.freshMsgid();
    const attempt = claim?.attemptId ?? beginAttempt(db, item.id, { action: 'send', infno: item.infno, msgid, now: this.o.now() });
    this.o.changed(item, 'in-flight');
    const ctx: SendContext = { client: this.o.client, msgid, registration, operator: caseOperator(c) };
    let output: Record<string, unknown>;
    try {
      output = await sender.send(ctx, c);
    } catch (err) {
      const f = asPlatformFailure(err);
      if (!f) {
        finishAttempt(db, attempt, 'error', (err as Error).message, this.o.now());
        throw err;
      }
      this.o.failed(f);
      const r = classifySendFailure(f, { infno: item.infno, canQuery: !!sender.query, duplicatePatterns: this.o.duplicatePatterns });
      const msg = r.message;
      switch (r.kind) {
        case 'sign-in-refused': // the client's sign-in was refused, not our case: nothing was sent
          return record.waiting(item, 'retry', msg, { id: attempt, outcome: 'error', message: msg });
        case 'refused':
          return record.needsClerk(item, c, msg, `平台退回: ${msg}`, { id: attempt, outcome: 'refused', message: msg });
        case 'duplicate': {
          finishAttempt(db, attempt, 'refused', msg, this.o.now());
          const found = await this.unknowns.lookUp(item, c, sender, registration);
          if (found.kind === 'found') return record.done(item, c, found.record, registration, '平台已有该记录 (查询确认是本办件)');
          if (found.kind === 'failed') return found.outcome;
          if (found.kind === 'not-ours') return record.needsClerk(item, c, `${found.message}；平台答复: ${msg}`, `平台退回: ${found.message}`);
          return record.needsClerk(item, c, msg, `平台退回: ${msg}`);
        }
        case 'unknown':
          return record.waiting(item, 'unknown', msg, { id: attempt, outcome: 'unknown', message: msg });
        case 'retry':
          return record.waiting(item, 'retry', msg, { id: attempt, outcome: 'error', message: msg });
      }
    }
    this.o.answered();
    // Group commit: a crash before the flush leaves the item in-flight → unknown → found by the query.
    this.o.dones.add(() => record.writeDone(item, c, output, registration, '平台已受理', { id: attempt, outcome: 'ok', message: null }));
    return 'done';
  }
}
