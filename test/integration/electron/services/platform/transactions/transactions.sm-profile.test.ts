import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformError } from '../../../../../../electron/services/platform/client';
import { lookupPerson } from '../../../../../../electron/services/platform/transactions/person';
import { queryReimbursements, reimbursement } from '../../../../../../electron/services/platform/transactions/reimbursement';
import { queryRemoteRegistrations, remoteRegistration } from '../../../../../../electron/services/platform/transactions/remote-registration';
import { ZHAO_LIU, startSim, type SimFixture } from '../../../../../helpers/sim-fixture';
import { localDate } from '../../../../../../electron/services/platform/envelope';

// The SM (国密) profile: SM4-encrypted bodies, SM2 signatures, its own codes, node names and field names, money in 分.
let f: SimFixture;
beforeAll(async () => {
  f = await startSim('sm-test');
});
afterAll(async () => {
  await f?.close();
});

describe('sm-test profile end to end', () => {
  it('looks up a person and files a 异地备案 and a 零星报销 through the province field maps', async () => {
    const seen: string[] = [];
    const spy: typeof fetch = async (input, init) => {
      seen.push(String(init?.body));
      return fetch(input, init);
    };
    const c = f.client({ fetch: spy });
    const p = await lookupPerson(c, { certType: '02', certNo: '990202199002140044' });
    expect(p.psn_name).toBe('赵六');
    // Nothing readable on the wire.
    expect(seen.join('')).not.toContain('990202199002140044');
    expect(seen.join('')).not.toContain('1101');

    const reg = await remoteRegistration(c, {
      psnNo: ZHAO_LIU.psnNo,
      insutype: '390',
      regType: 'emergency',
      targetAdmdvs: '440300',
      begndate: localDate(new Date()), // today: a start months ago would be a 补办 beyond its window
      tel: '13900000000',
      addr: '深圳市示例路3号',
      promise: false,
    });
    expect(reg.result.regSn).toMatch(/^YD/);
    const regs = await queryRemoteRegistrations(c, { psnNo: ZHAO_LIU.psnNo, regType: 'emergency' });
    expect(regs[0]).toMatchObject({ regSn: reg.result.regSn, valid: true, regType: 'emergency' });

    const claim = await reimbursement(c, {
      psnNo: ZHAO_LIU.psnNo,
      insutype: '390',
      reason: '04',
      hospitalCode: 'H44030000001',
      hospitalName: '外省示例医院',
      begndate: '2026-04-02',
      enddate: '2026-04-05',
      totalFen: 500001,
      fundPayFen: 300000,
      invoices: [{ code: '44030126', no: '00099999', amountFen: 500001 }],
    });
    const claims = await queryReimbursements(c, { psnNo: ZHAO_LIU.psnNo });
    expect(claims[0]).toMatchObject({ claimSn: claim.result.claimSn, totalFen: 500001, fundPayFen: 300000 });
  });

  it('the simulator answers the province codes only under the province node name', async () => {
    const c = f.client();
    const wrong = f.client({ profile: { ...f.profile, inputNodes: {} } });
    await c.signIn();
    const err = await wrong.call('Y109', { psn_no: ZHAO_LIU.psnNo }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect((err as PlatformError).errMsg).toMatch(/入参节点应为 ydbaIn/);
  });

  it('a client with the wrong SM4 key or signing key is refused by the gateway', async () => {
    if (f.profile.signing.type !== 'sm') throw new Error('expected SM signing');
    const badKey = f.client({ profile: { ...f.profile, signing: { ...f.profile.signing, sm4Key: 'fedcba98765432100123456789abcdef' } } });
    const e1 = (await badKey.signIn().catch((e: unknown) => e)) as PlatformError;
    expect(e1.kind).toBe('http');
    expect(e1.outcomeUnknown).toBe(false);
    const otherSigner = f.client({
      profile: {
        ...f.profile,
        signing: { ...f.profile.signing, clientPrivateKey: f.profile.signing.platformPrivateKey!, clientPublicKey: f.profile.signing.platformPublicKey },
      },
    });
    const e2 = (await otherSigner.signIn().catch((e: unknown) => e)) as PlatformError;
    expect(e2.status).toBe(401);
    expect(e2.message).toMatch(/签名校验失败/);
  });
});
