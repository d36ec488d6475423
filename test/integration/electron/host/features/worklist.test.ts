/**
 * The 办件 work list through the composition root (createApp, real SQLite, the embedded platform simulator over
 * loopback HTTP), called by signed-in clerk and supervisor connections: search by every key with the ID number
 * never returned in full, one case in full, CSV export in both encodings, 容缺 held until 补齐 (with the
 * configured working-day deadline and the overdue list), 需人工处理 closed by resubmit / void / settle-elsewhere
 * (void for a supervisor only), and 撤销 with its required reason.
 */
import iconv from 'iconv-lite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../../../electron/contract/api';
import { createApp, type App } from '../../../../../electron/host/app';
import { createCaller, type Caller } from '../../../../../electron/host/caller';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import { loadHolidayCalendar } from '../../../../../electron/services/catalogues/holiday-calendar';
import { addWorkingDays, cstDate } from '../../../../../electron/services/cases/working-days';
import { allDelivered as deliverAll } from '../../../../helpers/case-fixtures';

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-worklist-'));
const today = cstDate(new Date());
const people = { ZHANG: '990102196003150018', WANG: '990103195011080031', LI: '990102198507220023' };
const person: Record<keyof typeof people, { psnNo: string; admdvs: string; insutype: string }> = {
  ZHANG: { psnNo: '', admdvs: '', insutype: '' },
  WANG: { psnNo: '', admdvs: '', insutype: '' },
  LI: { psnNo: '', admdvs: '', insutype: '' },
};
const callers: Record<'op001' | 'sup01', Caller> = { op001: createCaller('websocket'), sup01: createCaller('websocket') };
const run = <M extends MethodName>(caller: Caller, method: M, input: MethodInput<M>) => call(app.handlers, method, input, caller);
const clerk = <M extends MethodName>(method: M, input: MethodInput<M>) => run(callers.op001, method, input);
const refusal = (p: Promise<unknown>) => p.then(() => ({ code: 'none', message: '' }), (e: { code: string; message: string }) => e);
const SD_ALL = ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'];

beforeAll(async () => {
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ cases: { promiseWorkingDays: 3 } }));
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
  const admin = createCaller('websocket');
  await run(admin, 'auth.setupAdmin', { code: 'admin', name: '管理员', password: 'pass1234' });
  for (const [code, name, role] of [
    ['op001', '柜员一', 'clerk'],
    ['sup01', '主管一', 'supervisor'],
  ] as const) {
    await run(admin, 'operators.add', { code, name, role, password: 'pass1234' });
    await run(callers[code], 'auth.signIn', { code, password: 'pass1234' });
  }
  for (const k of Object.keys(people) as Array<keyof typeof people>) {
    const r = await clerk('person.lookup', { certType: '02', certNo: people[k] });
    person[k] = { psnNo: r.person.psn_no, admdvs: r.person.insuinfo[0].insuplc_admdvs, insutype: r.person.insuinfo[0].insutype };
  }
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const allDelivered = () => deliverAll(app);

let seq = 0;
/** A 特门 registration for `who`, a new business each time (its own start date). */
async function acceptSpecial(who: keyof typeof people, o: { materials?: string[]; by?: Caller; promiseSigned?: boolean } = {}): Promise<string> {
  seq++;
  const out = await run(o.by ?? callers.op001, 'cases.accept', {
    kind: 'special-disease',
    psnNo: person[who].psnNo,
    insuplcAdmdvs: person[who].admdvs,
    materials: o.materials ?? SD_ALL,
    promiseSigned: o.promiseSigned ?? false,
    form: {
      insutype: person[who].insutype,
      diseaseCode: ['M01600', 'M03900', 'M05300', 'M04600', 'M07803', 'M00503', 'M08300', 'M02101'][seq % 8],
      hospitalCode: 'H99010100001',
      hospitalName: '示例市第一人民医院',
      assessedOn: '2026-01-01',
      doctorCode: 'D001',
      doctorName: '赵医生',
      begndate: `2026-0${1 + (seq % 9)}-${String(10 + seq).padStart(2, '0')}`,
      enddate: '',
      tel: '13800000001',
      addr: '',
    },
  });
  if (out.outcome !== 'accepted') throw new Error('expected acceptance');
  return out.receipt.caseNo;
}

/** A case the platform refused (the simulator's "refuse the next filing"). */
async function refusedCase(who: keyof typeof people): Promise<string> {
  await run(callers.sup01, 'simulator.platform.fault', { fault: 'refuse' });
  const caseNo = await acceptSpecial(who);
  await expect.poll(async () => (await clerk('cases.detail', { caseNo })).workState, { timeout: 20_000 }).toBe('needs-clerk');
  return caseNo;
}

