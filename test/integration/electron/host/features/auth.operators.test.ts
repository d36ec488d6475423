/**
 * The signed-in operator does the business: through the composition root with WebSocket callers and the
 * embedded platform simulator, every case row, first event, receipt and upload envelope (opter, opter_name,
 * opter_type) names the operator who accepted or cancelled it — even when the upload happens after they
 * signed out. 9001 signs in under their 工号, sign-out sends their 9002. A kiosk files only a temporary
 * 异地备案 (opter_type 2), and only for the person whose card it has just read; 容缺受理 needs a supervisor.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../../../../electron/contract/api';
import { createApp, type App } from '../../../../../electron/host/app';
import { createCaller, type Caller } from '../../../../../electron/host/caller';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import { allDelivered as deliverAll } from '../../../../helpers/case-fixtures';
import { refusal } from '../../../../helpers/refusal';
import { addDays } from '../../../../../electron/contract/rules/calendar-dates';
import { cstDate } from '../../../../../electron/services/cases/working-days';

interface Envelope {
  infno: string;
  msgid: string;
  opter: string;
  opter_name: string;
  opter_type: string;
  sign_no: string;
  input: Record<string, Record<string, unknown>>;
}

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-operators-'));
const wire: Envelope[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  wire.push(JSON.parse(String(init?.body)) as Envelope);
  return fetch(input, init);
};
const people = { LI: '990102198507220023', ZHANG: '990102196003150018' };
const person: Record<keyof typeof people, { psnNo: string; admdvs: string }> = { LI: { psnNo: '', admdvs: '' }, ZHANG: { psnNo: '', admdvs: '' } };
const callers: Record<string, Caller> = {};

const run = <M extends MethodName>(caller: Caller, method: M, input: MethodInput<M>) => call(app.handlers, method, input, caller);

beforeAll(async () => {
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories(), fetch: recordingFetch });
  const admin = createCaller('websocket');
  await run(admin, 'auth.setupAdmin', { code: 'admin', name: '管理员', password: 'pass1234' });
  for (const [code, name, role] of [
    ['op001', '柜员一', 'clerk'],
    ['op002', '柜员二', 'clerk'],
    ['sup01', '主管一', 'supervisor'],
    ['kiosk1', '自助一', 'kiosk'],
  ] as const) {
    await run(admin, 'operators.add', { code, name, role, password: 'pass1234' });
    callers[code] = createCaller('websocket');
    await run(callers[code], 'auth.signIn', { code, password: 'pass1234' });
  }
  for (const k of Object.keys(people) as Array<keyof typeof people>) {
    const r = await run(callers.sup01, 'person.lookup', { certType: '02', certNo: people[k] });
    person[k] = { psnNo: r.person.psn_no, admdvs: r.person.insuinfo[0].insuplc_admdvs };
  }
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const allDelivered = () => deliverAll(app);

/** The envelopes that carried one case's business (its 办件编号 is in the input). */
const envelopesOf = (caseNo: string) => wire.filter((e) => JSON.stringify(e.input).includes(caseNo));
const caseRow = (caseNo: string) =>
  app.db.prepare('SELECT id, created_by, created_by_name, opter_type FROM cases WHERE case_no = ?').get(caseNo) as {
    id: number;
    created_by: string;
    created_by_name: string;
    opter_type: number;
  };
const firstEvent = (caseId: number) =>
  app.db.prepare('SELECT actor, reason FROM case_events WHERE case_id = ? ORDER BY id LIMIT 1').get(caseId) as { actor: string; reason: string };

const specialDisease = (who: keyof typeof people, diseaseCode: string, materials: string[]) => ({
  kind: 'special-disease' as const,
  psnNo: person[who].psnNo,
  insuplcAdmdvs: person[who].admdvs,
  materials,
  form: {
    insutype: '310', diseaseCode, hospitalCode: 'H99010100001', hospitalName: '示例市第一人民医院', assessedOn: '2026-03-01',
    doctorCode: 'D001', doctorName: '王医生', begndate: '2026-03-02', enddate: '2026-12-31', tel: '13800000001', addr: '示例市和平路 1 号',
  },
});
const SD_ALL = ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report', 'sd-photo', 'id-copy'];
const SD_MINOR_MISSING = ['id-document', 'sd-application', 'sd-medical-record', 'sd-exam-report'];
/** Start dates ahead of today: a start months ago would be a 补办 beyond its window. */
const inDays = (n: number) => addDays(cstDate(new Date()), n);
const REMOTE_PROOF = { referral: ['rr-referral-proof'], emergency: ['rr-emergency-proof'], retiredResettled: ['rr-residence-proof'] };
const remote = (who: keyof typeof people, regType: 'referral' | 'emergency' | 'retiredResettled', begndate: string) => ({
  kind: 'remote-registration' as const,
  psnNo: person[who].psnNo,
  insuplcAdmdvs: person[who].admdvs,
  materials: ['id-document', 'rr-form', 'id-copy', ...REMOTE_PROOF[regType]],
  form: {
    insutype: '310', regType, targetAdmdvs: '110105', targetHospitalCode: '', targetHospitalName: '', begndate, enddate: '',
    tel: '13800000002', addr: '北京市朝阳区某小区 1 号楼', memo: '',
  },
});

