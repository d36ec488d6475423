import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type PlatformErrorKind } from '../../../../../electron/services/platform/client';
import { parseMsgid } from '../../../../../electron/services/platform/envelope';
import { lookupPerson } from '../../../../../electron/services/platform/transactions/person';
import { querySpecialDisease, registerSpecialDisease, type SpecialDiseaseRegistration } from '../../../../../electron/services/platform/transactions/special-disease';
import { LI_SI, ZHANG_SAN, memorySignInStore, startSim, type SimFixture } from '../../../../helpers/sim-fixture';

let f: SimFixture;
beforeAll(async () => {
  f = await startSim('demo');
});
afterAll(async () => {
  await f?.close();
});
beforeEach(() => {
  f.sim.faults.reset();
});

async function failure(p: Promise<unknown>, kind: PlatformErrorKind, outcomeUnknown: boolean): Promise<PlatformError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PlatformError);
  expect((err as PlatformError).kind).toBe(kind);
  expect((err as PlatformError).outcomeUnknown).toBe(outcomeUnknown);
  return err as PlatformError;
}

const disease = (code: string, name: string): SpecialDiseaseRegistration => ({
  psn_no: ZHANG_SAN.psnNo,
  insutype: '310',
  opsp_dise_code: code,
  opsp_dise_name: name,
  tel: '13800000000',
  addr: '示例市',
  insu_optins: '990100',
  ide_fixmedins_no: 'H99010000101',
  ide_fixmedins_name: '示例市第一人民医院',
  hosp_ide_date: '2026-01-10',
  diag_dr_codg: 'D0001',
  diag_dr_name: '王医生',
  begndate: '2026-01-10',
  enddate: '2026-12-31',
});

