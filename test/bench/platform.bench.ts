/** Platform client ↔ simulator round trips over real HTTP on 127.0.0.1 (x-tif and SM gateways). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlatformClient } from '../../electron/services/platform/client';
import { loadProfile } from '../../electron/services/platform/profile';
import { startPlatformSimulator } from '../../electron/services/platform/simulator';
import { lookupPerson } from '../../electron/services/platform/transactions/person';
import type { BenchRow } from './run';

async function lookups(profileId: string, n: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-platform-'));
  const profile = loadProfile(profileId);
  const sim = await startPlatformSimulator({ port: 0, dbFile: path.join(dir, 'sim.db'), profile });
  try {
    const client = new PlatformClient({ profile, baseUrl: sim.url, operator: { code: 'bench', name: '压测', type: 1 } });
    await client.signIn();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await lookupPerson(client, { certType: '02', certNo: '990102198507220023' });
    return (performance.now() - t0) / n;
  } finally {
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchRow[]> {
  const xtif = await lookups('demo', 300);
  const sm = await lookups('sm-test', 100);
  return [
    { benchmark: 'platform 1101 round trip (x-tif, simulator)', result: `${xtif.toFixed(2)} ms/call`, goal: '< 50 ms', ok: xtif < 50 },
    { benchmark: 'platform 1101 round trip (SM2/SM4, simulator)', result: `${sm.toFixed(2)} ms/call`, goal: '< 200 ms', ok: sm < 200 },
  ];
}