describe('the operator on cases and envelopes', () => {
  it('names the operator who looked the person up in the 1101 envelope, signed in (9001) under their own 工号', () => {
    // (config.json's operator is op001: these must come from the caller.)
    const lookups = wire.filter((e) => e.infno === '1101');
    expect(lookups.length).toBeGreaterThan(0);
    for (const e of lookups) expect(e).toMatchObject({ opter: 'sup01', opter_name: '主管一', opter_type: '1' });
    expect(wire.filter((e) => e.infno === '9001').map((e) => e.input.signIn.opter_no)).toEqual(['sup01']);
  });

  it('stores the accepting clerk with the case, its first event and receipt, and every envelope of its upload', async () => {
    const out = await run(callers.op002, 'cases.accept', specialDisease('LI', 'M01600', SD_ALL));
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    expect(out.receipt.clerk).toBe('柜员二');
    const row = caseRow(out.receipt.caseNo);
    expect(row).toMatchObject({ created_by: 'op002', created_by_name: '柜员二', opter_type: 1 });
    expect(firstEvent(row.id).actor).toBe('op002');
    await allDelivered();
    const sent = envelopesOf(out.receipt.caseNo);
    expect(sent.length).toBeGreaterThan(0);
    for (const e of sent) expect(e).toMatchObject({ opter: 'op002', opter_name: '柜员二', opter_type: '1' });
    // The sign_no it went out under is op002's own sign-in.
    const signIns = wire.filter((e) => e.infno === '9001' && e.input.signIn.opter_no === 'op002');
    expect(signIns).toHaveLength(1);
  });

  it('uploads a queued case under its acceptor even after they signed out, and sends their 9002 at sign-out', async () => {
    await call(app.handlers, 'simulator.platform.fault', { fault: 'offline' });
    const leaving = createCaller('websocket');
    await run(leaving, 'auth.signIn', { code: 'op002', password: 'pass1234' });
    const out = await run(leaving, 'cases.accept', remote('ZHANG', 'referral', inDays(1)));
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    await call(app.handlers, 'simulator.platform.fault', { fault: 'none' });
    const before = wire.length;
    await run(leaving, 'auth.signOut', {});
    const signOut = wire.slice(before).find((e) => e.infno === '9002');
    expect(signOut).toMatchObject({ opter: 'op002', input: { signOut: { opter_no: 'op002' } } });
    await call(app.handlers, 'queue.retry', {});
    await allDelivered();
    for (const e of envelopesOf(out.receipt.caseNo)) expect(e).toMatchObject({ opter: 'op002', opter_name: '柜员二' });
  });

  it('names the canceller, not the acceptor, on a cancellation', async () => {
    const out = await run(callers.op001, 'cases.accept', remote('LI', 'emergency', inDays(2)));
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    const cancel = await run(callers.op002, 'cases.cancel', { caseNo: out.receipt.caseNo, memo: '申请人撤回' });
    expect(caseRow(cancel.caseNo)).toMatchObject({ created_by: 'op002', created_by_name: '柜员二' });
    expect(firstEvent(caseRow(cancel.caseNo).id).actor).toBe('op002');
    expect(cancel.receipt.clerk).toBe('柜员二');
    await allDelivered();
    const { infno } = app.db.prepare('SELECT infno FROM outbox WHERE case_id = ?').get(caseRow(cancel.caseNo).id) as { infno: string };
    const cancelEnvelopes = wire.filter((e) => e.infno === infno);
    expect(cancelEnvelopes.length).toBeGreaterThan(0);
    for (const e of cancelEnvelopes) expect(e).toMatchObject({ opter: 'op002', opter_name: '柜员二' });
  });
});

