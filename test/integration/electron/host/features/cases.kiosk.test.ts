/**
 * A kiosk files through the composition root (real SQLite, the embedded platform simulator, the simulated ID
 * reader): its materials checklist is only the machine's card read and the on-screen promise; anything else it
 * sends — the counter's papers, a 容缺 promise, a made-up id — is refused in Chinese; the case records
 * opter_type 2 and its receipt says 自助终端 (自助办理) and 承诺制. A clerk's checklist and rule are untouched.
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
import { cstDate } from '../../../../../electron/services/cases/working-days';
import { refusal } from '../../../../helpers/refusal';

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-kiosk-cases-'));
const ZHANG_ID = '110101198503120017'; // sample ID card 0 (张伟明), 居民 390 in 990100
let kiosk: Caller;
let clerk: Caller;
let psnNo = '';

const run = <M extends MethodName>(caller: Caller, method: M, input: MethodInput<M>) => call(app.handlers, method, input, caller);

async function signedIn(code: string): Promise<Caller> {
  const c = createCaller('websocket');
  await run(c, 'auth.signIn', { code, password: 'pass1234' });
  return c;
}

const form = (over: Record<string, unknown> = {}) => ({
  insutype: '390',
  regType: 'otherTemporary' as const,
  targetAdmdvs: '440300',
  targetHospitalCode: '',
  targetHospitalName: '',
  begndate: cstDate(new Date()),
  enddate: '',
  tel: '13800000002',
  addr: '广东省深圳市（临时外出就医）',
  memo: '',
  ...over,
});
const accept = (caller: Caller, materials: string[], over: Partial<MethodInput<'cases.accept'>> = {}) =>
  run(caller, 'cases.accept', { kind: 'remote-registration', psnNo, insuplcAdmdvs: '990100', materials, form: form(), ...over } as MethodInput<'cases.accept'>);

beforeAll(async () => {
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
  for (const [code, name, role] of [
    ['kiosk1', '大厅自助机1', 'kiosk'],
    ['op001', '李柜员', 'clerk'],
  ] as const) {
    await call(app.handlers, 'operators.add', { code, name, role, password: 'pass1234' });
  }
  kiosk = await signedIn('kiosk1');
  clerk = await signedIn('op001');
  await call(app.handlers, 'simulator.idCard.place', { sampleId: '0' });
  await run(kiosk, 'idCard.read', {});
  psnNo = (await run(kiosk, 'person.lookup', { certType: '02', certNo: ZHANG_ID })).person.psn_no;
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the kiosk materials rule, end to end on the host', () => {
  it('cases.materials gives the kiosk its own two items, the clerk the counter list', async () => {
    const q = { kind: 'remote-registration', regType: 'otherTemporary' } as const;
    expect((await run(kiosk, 'cases.materials', q)).map((m) => m.id)).toEqual(['kiosk-card-read', 'kiosk-promise']);
    expect((await run(clerk, 'cases.materials', q)).map((m) => m.id)).toEqual(['id-document', 'rr-form', 'id-copy']);
  });

  it.each([
    [['id-document', 'rr-form', 'id-copy']],
    [['kiosk-card-read', 'kiosk-promise', 'rr-form']],
    [['kiosk-card-read', 'kiosk-promise', 'made-up']],
  ])('refuses self-certified materials %j in Chinese, filing nothing', async (materials) => {
    const before = app.db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number };
    expect(await refusal(accept(kiosk, materials))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('自助终端不能自行确认材料') });
    expect(app.db.prepare('SELECT COUNT(*) AS n FROM cases').get()).toEqual(before);
  });

  it('refuses a missing promise (no 一次性告知单 at a kiosk) and any 容缺', async () => {
    expect(await refusal(accept(kiosk, ['kiosk-card-read']))).toMatchObject({ code: 'promise-required', message: expect.stringContaining('个人承诺（屏幕确认）') });
    expect(await refusal(accept(kiosk, KIOSK_BOTH, { promiseSigned: true }))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('容缺') });
    expect(app.db.prepare("SELECT COUNT(*) AS n FROM case_notices").get()).toEqual({ n: 0 });
  });

  it('accepts the card read and the promise: opter_type 2, receipt signed 自助终端, 承诺制', async () => {
    const out = await accept(kiosk, KIOSK_BOTH);
    if (out.outcome !== 'accepted') throw new Error('expected accepted');
    const r = out.receipt;
    expect(r.clerk).toBe('自助终端 大厅自助机1（自助办理）');
    expect(r.materials).toEqual(['有效身份证件（本机读卡核验）', '个人承诺（屏幕确认）']);
    expect(r.items[0].name).toContain('其他临时外出就医');
    expect(r.items[0].name).toContain('承诺制');
    expect(r.pending).toBeNull();
    const row = app.db.prepare('SELECT opter_type AS t, created_by AS by FROM cases WHERE case_no = ?').get(r.caseNo);
    expect(row).toEqual({ t: 2, by: 'kiosk1' });
  });

  it('a clerk still ticks the counter list; the kiosk items mean nothing at a counter', async () => {
    expect(await refusal(accept(clerk, KIOSK_BOTH))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('材料清单中没有这些材料') });
    const out = await accept(clerk, ['id-document', 'rr-form', 'id-copy'], { form: form({ targetAdmdvs: '110100', addr: '北京市', begndate: cstDate(new Date(Date.now() + 86_400_000)) }) });
    if (out.outcome !== 'accepted') throw new Error('expected accepted');
    expect(out.receipt.clerk).toBe('李柜员');
    expect(out.receipt.items[0].name).not.toContain('承诺制');
  });

  it('the kiosk still files nothing but a temporary 异地备案', async () => {
    expect(await refusal(accept(kiosk, KIOSK_BOTH, { form: form({ regType: 'longTermResidence' }) }))).toMatchObject({ code: 'forbidden' });
  });
});

const KIOSK_BOTH = ['kiosk-card-read', 'kiosk-promise'];