describe('search', () => {
  const nos: Record<string, string> = {};
  it("shows today's cases by default, newest first", async () => {
    nos.ZHANG = await acceptSpecial('ZHANG');
    nos.WANG = await acceptSpecial('WANG', { by: callers.sup01 });
    nos.LI = await acceptSpecial('LI');
    await allDelivered();
    const { rows } = await clerk('cases.search', {});
    expect(rows.map((r) => r.caseNo)).toEqual([nos.LI, nos.WANG, nos.ZHANG]);
    expect(rows.every((r) => r.workState === 'filed' && r.stateLabel === '已上报')).toBe(true);
  }, 60_000);

  it('finds by name, ID number (full or last digits), 办件编号 and operator, never returning the number in full', async () => {
    const zhang = await clerk('cases.search', { text: people.ZHANG });
    expect(zhang.rows.map((r) => r.caseNo)).toEqual([nos.ZHANG]);
    expect(JSON.stringify(zhang)).not.toContain(people.ZHANG);
    expect(zhang.rows[0].idNumberMasked).toBe('990102********0018');
    expect((await clerk('cases.search', { text: '0018' })).rows.map((r) => r.caseNo)).toEqual([nos.ZHANG]);
    expect((await clerk('cases.search', { text: '080031' })).rows.map((r) => r.caseNo)).toEqual([nos.WANG]);
    // A wrong last digit finds nobody.
    expect((await clerk('cases.search', { text: '0019' })).rows).toEqual([]);
    expect((await clerk('cases.search', { text: nos.LI })).rows.map((r) => r.applicantName)).toHaveLength(1);
    expect((await clerk('cases.search', { text: nos.LI.slice(-10) })).rows.map((r) => r.caseNo)).toEqual([nos.LI]);
    const name = zhang.rows[0].applicantName;
    expect((await clerk('cases.search', { text: name })).rows.map((r) => r.caseNo)).toEqual([nos.ZHANG]);
    expect((await clerk('cases.search', { text: name.slice(0, 1), from: today, to: today })).rows.map((r) => r.caseNo)).toContain(nos.ZHANG);
    expect((await clerk('cases.search', { operator: 'sup01', from: today })).rows.map((r) => r.caseNo)).toEqual([nos.WANG]);
  });

  it('filters by dates, service and state, and refuses a bad range', async () => {
    expect((await clerk('cases.search', { from: '2020-01-01', to: '2020-01-31' })).rows).toEqual([]);
    expect((await clerk('cases.search', { kind: 'reimbursement', from: today })).rows).toEqual([]);
    expect((await clerk('cases.search', { kind: 'special-disease', state: 'filed', from: today })).rows).toHaveLength(3);
    expect((await clerk('cases.search', { state: 'needs-clerk', from: today })).rows).toEqual([]);
    expect(await refusal(clerk('cases.search', { from: '2026-03-02', to: '2026-03-01' }))).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/结束日期不能早于开始日期/) });
    expect(await refusal(clerk('cases.search', { from: '3/1/2026' }))).toMatchObject({ code: 'invalid-input' });
  });

  it('opens a case with its events and upload attempts', async () => {
    const d = await clerk('cases.detail', { caseNo: nos.ZHANG });
    expect(d.view.events.map((e) => [e.from, e.to])).toEqual([
      [null, 'accepted'],
      ['accepted', 'filed'],
    ]);
    expect(d.view.events[0].actor).toBe('op001');
    expect(d.upload?.attempts.map((a) => [a.action, a.outcome])).toEqual([['send', 'ok']]);
    expect(await refusal(clerk('cases.detail', { caseNo: '99010000120200101000001' }))).toMatchObject({ code: 'not-found' });
  });

  it('exports the search as CSV, UTF-8 with BOM or GB18030, masked', async () => {
    const utf8 = await clerk('cases.export', { from: today, to: today, encoding: 'utf-8' });
    const bytes = Buffer.from(utf8.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('办件编号,业务,摘要,申请人,证件号码（脱敏）,受理时间,经办人,经办人工号,状态,容缺补齐期限');
    expect(text).toContain(`="${nos.ZHANG}"`);
    expect(text).toContain('990102********0018');
    expect(text).not.toContain(people.ZHANG);
    expect(utf8.count).toBeGreaterThanOrEqual(3);
    const gb = await clerk('cases.export', { from: today, encoding: 'gb18030' });
    expect(iconv.decode(Buffer.from(gb.base64, 'base64'), 'gb18030')).toContain('门诊慢特病');
  });
});