describe('the kiosk', () => {
  it('looks up only the person whose card it has just read', async () => {
    expect(await refusal(run(callers.kiosk1, 'person.lookup', { certType: '02', certNo: people.ZHANG }))).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('自助终端只能查询刚刚读取的证件本人'),
    });
    const sample = (await call(app.handlers, 'simulator.sscard.samples', {})).find((s) => s.label.includes('张三'));
    await call(app.handlers, 'simulator.sscard.insert', { sampleId: sample!.id });
    const card = await run(callers.kiosk1, 'sscard.read', {});
    expect(await refusal(run(callers.kiosk1, 'person.lookup', { certType: '02', certNo: people.LI }))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(run(callers.kiosk1, 'person.lookup', { certType: '03', certNo: card.cardNumber, cardSn: 'X'.repeat(32) }))).toMatchObject({
      code: 'forbidden',
    });
    const found = await run(callers.kiosk1, 'person.lookup', { certType: '03', certNo: card.cardNumber, cardSn: card.cardId });
    expect(found.person.psn_no).toBe(person.ZHANG.psnNo);
    // A clerk is not held to a card: the counter looks people up by number.
    expect((await run(callers.op001, 'person.lookup', { certType: '02', certNo: people.LI })).person.psn_no).toBe(person.LI.psnNo);
  });

  it('files a temporary 异地备案 for that person only, with opter_type 2', async () => {
    expect(await refusal(run(callers.kiosk1, 'cases.accept', remote('LI', 'emergency', inDays(3))))).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('自助终端只能为刚刚读卡查询的本人办理'),
    });
    // A kiosk's materials are only what it verified itself: the card it read and the promise confirmed on screen.
    const out = await run(callers.kiosk1, 'cases.accept', { ...remote('ZHANG', 'emergency', inDays(3)), materials: ['kiosk-card-read', 'kiosk-promise'] });
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    expect(caseRow(out.receipt.caseNo)).toMatchObject({ created_by: 'kiosk1', opter_type: 2 });
    await allDelivered();
    const sent = envelopesOf(out.receipt.caseNo);
    expect(sent.length).toBeGreaterThan(0);
    for (const e of sent) expect(e).toMatchObject({ opter: 'kiosk1', opter_name: '自助一', opter_type: '2' });
  });

  it('may not file any other business, nor cancel', async () => {
    expect(await refusal(run(callers.kiosk1, 'cases.accept', specialDisease('ZHANG', 'M03900', SD_ALL)))).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('自助终端只能办理临时外出就医的异地就医备案'),
    });
    expect(await refusal(run(callers.kiosk1, 'cases.accept', remote('ZHANG', 'retiredResettled', inDays(4))))).toMatchObject({ code: 'forbidden' });
    expect(await refusal(run(callers.kiosk1, 'cases.cancel', { caseNo: '99010000120260302000001', memo: '' }))).toMatchObject({ code: 'forbidden' });
  });
});

describe('容缺受理 needs a supervisor', () => {
  const input = () => ({ ...specialDisease('ZHANG', 'M03900', SD_MINOR_MISSING), promiseSigned: true });

  it('refuses a clerk without approval, with a wrong password, or with a non-supervisor as approver', async () => {
    expect(await refusal(run(callers.op001, 'cases.accept', input()))).toMatchObject({
      code: 'supervisor-approval-required',
      message: expect.stringContaining('容缺受理须经主管批准'),
    });
    expect(await refusal(run(callers.op001, 'cases.accept', { ...input(), supervisorApproval: { code: 'sup01', password: 'wrong999' } }))).toMatchObject({
      code: 'supervisor-approval-refused',
      message: '主管确认未通过：工号或密码不正确',
    });
    expect(await refusal(run(callers.op001, 'cases.accept', { ...input(), supervisorApproval: { code: 'op002', password: 'pass1234' } }))).toMatchObject({
      code: 'supervisor-approval-refused',
      message: expect.stringContaining('不是主管'),
    });
    expect(app.db.prepare("SELECT COUNT(*) AS n FROM cases WHERE psn_no = ? AND kind = 'special-disease'").get(person.ZHANG.psnNo)).toEqual({ n: 0 });
  });

  it('accepts with a supervisor’s 工号 and 密码 checked on the host, and records who approved', async () => {
    const out = await run(callers.op001, 'cases.accept', { ...input(), supervisorApproval: { code: 'sup01', password: 'pass1234' } });
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    const row = caseRow(out.receipt.caseNo);
    expect(row.created_by).toBe('op001');
    expect(firstEvent(row.id).reason).toContain('容缺受理（主管 主管一 sup01 批准）');
    const audit = app.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'cases.approve-exception'").all() as Array<{ actor: string; detail: string }>;
    expect(audit.map((a) => a.actor)).toEqual(['sup01']);
    expect(audit[0].detail).not.toContain('pass1234');
  });

  it('lets a signed-in supervisor accept 容缺 by themself', async () => {
    const out = await run(callers.sup01, 'cases.accept', { ...specialDisease('LI', 'M03900', SD_MINOR_MISSING), promiseSigned: true });
    if (out.outcome !== 'accepted') throw new Error('expected acceptance');
    expect(firstEvent(caseRow(out.receipt.caseNo).id).reason).toContain('主管 主管一 sup01 批准');
  });
});
