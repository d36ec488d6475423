/**
 * One platform sign-in per operator against the simulator: each operator's calls go out under their own
 * 9001 sign_no and name them in the envelope; signing one out (9002) leaves the others signed in; a
 * restart finds every operator's sign-in in the app DB; shutdown signs out everyone still signed in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvelopeOperator } from '../../../../../electron/services/platform/client';
import { settingsSignInStore } from '../../../../../electron/services/platform/sign-in-store';
import { openDatabase } from '../../../../../electron/services/store/database';
import { appMigrations } from '../../../../../electron/services/app-schema';
import { lookupPerson } from '../../../../../electron/services/platform/transactions/person';
import { LI_SI, startSim, type SimFixture } from '../../../../helpers/sim-fixture';

interface Sent {
  infno: string;
  opter: string;
  opter_name: string;
  opter_type: string;
  sign_no: string;
  input: Record<string, Record<string, unknown>>;
}

let f: SimFixture;
const wire: Sent[] = [];
const spy: typeof fetch = async (input, init) => {
  wire.push(JSON.parse(String(init?.body)) as Sent);
  return fetch(input, init);
};
beforeAll(async () => {
  f = await startSim('demo');
});
afterAll(async () => {
  await f?.close();
});

const A: EnvelopeOperator = { code: 'op002', name: '柜员二', type: 1 };
const K: EnvelopeOperator = { code: 'kiosk1', name: '自助一', type: 2 };
const lookup = (c: ReturnType<SimFixture['client']>, operator: EnvelopeOperator) =>
  lookupPerson(c, { certType: '02', certNo: LI_SI.certno }, { operator });

describe('platform sign-ins per operator', () => {
  it('signs each operator in under their own 工号 and sends their calls under their own sign_no', async () => {
    wire.length = 0;
    const c = f.client({ fetch: spy });
    await lookup(c, A);
    await lookup(c, K);
    await lookup(c, A);
    const signIns = wire.filter((e) => e.infno === '9001');
    expect(signIns.map((e) => [e.input.signIn.opter_no, e.opter, e.opter_type])).toEqual([
      ['op002', 'op002', '1'],
      ['kiosk1', 'kiosk1', '2'],
    ]);
    const calls = wire.filter((e) => e.infno === '1101');
    expect(calls.map((e) => [e.opter, e.opter_name, e.opter_type])).toEqual([
      ['op002', '柜员二', '1'],
      ['kiosk1', '自助一', '2'],
      ['op002', '柜员二', '1'],
    ]);
    expect(calls[0].sign_no).toBe(c.signInOf('op002')?.signNo);
    expect(calls[1].sign_no).toBe(c.signInOf('kiosk1')?.signNo);
    expect(calls[0].sign_no).not.toBe(calls[1].sign_no);
  });

  it('signs one operator out (9002) and leaves the others signed in', async () => {
    wire.length = 0;
    const c = f.client({ fetch: spy });
    await lookup(c, A);
    await lookup(c, K);
    await c.signOut(A);
    expect(wire.filter((e) => e.infno === '9002').map((e) => [e.opter, e.input.signOut.opter_no])).toEqual([['op002', 'op002']]);
    expect(c.signInOf('op002')).toBeNull();
    wire.length = 0;
    await lookup(c, K);
    expect(wire.map((e) => e.infno)).toEqual(['1101']);
    await c.signOut(A); // not signed in: nothing to send
    expect(wire.map((e) => e.infno)).toEqual(['1101']);
  });

  it('keeps every operator’s sign-in in the app DB for the next start, and signs them all out at shutdown', async () => {
    const db = openDatabase(':memory:', { migrations: appMigrations });
    try {
      const first = f.client({ fetch: spy, signInStore: settingsSignInStore(db) });
      await lookup(first, A);
      await lookup(first, K);
      wire.length = 0;
      const next = f.client({ fetch: spy, signInStore: settingsSignInStore(db) });
      await lookup(next, K);
      expect(wire.map((e) => e.infno)).toEqual(['1101']);
      await next.signOutAll();
      const outs = wire.filter((e) => e.infno === '9002');
      expect(outs.map((e) => e.input.signOut.opter_no).sort()).toEqual(['kiosk1', 'op002']);
      expect(outs.find((e) => e.opter === 'kiosk1')?.opter_name).toBe('自助一');
      const left = db.prepare("SELECT key FROM settings WHERE key LIKE 'platform.signIn%'").all();
      expect(left).toEqual([]);
    } finally {
      db.close();
    }
  });
});
