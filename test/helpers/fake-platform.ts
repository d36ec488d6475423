/**
 * An in-memory stand-in for the platform client (same shape as PlatformClient.call / newMsgid), used by
 * the outbox unit tests. It keeps records by business key, remembers replies by msgid, and can be told
 * to fail in each of the ways the real client reports.
 */
import { PlatformError, type CallOptions, type PlatformReply } from '../../electron/services/platform/client';
import type { CaseSender, PlatformCaller } from '../../electron/services/outbox/platform-port';
import type { SenderRegistry } from '../../electron/services/outbox/uploader';
import type { TransactionCodes } from '../../electron/services/outbox/transaction-codes';
import { CASE_KINDS, type CaseKind } from '../../electron/services/cases/case-store';

export type Fault =
  | { type: 'none' } // this call goes through normally
  | { type: 'down' } // connection refused: nothing sent
  | { type: 'reset-before' } // connection dropped, work not done: outcome unknown to the caller
  | { type: 'lost-reply' } // work done, reply lost
  | { type: 'http'; status: number }
  | { type: 'refuse'; errMsg: string };

export interface CallRecord {
  infno: string;
  msgid: string;
  input: Record<string, unknown>;
}

export class FakePlatform implements PlatformCaller {
  /** Business key → record, per registration/cancellation infno family. */
  readonly records = new Map<string, { sn: string; cancelled: boolean; msgid: string }>();
  readonly calls: CallRecord[] = [];
  readonly faults: Fault[] = [];
  /** Fault applied to every call while set (e.g. a long outage). */
  persistentFault: Fault | null = null;
  /** Infnos to which faults apply (default: all). */
  faultInfnos: Set<string> | null = null;
  concurrent = 0;
  maxConcurrent = 0;
  private seq = 0;
  private snSeq = 0;
  private readonly created = new Map<string, number>();
  private readonly replies = new Map<string, PlatformReply>();
  msgidSource: () => string = () => `H00000000000${'20260101000000'}${String(++this.seq).padStart(4, '0')}`;

  newMsgid(): string {
    return this.msgidSource();
  }

  async call<T = unknown>(infno: string, input: Record<string, unknown>, opts: CallOptions = {}): Promise<PlatformReply<T>> {
    const msgid = opts.msgid ?? this.newMsgid();
    this.concurrent++;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.concurrent);
    try {
      await new Promise((r) => setImmediate(r));
      this.calls.push({ infno, msgid, input });
      const fault = this.faultInfnos && !this.faultInfnos.has(infno) ? null : (this.persistentFault ?? this.faults.shift() ?? null);
      const base = { msgid, infno };
      if (fault?.type === 'down') throw new PlatformError('无法连接医保平台', { ...base, kind: 'network', outcomeUnknown: false });
      if (fault?.type === 'reset-before') throw new PlatformError('连接中断', { ...base, kind: 'network', outcomeUnknown: true });
      if (fault?.type === 'http') {
        throw new PlatformError(`HTTP ${fault.status}`, { ...base, kind: 'http', status: fault.status, outcomeUnknown: fault.status >= 500 });
      }
      if (fault?.type === 'refuse') throw new PlatformError(fault.errMsg, { ...base, kind: 'business', errMsg: fault.errMsg, outcomeUnknown: false });
      const cached = this.replies.get(msgid);
      const reply = (cached ?? this.execute(infno, input, msgid)) as PlatformReply<T>;
      this.replies.set(msgid, reply);
      if (fault?.type === 'lost-reply') throw new PlatformError('平台无应答', { ...base, kind: 'timeout', outcomeUnknown: true });
      if (reply.infcode !== 0) {
        throw new PlatformError(reply.errMsg ?? '', { ...base, kind: 'business', errMsg: reply.errMsg ?? undefined, outcomeUnknown: false });
      }
      return reply;
    } finally {
      this.concurrent--;
    }
  }

  /** How many times a business key was registered on the platform (must end as exactly 1). */
  registrations(key: string): number {
    return this.created.get(key) ?? 0;
  }

  private execute(infno: string, input: Record<string, unknown>, msgid: string): PlatformReply {
    const ok = (output: unknown): PlatformReply => ({ msgid, infcode: 0, infRefmsgid: msgid, errMsg: null, output, raw: null });
    const refuse = (errMsg: string): PlatformReply => ({ msgid, infcode: -1, infRefmsgid: msgid, errMsg, output: {}, raw: null });
    const key = String(input.key);
    switch (infno) {
      case 'REG':
      case 'NQREG': {
        if (input.bad) return refuse('病种编码不在目录内');
        if (this.records.has(key)) return refuse('该人员已存在相同备案，不能重复备案');
        const sn = `SN${++this.snSeq}`;
        this.records.set(key, { sn, cancelled: false, msgid });
        this.created.set(key, (this.created.get(key) ?? 0) + 1);
        return ok({ sn });
      }
      case 'CANCEL': {
        const rec = [...this.records.values()].find((r) => r.sn === input.sn);
        if (!rec) return refuse('备案不存在');
        if (rec.cancelled) return refuse('该备案已撤销，不能重复撤销');
        rec.cancelled = true;
        return ok({});
      }
      case 'QUERY': {
        const rec = this.records.get(key);
        return ok({ list: rec ? [{ key, sn: rec.sn, cancelled: rec.cancelled }] : [] });
      }
      case '2601': {
        const entry = [...this.records.entries()].find(([, r]) => r.msgid === input.omsgid);
        if (!entry) return refuse('原交易不存在');
        this.records.delete(entry[0]);
        this.created.set(entry[0], (this.created.get(entry[0]) ?? 1) - 1);
        return ok({});
      }
      default:
        return refuse(`未知交易 ${infno}`);
    }
  }
}

