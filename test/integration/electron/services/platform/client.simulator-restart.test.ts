import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PlatformClient } from '../../../../../electron/services/platform/client';
import { loadProfile } from '../../../../../electron/services/platform/profile';
import { startPlatformSimulator } from '../../../../../electron/services/platform/simulator';
import { querySpecialDisease, registerSpecialDisease, type SpecialDiseaseRegistration } from '../../../../../electron/services/platform/transactions/special-disease';
import { ZHANG_SAN } from '../../../../helpers/sim-fixture';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-restart-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('simulator state lives in its own SQLite file', () => {
  it('keeps records and msgid dedup across a restart; sign-ins survive too', async () => {
    const profile = loadProfile('demo');
    const dbFile = path.join(dir, 'sim.db');
    const input: SpecialDiseaseRegistration = {
      psn_no: ZHANG_SAN.psnNo, insutype: '310', opsp_dise_code: 'M00105', opsp_dise_name: '活动性肺结核', tel: '1', addr: '示例市',
      insu_optins: '990100', ide_fixmedins_no: 'H1', ide_fixmedins_name: '示例医院', hosp_ide_date: '2026-01-10',
      diag_dr_codg: 'D1', diag_dr_name: '医生', begndate: '2026-01-10', enddate: '2026-12-31',
    };
    let sim = await startPlatformSimulator({ port: 0, dbFile, profile });
    let client = new PlatformClient({ profile, baseUrl: sim.url, operator: { code: 'op001', name: '柜员一', type: 1 } });
    const first = await registerSpecialDisease(client, input);
    await sim.close();

    sim = await startPlatformSimulator({ port: 0, dbFile, profile });
    try {
      client = new PlatformClient({ profile, baseUrl: sim.url, operator: { code: 'op001', name: '柜员一', type: 1 } });
      const again = await registerSpecialDisease(client, input, { msgid: first.msgid });
      expect(again.result).toEqual(first.result);
      expect(sim.state().work['2503'] ?? 0).toBe(0);
      const found = await querySpecialDisease(client, { psn_no: ZHANG_SAN.psnNo, opsp_dise_code: 'M00105' });
      expect(found).toHaveLength(1);
    } finally {
      await sim.close();
    }
  });
});