describe('envelope on the wire', () => {
  it('carries every NHSA field, the right node, x-tif headers, and a well-formed msgid', async () => {
    const seen: { headers: Record<string, string>; body: Record<string, unknown> }[] = [];
    const spy: typeof fetch = async (input, init) => {
      seen.push({ headers: init?.headers as Record<string, string>, body: JSON.parse(String(init?.body)) as Record<string, unknown> });
      return fetch(input, init);
    };
    const c = f.client({ fetch: spy, operator: { code: 'kiosk01', name: '自助终端一', type: 2 }, deviceNo: 'DEV001', mac: 'AA-BB', ip: '10.0.0.8' });
    await querySpecialDisease(c, { psn_no: ZHANG_SAN.psnNo });
    expect(seen.map((s) => s.body.infno)).toEqual(['9001', '5301']);
    const [signIn, query] = seen;
    expect(signIn.body.input).toEqual({ signIn: { opter_no: 'kiosk01', mac: 'AA-BB', ip: '10.0.0.8' } });
    expect(query.body).toMatchObject({
      infno: '5301',
      mdtrtarea_admvs: '990100',
      insuplc_admdvs: '990100',
      recer_sys_code: 'FSI_LOCAL',
      dev_no: 'DEV001',
      infver: 'V1.0',
      opter_type: '2',
      opter: 'kiosk01',
      opter_name: '自助终端一',
      fixmedins_code: 'H99010000001',
      fixmedins_name: '示例市医疗保障事务中心',
      input: { data: { psn_no: ZHANG_SAN.psnNo, opsp_dise_code: '', begndate: '' } },
    });
    expect(query.body.sign_no).toMatch(/\S{20,}/);
    expect(String(query.body.inf_time)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(parseMsgid(String(query.body.msgid))?.prefix).toBe('H99010000001');
    expect(query.headers['x-tif-paasid']).toBe('demo_counter');
    expect(query.headers['x-tif-signature']).toMatch(/^[0-9a-f]{64}$/);
    expect(signIn.body.sign_no).toBe('');
  });

  it('many calls within one second all get distinct msgids', async () => {
    const c = f.client();
    const ids = new Set(Array.from({ length: 200 }, () => c.newMsgid()));
    expect(ids.size).toBe(200);
  });

  it('the simulator refuses a malformed msgid, a wrong node, a missing 参保地 and an unknown infno', async () => {
    const c = f.client();
    await c.signIn();
    expect((await failure(c.call('5301', { psn_no: ZHANG_SAN.psnNo }, { msgid: 'H99010000001-bad' }), 'business', false)).errMsg).toMatch(/30位/);
    expect((await failure(c.call('5301', { psn_no: ZHANG_SAN.psnNo }, { msgid: 'X99010000001202601010000000001' }), 'business', false)).errMsg).toMatch(/前12位/);
    expect((await failure(c.call('5301', { psn_no: ZHANG_SAN.psnNo }, { insuplcAdmdvs: '' }), 'business', false)).errMsg).toMatch(/insuplc_admdvs 必填/);
    expect((await failure(c.call('8888', {}), 'business', false)).errMsg).toMatch(/交易编号 8888 不存在/);
    const wrongNode = f.client({ profile: { ...f.profile, inputNodes: { '5301': 'wrongNode' } } });
    expect((await failure(wrongNode.call('5301', { psn_no: ZHANG_SAN.psnNo }), 'business', false)).errMsg).toMatch(/入参节点应为 data/);
  });
});

describe('sign-in', () => {
  it('reuses a stored sign_no across client instances, renews when the platform says it expired, signs out', async () => {
    const store = memorySignInStore();
    const a = f.client({ signInStore: store });
    const first = await a.signIn();
    await lookupPerson(a, { certType: '02', certNo: LI_SI.certno });
    const b = f.client({ signInStore: store });
    const before = f.sim.state().calls['9001'] ?? 0;
    await lookupPerson(b, { certType: '02', certNo: LI_SI.certno });
    expect(f.sim.state().calls['9001'] ?? 0).toBe(before); // reused
    expect(b.currentSignIn?.signNo).toBe(first.signNo);

    f.sim.expireSignIns();
    const p = await lookupPerson(b, { certType: '02', certNo: LI_SI.certno });
    expect(p.psn_no).toBe(LI_SI.psnNo);
    expect(f.sim.state().calls['9001']).toBe(before + 1); // re-signed once
    expect(store.load()?.signNo).not.toBe(first.signNo);

    await b.signOut();
    expect(store.load()).toBeNull();
    // The old sign_no is refused now; a fresh client signs in again by itself.
    const c = f.client({ signInStore: memorySignInStore() });
    await expect(lookupPerson(c, { certType: '02', certNo: LI_SI.certno })).resolves.toMatchObject({ psn_no: LI_SI.psnNo });
  });

  it('renews a sign-in older than the profile allows without asking the platform', async () => {
    let now = new Date();
    const store = memorySignInStore();
    const profile = { ...f.profile, signIn: { ...f.profile.signIn, renewAfterMinutes: 1 } };
    const c = f.client({ profile, signInStore: store, clock: () => now });
    const s1 = await c.signIn();
    expect((await c.signIn()).signNo).toBe(s1.signNo);
    now = new Date(now.getTime() + 2 * 60_000); // within the gateway's clock-skew window
    const s2 = await c.signIn();
    expect(s2.signNo).not.toBe(s1.signNo);
  });

  it('does not loop when sign-in itself keeps failing', async () => {
    const c = f.client();
    f.sim.faults.set({ businessError: 5, businessErrorMessage: '签到服务暂停，请重新签到', infnos: ['9001'] });
    const err = await failure(c.call('1101', { mdtrt_cert_type: '02', mdtrt_cert_no: LI_SI.certno }), 'business', false);
    expect(err.infno).toBe('9001');
    expect(f.sim.state().faults.businessError).toBe(4);
  });
});

describe('faults are classified', () => {
  it('infcode -1 → business, err_msg verbatim, nothing done', async () => {
    const c = f.client();
    await c.signIn();
    f.sim.faults.set({ businessError: 1, businessErrorMessage: '系统繁忙: 核心库锁表，请稍后再试', infnos: ['2503'] });
    const work = f.sim.state().work['2503'] ?? 0;
    const err = await failure(registerSpecialDisease(c, disease('M02500', '癫痫')), 'business', false);
    expect(err.message).toBe('系统繁忙: 核心库锁表，请稍后再试');
    expect(err.errMsg).toBe('系统繁忙: 核心库锁表，请稍后再试');
    expect(f.sim.state().work['2503'] ?? 0).toBe(work);
    expect(c.online).toBe(true);
  });

  it('HTTP 500 → http, status 500, outcome unknown', async () => {
    const c = f.client();
    await c.signIn();
    f.sim.faults.set({ http500: 1 });
    const err = await failure(lookupPerson(c, { certType: '02', certNo: LI_SI.certno }), 'http', true);
    expect(err.status).toBe(500);
  });

  it('latency beyond the time-out → timeout, outcome unknown, offline', async () => {
    const c = f.client();
    await c.signIn();
    f.sim.faults.set({ latencyMs: 400 });
    await failure(lookupPerson(c, { certType: '02', certNo: LI_SI.certno }, { timeoutMs: 100 }), 'timeout', true);
    expect(c.online).toBe(false);
  });

  it('connection dropped before the work → network, outcome unknown (the request was sent)', async () => {
    const c = f.client();
    await c.signIn();
    f.sim.faults.set({ dropBefore: 1 });
    await failure(lookupPerson(c, { certType: '02', certNo: LI_SI.certno }), 'network', true);
  });

  it('reply lost after the work was done: a retry under the same msgid returns the stored reply, the work is done once', async () => {
    const c = f.client();
    await c.signIn();
    f.sim.faults.set({ dropAfter: 1, infnos: ['2503'] });
    const msgid = c.newMsgid();
    const work = f.sim.state().work['2503'] ?? 0;
    await failure(registerSpecialDisease(c, disease('M04600', '冠心病'), { msgid }), 'network', true);
    expect(f.sim.state().work['2503']).toBe(work + 1);
    const retry = await registerSpecialDisease(c, disease('M04600', '冠心病'), { msgid });
    expect(retry.msgid).toBe(msgid);
    expect(f.sim.state().work['2503']).toBe(work + 1);
    const found = await querySpecialDisease(c, { psn_no: ZHANG_SAN.psnNo, opsp_dise_code: 'M04600', begndate: '2026-01-10' });
    expect(found.map((r) => r.trt_dcla_detl_sn)).toEqual([retry.result.trt_dcla_detl_sn]);
  });

  it('malformed JSON → malformed, outcome unknown', async () => {
    const c = f.client();
    await c.signIn();
    f.sim.faults.set({ malformed: 1 });
    await failure(lookupPerson(c, { certType: '02', certNo: LI_SI.certno }), 'malformed', true);
  });

  it('connection refused → network, the request never left (outcome known)', async () => {
    const srv = http.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const c = f.client({ baseUrl: `http://127.0.0.1:${port}/fsi` });
    expect(c.online).toBe(false);
    const err = await failure(c.call('1101', {}, { skipSignIn: true }), 'network', false);
    expect(err.message).toMatch(/无法连接医保平台/);
    expect(c.online).toBe(false);
  });

  it('a reply that is JSON but not an envelope → malformed; a 4xx → http with outcome known', async () => {
    const srv = http.createServer((req, res) => {
      if (req.url === '/not-envelope') res.writeHead(200).end('{"hello":"world"}');
      else res.writeHead(404).end('not here');
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
    try {
      await failure(f.client({ baseUrl: `${base}/not-envelope` }).call('1101', {}, { skipSignIn: true }), 'malformed', true);
      const e = await failure(f.client({ baseUrl: `${base}/x` }).call('1101', {}, { skipSignIn: true }), 'http', false);
      expect(e.status).toBe(404);
    } finally {
      await new Promise<void>((r) => srv.close(() => r()));
    }
  });

  it('a gateway refusal (clock far off) → http 401 with the gateway message, outcome known', async () => {
    const c = f.client({ clock: () => new Date(Date.now() + 3600_000) });
    const e = await failure(c.signIn(), 'http', false);
    expect(e.status).toBe(401);
    expect(e.message).toMatch(/时间戳/);
  });

  it('fault settings are validated and controllable over HTTP', async () => {
    expect(() => f.sim.faults.set({ http500: -1 })).toThrow(/非负整数/);
    const base = f.sim.url.replace(/\/fsi\/.*$/, '');
    const r = await fetch(`${base}/__control/faults`, { method: 'POST', body: JSON.stringify({ http500: 2, infnos: ['1101'] }) });
    expect(r.status).toBe(200);
    const state = (await (await fetch(`${base}/__control/state`)).json()) as { faults: { http500: number } };
    expect(state.faults.http500).toBe(2);
    expect((await fetch(`${base}/__control/faults`, { method: 'POST', body: '{"latencyMs":"x"}' })).status).toBe(400);
    await fetch(`${base}/__control/reset`, { method: 'POST' });
    expect(f.sim.state().faults.http500).toBe(0);
  });
});
