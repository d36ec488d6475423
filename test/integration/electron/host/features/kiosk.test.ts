/**
 * The kiosk's own methods through the composition root with the simulated readers and the embedded platform:
 * its settings from config.json, the card-presence answer of both readers (寻卡 on the ID reader, the
 * 社保卡 reader's card status) as the simulator's card comes and goes, and the benefits read (参保状态 and
 * 门诊统筹) for the person just read only.
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
import { refusal } from '../../../../helpers/refusal';

let app: App;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-kiosk-'));
let kiosk: Caller;
const run = <M extends MethodName>(caller: Caller, method: M, input: MethodInput<M>) => call(app.handlers, method, input, caller);
const sim = <M extends MethodName>(method: M, input: MethodInput<M>) => call(app.handlers, method, input);

beforeAll(async () => {
  fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ profile: 'kiosk', kiosk: { idleSeconds: 45, warnSeconds: 8 } }));
  app = await createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
  await sim('operators.add', { code: 'kiosk1', name: '大厅自助机1', role: 'kiosk', password: 'pass1234' });
  kiosk = createCaller('websocket');
  await run(kiosk, 'auth.signIn', { code: 'kiosk1', password: 'pass1234' });
}, 60_000);
afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('kiosk methods', () => {
  it('kiosk.settings comes from config.json', async () => {
    expect(await run(kiosk, 'kiosk.settings', {})).toEqual({ idleSeconds: 45, warnSeconds: 8 });
  });

  it('kiosk.cardPresent follows the ID card on the reader', async () => {
    expect(await run(kiosk, 'kiosk.cardPresent', { card: 'id-card' })).toEqual({ present: false });
    await sim('simulator.idCard.place', { sampleId: '0' });
    expect(await run(kiosk, 'kiosk.cardPresent', { card: 'id-card' })).toEqual({ present: true });
    await run(kiosk, 'idCard.read', {});
    expect(await run(kiosk, 'kiosk.cardPresent', { card: 'id-card' })).toEqual({ present: true });
    await sim('simulator.idCard.remove', {});
    expect(await run(kiosk, 'kiosk.cardPresent', { card: 'id-card' })).toEqual({ present: false });
  });

  it('kiosk.cardPresent follows the 社保卡 in its reader, also after it was read', async () => {
    expect(await run(kiosk, 'kiosk.cardPresent', { card: 'sscard' })).toEqual({ present: false });
    await sim('simulator.sscard.insert', { sampleId: '2' });
    await run(kiosk, 'sscard.read', {});
    expect(await run(kiosk, 'kiosk.cardPresent', { card: 'sscard' })).toEqual({ present: true });
    await sim('simulator.sscard.remove', {});
    expect(await run(kiosk, 'kiosk.cardPresent', { card: 'sscard' })).toEqual({ present: false });
  });

  it('refuses an unknown card kind in Chinese', async () => {
    expect(await refusal(run(kiosk, 'kiosk.cardPresent', { card: 'passport' } as never))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('未知的证件类型') });
  });

  it('kiosk.benefits: status and 门诊统筹 for the person just read, nobody else', async () => {
    await sim('simulator.sscard.insert', { sampleId: '2' }); // 王五: 居民 390 + 392
    const card = await run(kiosk, 'sscard.read', {});
    const { person } = await run(kiosk, 'person.lookup', { certType: '03', certNo: card.cardNumber, cardSn: card.cardId });
    const b = await run(kiosk, 'kiosk.benefits', { psnNo: person.psn_no });
    expect(b.insurances.map((i) => [i.insutype, i.statusName, i.alarm])).toEqual([
      ['390', '正常参保', false],
      ['392', '正常参保', false],
    ]);
    expect(b.outpatient).toMatchObject({ year: expect.any(Number), quota: expect.any(Number) });
    expect(b.outpatient!.left).toBe(b.outpatient!.quota - b.outpatient!.used);
    // Only what the kiosk shows: no registrations, identities or year-to-date detail.
    expect(Object.keys(b).sort()).toEqual(['insurances', 'offline', 'outpatient']);
    expect(await refusal(run(kiosk, 'kiosk.benefits', { psnNo: '99010219600315001800' }))).toMatchObject({ code: 'forbidden' });
    await run(kiosk, 'kiosk.end', {});
    expect(await refusal(run(kiosk, 'kiosk.benefits', { psnNo: person.psn_no }))).toMatchObject({ code: 'forbidden' });
    await sim('simulator.sscard.remove', {});
  });
});
