/**
 * Records how an item ended, each in one short transaction with its attempt and its case: done (the case is
 * filed, a cancellation's registration cancelled), needs-clerk (the case waits for the clerk, with the
 * platform's message), or waiting (retry / unknown, due again after an exponential backoff with jitter).
 */
import { changeCaseState, isCancelKind, type CaseRecord } from '../cases/case-store';
import type { Db } from '../store/database';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { finishAttempt, getOutboxItem, setItemState, type AttemptOutcome, type OutboxItem, type OutboxState } from './outbox-store';

export type Outcome = 'done' | 'retry' | 'unknown' | 'needs-clerk';
/** How the attempt that decided the outcome ends, written in the same transaction. */
export type AttemptEnd = { id: number; outcome: AttemptOutcome; message: string | null };

export interface OutcomeRecorderOptions {
  db: Db;
  actor: string;
  backoff: BackoffPolicy;
  now: () => Date;
  random: () => number;
  /** Called after each state change is written. */
  changed: (item: OutboxItem, state: OutboxState) => void;
}

export class OutcomeRecorder {
  constructor(private readonly o: OutcomeRecorderOptions) {}

  done(item: OutboxItem, c: CaseRecord, output: Record<string, unknown>, registration: CaseRecord | undefined, why: string, attempt?: AttemptEnd): Outcome {
    this.o.db.transaction(() => this.writeDone(item, c, output, registration, why, attempt)).immediate();
    return 'done';
  }

  /** The writes of done(), for a transaction the caller runs (group commit). */
  writeDone(item: OutboxItem, c: CaseRecord, output: Record<string, unknown>, registration: CaseRecord | undefined, why: string, attempt?: AttemptEnd): void {
    const { db, actor } = this.o;
    const now = this.o.now();
    if (attempt) finishAttempt(db, attempt.id, attempt.outcome, attempt.message, now);
    setItemState(db, item.id, { state: 'done', now, lastError: null, platformMessage: null });
    changeCaseState(db, c.id, 'filed', { actor, reason: why, now, result: output });
    if (isCancelKind(c.kind) && registration) {
      changeCaseState(db, registration.id, 'cancelled', { actor, reason: `已撤销 (办件 ${c.caseNo})`, now });
    }
    this.o.changed(item, 'done');
  }

  needsClerk(item: OutboxItem, c: CaseRecord | null, platformMessage: string | null, why: string, attempt?: AttemptEnd): Outcome {
    const { db, actor } = this.o;
    const now = this.o.now();
    db.transaction(() => {
      if (attempt) finishAttempt(db, attempt.id, attempt.outcome, attempt.message, now);
      setItemState(db, item.id, { state: 'needs-clerk', now, lastError: why, platformMessage });
      if (c) changeCaseState(db, c.id, 'needs-clerk', { actor, reason: why, now });
    }).immediate();
    this.o.changed(item, 'needs-clerk');
    return 'needs-clerk';
  }

  waiting(item: OutboxItem, state: 'retry' | 'unknown', why: string, attempt?: AttemptEnd): Outcome {
    const { db } = this.o;
    const now = this.o.now();
    db.transaction(() => {
      if (attempt) finishAttempt(db, attempt.id, attempt.outcome, attempt.message, now);
      const attempts = getOutboxItem(db, item.id)?.attempts ?? 1;
      const next = new Date(now.getTime() + backoffDelay(attempts, this.o.backoff, this.o.random));
      setItemState(db, item.id, { state, now, nextAttemptAt: next, lastError: why });
    }).immediate();
    this.o.changed(item, state);
    return state;
  }
}
