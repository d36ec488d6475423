import { afterEach, describe, expect, it } from 'vitest';
import { getCase, listCaseEvents } from '../../../../../electron/services/cases/case-store';
import {
  beginAttempt,
  getOutboxItemByCase,
  listAttempts,
} from '../../../../../electron/services/outbox/outbox-store';
import { queueCounts } from '../../../../../electron/services/outbox/queue-view';
import { FakePlatform } from '../../../../helpers/fake-platform';
import { accept, FakeClock, makeUploader, tempDb } from '../../../../helpers/outbox-unit-kit';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const t = tempDb();
  cleanup = t.cleanup;
  return { db: t.db, clock: new FakeClock(), platform: new FakePlatform() };
}

describe('Uploader: classification', () => {
  it('files an accepted case and keeps the platform output on it', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock);
    const up = makeUploader(db, platform, clock);
    const s = await up.syncOnce();
    expect(s).toMatchObject({ attempted: 1, done: 1, open: 0, online: true });
    const filed = getCase(db, c.id)!;
    expect(filed.state).toBe('filed');
    expect(filed.result).toEqual({ sn: 'SN1' });
    const item = getOutboxItemByCase(db, c.id)!;
    expect(item).toMatchObject({ state: 'done', attempts: 1 });
    expect(item.msgid).toBe(platform.calls[0].msgid);
    expect(listAttempts(db, item.id)).toMatchObject([{ action: 'send', outcome: 'ok', msgid: item.msgid }]);
    expect(listCaseEvents(db, c.id).map((e) => e.to)).toEqual(['accepted', 'filed']);
  });

  it('a business refusal needs the clerk, with the platform message verbatim, and is not retried', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock, { payload: { bad: true } });
    const up = makeUploader(db, platform, clock);
    expect(await up.syncOnce()).toMatchObject({ needsClerk: 1 });
    const item = getOutboxItemByCase(db, c.id)!;
    expect(item.state).toBe('needs-clerk');
    expect(item.platformMessage).toBe('病种编码不在目录内');
    expect(getCase(db, c.id)!.state).toBe('needs-clerk');
    clock.advance(3600_000);
    expect(await up.syncOnce()).toMatchObject({ attempted: 0 });
    expect(platform.calls).toHaveLength(1);
  });

  it('a duplicate refusal whose record the query finds is done, not needs-clerk', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock);
    // Filed before, e.g. by another counter; our send is refused as a duplicate.
    await platform.call('REG', { key: c.businessKey });
    const up = makeUploader(db, platform, clock);
    expect(await up.syncOnce()).toMatchObject({ done: 1 });
    expect(getCase(db, c.id)!.result).toEqual({ sn: 'SN1' });
    expect(listAttempts(db, getOutboxItemByCase(db, c.id)!.id).map((a) => [a.action, a.outcome])).toEqual([
      ['send', 'refused'],
      ['query', 'found'],
    ]);
  });

  it('a duplicate-looking refusal the query cannot confirm still needs the clerk', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock);
    platform.faults.push({ type: 'refuse', errMsg: '该人员已存在其他备案' });
    const up = makeUploader(db, platform, clock);
    expect(await up.syncOnce()).toMatchObject({ needsClerk: 1 });
    expect(getOutboxItemByCase(db, c.id)!.platformMessage).toBe('该人员已存在其他备案');
  });

  it('a lost reply is resolved by a query, never by a second registration', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock);
    platform.faults.push({ type: 'lost-reply' });
    const up = makeUploader(db, platform, clock);
    expect(await up.syncOnce()).toMatchObject({ unknown: 1 });
    expect(getOutboxItemByCase(db, c.id)!.state).toBe('unknown');
    expect(up.online).toBe(false);
    clock.advance(60_000);
    expect(await up.syncOnce()).toMatchObject({ done: 1 });
    expect(platform.calls.map((x) => x.infno)).toEqual(['REG', 'QUERY']);
    expect(platform.registrations(c.businessKey)).toBe(1);
    expect(getCase(db, c.id)!.result).toEqual({ sn: 'SN1' });
    expect(up.online).toBe(true);
  });

  it('an unknown outcome that did not happen is resent with a NEW msgid after the query', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock);
    platform.faults.push({ type: 'http', status: 502 });
    const up = makeUploader(db, platform, clock);
    expect(await up.syncOnce()).toMatchObject({ unknown: 1 });
    expect(up.online).toBe(true); // a 5xx is an answer: the network is there
    clock.advance(60_000);
    expect(await up.syncOnce()).toMatchObject({ done: 1 });
    expect(platform.calls.map((x) => x.infno)).toEqual(['REG', 'QUERY', 'REG']);
    expect(platform.calls[2].msgid).not.toBe(platform.calls[0].msgid);
    expect(getOutboxItemByCase(db, c.id)!.msgid).toBe(platform.calls[2].msgid);
    expect(platform.registrations(c.businessKey)).toBe(1);
  });

  it('does not resend while the query itself fails', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock);
    platform.faults.push({ type: 'lost-reply' }, { type: 'http', status: 500 });
    const up = makeUploader(db, platform, clock);
    await up.syncOnce();
    clock.advance(60_000);
    expect(await up.syncOnce()).toMatchObject({ unknown: 1 });
    expect(platform.calls.map((x) => x.infno)).toEqual(['REG', 'QUERY']);
    expect(getOutboxItemByCase(db, c.id)!.lastError).toMatch(/查询失败/);
    clock.advance(60_000);
    expect(await up.syncOnce()).toMatchObject({ done: 1 });
    expect(platform.calls.map((x) => x.infno)).toEqual(['REG', 'QUERY', 'QUERY']);
  });

  it('a kind with no query is reversed with 2601 before it is sent again', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock, { kind: 'reimbursement', businessKey: 'INV-1' });
    platform.faults.push({ type: 'lost-reply' });
    const up = makeUploader(db, platform, clock);
    await up.syncOnce();
    const firstMsgid = platform.calls[0].msgid;
    clock.advance(60_000);
    expect(await up.syncOnce()).toMatchObject({ done: 1 });
    expect(platform.calls.map((x) => x.infno)).toEqual(['NQREG', '2601', 'NQREG']);
    expect(platform.calls[1].input).toMatchObject({ psn_no: 'P1', omsgid: firstMsgid, oinfno: 'NQREG' });
    expect(platform.registrations(c.businessKey)).toBe(1);
  });

  it('a 2601 saying the original is not there allows the resend; another refusal needs the clerk', async () => {
    const { db, clock, platform } = setup();
    const a = accept(db, clock, { kind: 'reimbursement', businessKey: 'INV-1' });
    const b = accept(db, clock, { kind: 'reimbursement', businessKey: 'INV-2' });
    platform.faults.push({ type: 'http', status: 502 }, { type: 'http', status: 502 });
    const up = makeUploader(db, platform, clock, { concurrency: 1 });
    expect(await up.syncOnce()).toMatchObject({ unknown: 2 });
    clock.advance(60_000);
    // A's reversal: original not there → resend; B's reversal: refused for another reason.
    platform.faults.push({ type: 'refuse', errMsg: '原交易不存在' }, { type: 'none' }, { type: 'refuse', errMsg: '冲正时限已过' });
    await up.syncOnce();
    expect(platform.calls.map((x) => x.infno)).toEqual(['NQREG', 'NQREG', '2601', 'NQREG', '2601']);
    const states = [getOutboxItemByCase(db, a.id)!, getOutboxItemByCase(db, b.id)!].map((i) => i.state).sort();
    expect(states).toEqual(['done', 'needs-clerk']);
    const refused = [getOutboxItemByCase(db, a.id)!, getOutboxItemByCase(db, b.id)!].find((i) => i.state === 'needs-clerk')!;
    expect(refused.platformMessage).toBe('冲正时限已过');
  });

  it('an http 4xx (nothing done) is retried later with backoff, not queried', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock);
    platform.faults.push({ type: 'http', status: 403 });
    const up = makeUploader(db, platform, clock);
    expect(await up.syncOnce()).toMatchObject({ retry: 1 });
    const item = getOutboxItemByCase(db, c.id)!;
    expect(item.state).toBe('retry');
    expect(Date.parse(item.nextAttemptAt)).toBe(clock.t + 500); // random 0.5 × base 1000
    expect(await up.syncOnce()).toMatchObject({ attempted: 0 }); // not due yet
    clock.advance(500);
    expect(await up.syncOnce()).toMatchObject({ done: 1 });
    expect(platform.calls.map((x) => x.infno)).toEqual(['REG', 'REG']);
  });

  it('a fault of ours (cannot build the input) needs the clerk with a reason', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock);
    const up = makeUploader(db, platform, clock, {
      senders: new Proxy({} as never, { get: () => ({ send: () => Promise.reject(new Error('缺少病种编码')) }) }),
    });
    expect(await up.syncOnce()).toMatchObject({ needsClerk: 1 });
    expect(getOutboxItemByCase(db, c.id)!.lastError).toBe('无法上报: 缺少病种编码');
  });
});