describe('容缺 follow-up', () => {
  let caseNo: string;
  it('holds the upload of a 容缺 case, with the configured working-day deadline', async () => {
    caseNo = await acceptSpecial('LI', { materials: SD_ALL.filter((m) => m !== 'sd-photo'), promiseSigned: true, by: callers.sup01 });
    const d = await clerk('cases.detail', { caseNo });
    expect(d.followUp).toMatchObject({ materials: ['近期一寸免冠照片'], deadline: addWorkingDays(today, 3, loadHolidayCalendar({ dataDir })), overdue: false, completed: null });
    expect(d.workState).toBe('pending-materials');
    expect(d.upload?.held).toMatch(/容缺/);
    expect(d.actions.complete).toBe(true);
    const q = await clerk('queue.list', { search: caseNo });
    expect(q.map((e) => e.waitReason)).toEqual([expect.stringMatching(/补齐后上报/)]);
    const fu = await clerk('cases.followUps', {});
    expect(fu.open.map((r) => r.caseNo)).toContain(caseNo);
    // Never sent while held: the rest of the queue drains, this one waits with no attempt.
    await app.handlers['queue.retry']({}, callers.sup01);
    expect((await clerk('cases.detail', { caseNo })).upload?.attempts).toEqual([]);
  });

  it('lists it as overdue once the deadline has passed', async () => {
    app.db.prepare("UPDATE case_details SET pending_deadline = '2020-01-02' WHERE case_id = (SELECT id FROM cases WHERE case_no = ?)").run(caseNo);
    const fu = await clerk('cases.followUps', {});
    expect(fu.open[0]).toMatchObject({ caseNo, overdue: true });
    expect(fu.overdue).toBeGreaterThanOrEqual(1);
  });

  it('refuses 补齐 with a material still missing or unknown, then records it and releases the upload', async () => {
    expect(await refusal(clerk('cases.completeMaterials', { caseNo, received: ['身份证件复印件'], note: '' }))).toMatchObject({ message: expect.stringMatching(/尚未收到：近期一寸免冠照片/) });
    expect(await refusal(clerk('cases.completeMaterials', { caseNo, received: [], note: '' }))).toMatchObject({ code: 'invalid-input' });
    expect(await clerk('cases.completeMaterials', { caseNo, received: ['近期一寸免冠照片'], note: '申请人本人送来' })).toEqual({ caseNo, released: true });
    await allDelivered();
    const d = await clerk('cases.detail', { caseNo });
    expect(d.workState).toBe('filed');
    expect(d.followUp?.completed).toMatchObject({ by: 'op001', note: expect.stringContaining('申请人本人送来') });
    expect(d.view.events.map((e) => e.reason).join('|')).toMatch(/容缺材料补齐（柜员一 收到：近期一寸免冠照片；申请人本人送来）/);
    expect((await clerk('cases.followUps', {})).open.map((r) => r.caseNo)).not.toContain(caseNo);
    expect(await refusal(clerk('cases.completeMaterials', { caseNo, received: ['近期一寸免冠照片'], note: '' }))).toMatchObject({ code: 'no-pending-materials' });
  }, 60_000);
});