/** Codes used with the fake: 'reimbursement' has no query (exercises 2601). */
export const fakeCodes: TransactionCodes = {
  'special-disease': { infno: 'REG', queryInfno: 'QUERY' },
  'special-disease-cancel': { infno: 'CANCEL', queryInfno: 'QUERY' },
  'remote-registration': { infno: 'REG', queryInfno: 'QUERY' },
  'remote-registration-cancel': { infno: 'CANCEL', queryInfno: 'QUERY' },
  reimbursement: { infno: 'NQREG' },
  'reimbursement-cancel': { infno: 'CANCEL' },
};

const registrationSender = (infno: string, queryable: boolean): CaseSender => ({
  async send(ctx, c) {
    const r = await ctx.client.call<{ sn: string }>(infno, { key: c.businessKey, psn_no: c.psnNo, ...c.payload }, { msgid: ctx.msgid });
    return { sn: r.output.sn };
  },
  query: queryable
    ? async (ctx, c) => {
        const r = await ctx.client.call<{ list: Array<{ key: string; sn: string }> }>('QUERY', { key: c.businessKey }, { msgid: ctx.msgid });
        const hit = r.output.list.find((x) => x.key === c.businessKey);
        return hit ? { sn: hit.sn } : null;
      }
    : undefined,
});

const cancelSender: CaseSender = {
  async send(ctx) {
    const sn = ctx.registration?.result?.sn;
    if (typeof sn !== 'string') throw new Error('原备案没有平台流水号');
    await ctx.client.call('CANCEL', { sn }, { msgid: ctx.msgid });
    return { cancelledSn: sn };
  },
  async query(ctx, c) {
    const r = await ctx.client.call<{ list: Array<{ key: string; sn: string; cancelled: boolean }> }>('QUERY', { key: c.businessKey }, { msgid: ctx.msgid });
    const hit = r.output.list.find((x) => x.key === c.businessKey && x.cancelled);
    return hit ? { cancelledSn: hit.sn } : null;
  },
};

export const fakeSenders: SenderRegistry = Object.fromEntries(
  CASE_KINDS.map((k: CaseKind) => [
    k,
    k.endsWith('-cancel') ? cancelSender : registrationSender(fakeCodes[k].infno, fakeCodes[k].queryInfno !== undefined),
  ]),
) as SenderRegistry;
