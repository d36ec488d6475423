import { afterEach, describe, expect, it } from 'vitest';
import {
  caseNoDate,
  changeCaseState,
  getCaseByNo,
  listCaseEvents,
  nextCaseNo,
} from '../../../../../electron/services/cases/case-store';
import { acceptCase } from '../../../../../electron/services/outbox/accept';
import { getOutboxItemByCase } from '../../../../../electron/services/outbox/outbox-store';
import { fakeCodes } from '../../../../helpers/fake-platform';
import { accept, FakeClock, tempDb } from '../../../../helpers/outbox-unit-kit';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function setup() {
  const t = tempDb();
  cleanup = t.cleanup;
  return { db: t.db, clock: new FakeClock() };
}

describe('办件编号', () => {
  it('is region + site + China date + 6-digit daily sequence', () => {
    const { db, clock } = setup();
    const a = accept(db, clock, { businessKey: 'A' });
    const b = accept(db, clock, { businessKey: 'B' });
    expect(a.caseNo).toBe('110105001' + '20260302' + '000001');
    expect(b.caseNo).toBe('110105001' + '20260302' + '000002');
    expect(a.caseNo).toHaveLength(23);
  });

  it('uses the date in China (UTC+8), restarting the sequence each day', () => {
    const { db } = setup();
    // 16:30 UTC is already the next day in China.
    expect(caseNoDate(new Date('2026-03-01T16:30:00Z'))).toBe('20260302');
    expect(caseNoDate(new Date('2026-03-01T15:59:59Z'))).toBe('20260301');
    expect(nextCaseNo(db, '110105', '001', new Date('2026-03-01T15:00:00Z'))).toMatch(/20260301000001$/);
    expect(nextCaseNo(db, '110105', '001', new Date('2026-03-01T17:00:00Z'))).toMatch(/20260302000001$/);
    expect(nextCaseNo(db, '110105', '002', new Date('2026-03-01T17:00:00Z'))).toMatch(/^110105002/);
  });

  it('refuses a malformed region or site', () => {
    const { db, clock } = setup();
    expect(() => accept(db, clock, { region: '1101' })).toThrow(/区划代码必须是 6 位数字/);
    expect(() => accept(db, clock, { site: 'A1' })).toThrow(/3 位数字/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM cases').get()).toEqual({ n: 0 });
  });
});

describe('acceptCase', () => {
  it('writes the case, its first event and its outbox row together', () => {
    const { db, clock } = setup();
    const c = accept(db, clock, { businessKey: 'P1:M03900', payload: { opsp_dise_code: 'M03900', tel: '138' } });
    expect(c.state).toBe('accepted');
    expect(c.payload).toEqual({ opsp_dise_code: 'M03900', tel: '138' });
    expect(c.createdAt).toBe('2026-03-02T01:00:00.000Z');
    expect(listCaseEvents(db, c.id)).toMatchObject([{ actor: 'clerk01', from: null, to: 'accepted' }]);
    const item = getOutboxItemByCase(db, c.id)!;
    expect(item).toMatchObject({ state: 'pending', infno: 'REG', attempts: 0, msgid: null, dependsOn: null });
    expect(getCaseByNo(db, c.caseNo)?.id).toBe(c.id);
  });

  it('the duplicate refusal is in the clerk’s words: the internal business key (psn|kind|date) is never shown', () => {
    const { db, clock } = setup();
    accept(db, clock, { businessKey: 'P9|referral|2026-12-02' });
    expect(() => accept(db, clock, { businessKey: 'P9|referral|2026-12-02' })).toThrow(/^该.+已受理，不能重复受理（办件编号 \d+）$/);
  });

  it('refuses a duplicate business key with a Chinese message and writes nothing', () => {
    const { db, clock } = setup();
    const first = accept(db, clock);
    expect(() => accept(db, clock)).toThrow(new RegExp(`已受理，不能重复受理.*${first.caseNo}`));
    expect(db.prepare('SELECT COUNT(*) AS n FROM outbox').get()).toEqual({ n: 1 });
    // The same key under another kind is a different business.
    expect(accept(db, clock, { kind: 'remote-registration' }).kind).toBe('remote-registration');
  });

  it('rolls the case back when its outbox row cannot be written (one transaction)', () => {
    const { db, clock } = setup();
    const codes = { ...fakeCodes } as Record<string, unknown>;
    delete codes['reimbursement'];
    expect(() =>
      acceptCase(
        db,
        { kind: 'reimbursement', businessKey: 'X', psnNo: 'P1', payload: {}, clerk: 'c', region: '110105', site: '001' },
        { codes: codes as typeof fakeCodes, now: clock.now },
      ),
    ).toThrow(/未配置零星报销的交易编号/);
    db.exec('DROP TABLE outbox_attempts; DROP TABLE outbox');
    expect(() => accept(db, clock, { businessKey: 'Y' })).toThrow();
    expect(db.prepare('SELECT COUNT(*) AS n FROM cases').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM case_events').get()).toEqual({ n: 0 });
  });

  it('refuses empty keys', () => {
    const { db, clock } = setup();
    expect(() => accept(db, clock, { businessKey: '  ' })).toThrow(/业务键不能为空/);
    expect(() => accept(db, clock, { psnNo: '' })).toThrow(/人员编号不能为空/);
  });

  it('makes a cancellation depend on its registration', () => {
    const { db, clock } = setup();
    const reg = accept(db, clock);
    const cancel = accept(db, clock, { kind: 'special-disease-cancel', payload: { memo: '患者申请' } });
    expect(cancel.relatedCaseId).toBe(reg.id);
    expect(getOutboxItemByCase(db, cancel.id)!.dependsOn).toBe(getOutboxItemByCase(db, reg.id)!.id);
    expect(() => accept(db, clock, { kind: 'special-disease-cancel' })).toThrow(/不能重复受理/);
  });

  it('refuses a cancellation with no registration, another person, or a refused registration', () => {
    const { db, clock } = setup();
    expect(() => accept(db, clock, { kind: 'special-disease-cancel', businessKey: 'nope' })).toThrow(/找不到要撤销的门诊慢特病备案/);
    const reg = accept(db, clock);
    expect(() => accept(db, clock, { kind: 'special-disease-cancel', psnNo: 'P2' })).toThrow(/人员编号与原门诊慢特病备案不一致/);
    changeCaseState(db, reg.id, 'needs-clerk', { actor: 't', now: clock.now() });
    expect(() => accept(db, clock, { kind: 'special-disease-cancel' })).toThrow(/已被平台退回，无需撤销/);
  });
});

describe('changeCaseState', () => {
  it('records who, when, from, to and why, and ignores a non-change', () => {
    const { db, clock } = setup();
    const c = accept(db, clock);
    clock.advance(1000);
    changeCaseState(db, c.id, 'filed', { actor: 'system:uploader', reason: '平台已受理', now: clock.now(), result: { sn: 'S1' } });
    changeCaseState(db, c.id, 'filed', { actor: 'system:uploader', now: clock.now() });
    const events = listCaseEvents(db, c.id);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ actor: 'system:uploader', from: 'accepted', to: 'filed', reason: '平台已受理', at: '2026-03-02T01:00:01.000Z' });
    expect(getCaseByNo(db, c.caseNo)!.result).toEqual({ sn: 'S1' });
    expect(() => changeCaseState(db, 999, 'filed', { actor: 't', now: clock.now() })).toThrow(/办件不存在/);
  });

  it('refuses an unknown kind', () => {
    const { db, clock } = setup();
    expect(() =>
      acceptCase(
        db,
        { kind: 'bogus' as never, businessKey: 'X', psnNo: 'P', payload: {}, clerk: 'c', region: '110105', site: '001' },
        { codes: fakeCodes, now: clock.now },
      ),
    ).toThrow();
  });
});