describe('需人工处理', () => {
  it('shows the platform message; contacting the applicant is recorded; the queue names the person masked', async () => {
    const caseNo = await refusedCase('ZHANG');
    const d = await clerk('cases.detail', { caseNo });
    expect(d.upload?.platformMessage).toBeTruthy();
    expect(d.actions).toMatchObject({ resubmit: true, void: true, settle: true, contact: true, complete: false });
    await clerk('cases.contacted', { caseNo, note: '电话联系 申请人明日来补' });
    expect((await clerk('cases.detail', { caseNo })).view.events.at(-1)).toMatchObject({ actor: 'op001', reason: '已联系申请人（柜员一）：电话联系 申请人明日来补' });
    expect(await refusal(clerk('cases.contacted', { caseNo, note: '好' }))).toMatchObject({ code: 'invalid-input' });
    const q = await clerk('queue.list', { states: ['needs-clerk'], search: '0018' });
    expect(q.map((e) => e.caseNo)).toEqual([caseNo]);
    expect(q[0].applicantMasked).toMatch(/^张\*/);
    expect(q[0].idNumberMasked).toBe('990102********0018');
    expect(JSON.stringify(q)).not.toContain(people.ZHANG);
    expect(await clerk('queue.list', { states: ['needs-clerk'], search: '9999' })).toEqual([]);
    // Closed, so the queue can drain for the tests below.
    await clerk('cases.settleElsewhere', { caseNo, note: '申请人已在网厅办结' });
  }, 60_000);

  it('voids a refused case for a supervisor only, with a reason; it leaves the queue', async () => {
    const caseNo = await refusedCase('WANG');
    expect(await refusal(clerk('cases.void', { caseNo, reason: '申请人放弃办理' }))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(run(callers.sup01, 'cases.void', { caseNo, reason: '放弃' }))).toMatchObject({ code: 'invalid-input' });
    const before = (await clerk('queue.summary', {})).counts['needs-clerk'];
    await run(callers.sup01, 'cases.void', { caseNo, reason: '申请人放弃办理' });
    const d = await clerk('cases.detail', { caseNo });
    expect(d.workState).toBe('closed');
    expect(d.view.stateLabel).toBe('已作废');
    expect(d.view.events.at(-1)).toMatchObject({ actor: 'sup01', from: 'needs-clerk', to: 'voided', reason: '作废（主管 主管一）：申请人放弃办理' });
    expect((await clerk('queue.summary', {})).counts['needs-clerk']).toBe(before - 1);
    expect((await clerk('queue.list', { states: ['needs-clerk'] })).map((e) => e.caseNo)).not.toContain(caseNo);
    // Never retried, and not voided twice.
    expect((await run(callers.sup01, 'queue.retry', {})).count).toBeGreaterThanOrEqual(0);
    expect((await clerk('cases.detail', { caseNo })).upload?.state).toBe('needs-clerk');
    expect(await refusal(run(callers.sup01, 'cases.void', { caseNo, reason: '申请人放弃办理' }))).toMatchObject({ code: 'not-needs-clerk' });
  }, 60_000);

  it('marks a refused case settled elsewhere', async () => {
    const caseNo = await refusedCase('LI');
    await clerk('cases.settleElsewhere', { caseNo, note: '已在网厅办结' });
    const d = await clerk('cases.detail', { caseNo });
    expect(d.view.stateLabel).toBe('已在其他渠道办结');
    expect(d.actions).toMatchObject({ resubmit: false, void: false, settle: false });
    expect(d.view.cancellable).toBe(false);
  }, 60_000);

  it('corrects and resubmits as a new case linked to the old, which then is filed', async () => {
    const caseNo = await refusedCase('ZHANG');
    expect(await refusal(clerk('cases.resubmit', { caseNo, corrections: { tel: '123' }, note: '更正联系电话' }))).toMatchObject({ code: 'invalid-input' });
    expect(await refusal(clerk('cases.resubmit', { caseNo, corrections: { opsp_dise_code: 'M99999' }, note: '更正病种代码' }))).toMatchObject({ message: expect.stringMatching(/不能在重报时更正/) });
    const out = await clerk('cases.resubmit', { caseNo, corrections: { diag_dr_name: '钱医生', tel: '13800000099' }, note: '更正诊断医师' });
    expect(out.replaces).toBe(caseNo);
    expect(out.caseNo).not.toBe(caseNo);
    await allDelivered();
    const old = await clerk('cases.detail', { caseNo });
    expect(old.view.stateLabel).toBe('已更正重报');
    expect(old.replacedBy).toBe(out.caseNo);
    const fresh = await clerk('cases.detail', { caseNo: out.caseNo });
    expect(fresh.view.relatedCaseNo).toBe(caseNo);
    expect(fresh.workState).toBe('filed');
    expect(fresh.view.events[0].reason).toBe(`更正重报（原办件 ${caseNo}）：更正诊断医师`);
    expect(fresh.correctable.find((f) => f.key === 'diag_dr_name')?.value).toBe('钱医生');
    // The new case is found by the same person's ID number.
    expect((await clerk('cases.search', { text: people.ZHANG })).rows.map((r) => r.caseNo)).toContain(out.caseNo);
    expect(await refusal(clerk('cases.resubmit', { caseNo, corrections: {}, note: '再次更正重报' }))).toMatchObject({ code: 'not-needs-clerk' });
  }, 60_000);
});

describe('撤销 with a typed reason', () => {
  it('refuses a missing or short reason and records it on both cases', async () => {
    await run(callers.sup01, 'simulator.platform.fault', { fault: 'none' });
    const caseNo = await acceptSpecial('WANG');
    expect(await refusal(clerk('cases.cancel', { caseNo, memo: '' }))).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/撤销原因/) });
    expect(await refusal(clerk('cases.cancel', { caseNo, memo: '不要' }))).toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/至少 4 个字/) });
    const out = await clerk('cases.cancel', { caseNo, memo: '申请人已在外地办理' });
    const original = await clerk('cases.detail', { caseNo });
    expect(original.view.events.map((e) => e.reason)).toContain(`申请撤销（办件 ${out.caseNo}）：申请人已在外地办理`);
    const cancel = await clerk('cases.detail', { caseNo: out.caseNo });
    expect(cancel.view.events[0].reason).toBe(`撤销办件 ${caseNo}：申请人已在外地办理`);
    await allDelivered();
    expect((await clerk('cases.detail', { caseNo })).view.stateLabel).toBe('已撤销');
  }, 60_000);
});