describe('Uploader: order, concurrency, msgids', () => {
  it('never sends a cancellation before its registration is done', async () => {
    const { db, clock, platform } = setup();
    const reg = accept(db, clock);
    const cancel = accept(db, clock, { kind: 'special-disease-cancel' });
    platform.faults.push({ type: 'http', status: 503 });
    platform.faultInfnos = new Set(['REG']);
    const up = makeUploader(db, platform, clock);
    await up.syncOnce();
    expect(platform.calls.map((x) => x.infno)).toEqual(['REG']);
    expect(getOutboxItemByCase(db, cancel.id)!.state).toBe('pending');
    clock.advance(60_000);
    expect(await up.syncOnce()).toMatchObject({ done: 2 });
    expect(platform.calls.map((x) => x.infno)).toEqual(['REG', 'QUERY', 'REG', 'CANCEL']);
    expect(getCase(db, reg.id)!.state).toBe('cancelled');
    expect(getCase(db, cancel.id)!.result).toEqual({ cancelledSn: 'SN1' });
    expect(listCaseEvents(db, reg.id).map((e) => e.to)).toEqual(['accepted', 'filed', 'cancelled']);
  });

  it('a cancellation of a refused registration stays waiting', async () => {
    const { db, clock, platform } = setup();
    accept(db, clock, { payload: { bad: true } });
    const cancel = accept(db, clock, { kind: 'special-disease-cancel' });
    const up = makeUploader(db, platform, clock);
    await up.syncOnce();
    clock.advance(3600_000);
    await up.syncOnce();
    expect(platform.calls.map((x) => x.infno)).toEqual(['REG']);
    expect(getOutboxItemByCase(db, cancel.id)!.state).toBe('pending');
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    const { db, clock, platform } = setup();
    for (let i = 0; i < 20; i++) accept(db, clock, { businessKey: `K${i}` });
    const up = makeUploader(db, platform, clock, { concurrency: 3 });
    expect(await up.syncOnce()).toMatchObject({ done: 20, open: 0 });
    expect(platform.maxConcurrent).toBe(3);
  });

  it('never reuses a msgid it has recorded, even if the client repeats one (restart in the same second)', async () => {
    const { db, clock, platform } = setup();
    accept(db, clock, { businessKey: 'A' });
    accept(db, clock, { businessKey: 'B' });
    const up = makeUploader(db, platform, clock, { concurrency: 1 });
    const ids = ['M1', 'M1', 'M1', 'M2'];
    platform.msgidSource = () => ids.shift() ?? 'M9';
    await up.syncOnce();
    expect(platform.calls.map((c) => c.msgid)).toEqual(['M1', 'M2']);
  });
});

describe('Uploader: offline and crash recovery', () => {
  it('goes offline on network failure, probes one item at a time, and resumes everything on success', async () => {
    const { db, clock, platform } = setup();
    for (let i = 0; i < 5; i++) accept(db, clock, { businessKey: `K${i}` });
    platform.persistentFault = { type: 'down' };
    const up = makeUploader(db, platform, clock, { concurrency: 1 });
    const events: string[] = [];
    up.on('offline', () => events.push('offline'));
    up.on('online', () => events.push('online'));
    expect(await up.syncOnce()).toMatchObject({ attempted: 1, retry: 1, online: false });
    expect(events).toEqual(['offline']);
    // Before the probe time: nothing is tried at all.
    expect(await up.syncOnce()).toMatchObject({ attempted: 0 });
    for (let i = 0; i < 5; i++) {
      clock.advance(20_000);
      expect(await up.syncOnce()).toMatchObject({ attempted: 1, online: false });
    }
    expect(platform.calls).toHaveLength(6);
    platform.persistentFault = null;
    clock.advance(20_000);
    const s = await up.syncOnce();
    expect(s).toMatchObject({ done: 5, open: 0, online: true });
    expect(events).toEqual(['offline', 'online']);
    expect(queueCounts(db)).toMatchObject({ done: 5, total: 5 });
  });

  it('at start, an item left in-flight becomes unknown and is resolved by a query', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock);
    const item = getOutboxItemByCase(db, c.id)!;
    // A previous process marked it in-flight with its msgid and sent it, then died before recording the answer.
    const msgid = platform.newMsgid();
    beginAttempt(db, item.id, { action: 'send', infno: 'REG', msgid, now: clock.now() });
    await platform.call('REG', { key: c.businessKey }, { msgid });
    const up = makeUploader(db, platform, clock);
    const changed: unknown[] = [];
    up.on('changed', (e) => changed.push(e));
    expect(await up.syncOnce()).toMatchObject({ done: 1 });
    expect(platform.registrations(c.businessKey)).toBe(1);
    const attempts = listAttempts(db, item.id);
    expect(attempts.map((a) => [a.action, a.outcome])).toEqual([
      ['send', 'interrupted'],
      ['query', 'found'],
    ]);
    expect(changed.length).toBeGreaterThan(0);
  });

  it('an item left in-flight that never reached the platform is sent after the query finds nothing', async () => {
    const { db, clock, platform } = setup();
    const c = accept(db, clock);
    const item = getOutboxItemByCase(db, c.id)!;
    beginAttempt(db, item.id, { action: 'send', infno: 'REG', msgid: 'LOST-BEFORE-SEND', now: clock.now() });
    const up = makeUploader(db, platform, clock);
    expect(await up.syncOnce()).toMatchObject({ done: 1 });
    expect(platform.calls.map((x) => x.infno)).toEqual(['QUERY', 'REG']);
  });

  it('retryNow makes waiting items due, and re-queues a needs-clerk item by id', async () => {
    const { db, clock, platform } = setup();
    const a = accept(db, clock, { businessKey: 'A' });
    platform.faults.push({ type: 'http', status: 400 });
    const up = makeUploader(db, platform, clock, { backoff: { baseMs: 3600_000, capMs: 3600_000 } });
    await up.syncOnce();
    expect(await up.syncOnce()).toMatchObject({ attempted: 0 });
    expect(up.retryNow()).toBe(1);
    expect(await up.syncOnce()).toMatchObject({ done: 1 });
    const b = accept(db, clock, { businessKey: 'B', payload: { bad: true } });
    await up.syncOnce();
    const bi = getOutboxItemByCase(db, b.id)!;
    expect(bi.state).toBe('needs-clerk');
    expect(up.retryNow()).toBe(0); // a refusal is not retried behind the clerk's back
    expect(up.retryNow(bi.id)).toBe(1);
    expect(getOutboxItemByCase(db, b.id)!.state).toBe('retry');
    expect(up.retryNow(getOutboxItemByCase(db, a.id)!.id)).toBe(0); // done stays done
  });
});
