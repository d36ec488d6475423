/** Starts a platform simulator on a free 127.0.0.1 port with its own SQLite file in a temp dir. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlatformClient, type PlatformClientOptions, type SignInState } from '../../electron/services/platform/client';
import { loadProfile, type ProvinceProfile } from '../../electron/services/platform/profile';
import { startPlatformSimulator, type PlatformSimulator, type PlatformSimulatorOptions } from '../../electron/services/platform/simulator';

export const ZHANG_SAN = { psnNo: '99010000000000000001', certno: '990102196003150018', insutype: '310' };
export const LI_SI = { psnNo: '99010000000000000002', certno: '990102198507220023', cardNo: 'A99010002', cardSn: '15196325A32FE8DEEF7514CA816487DB' };
export const WANG_WU = { psnNo: '99010000000000000003', ecToken: '80AD2DE755FAF5339DD68AC77CEF9277CCFF14B2' };
export const ZHAO_LIU = { psnNo: '99020000000000000004', insuplc: '990200' };
export const CHEN_QI = { psnNo: '99010000000000000005' };
/** 外国人永久居留身份证 holders (psn_cert_type 07): the 2017-format card in the simulated reader, and a 2023-format number. */
export const SMITH = { psnNo: '99010000000000000007', certno: 'USA310079060412', name: '史密斯' };
export const MARIA = { psnNo: '99010000000000000008', certno: '931250198809170021', name: '玛丽亚' };
/** The 港澳台居民居住证 in the simulated reader (psn_cert_type 17). */
export const CHEN_JIAXIN = { certno: '810000199205160027', name: '陈嘉欣' };

export interface SimFixture {
  sim: PlatformSimulator;
  dir: string;
  profile: ProvinceProfile;
  client(extra?: Partial<PlatformClientOptions>): PlatformClient;
  close(): Promise<void>;
}

export function memorySignInStore(): { load(): SignInState | null; save(s: SignInState | null): void; saved: (SignInState | null)[] } {
  let cur: SignInState | null = null;
  const saved: (SignInState | null)[] = [];
  return {
    saved,
    load: () => cur,
    save(s) {
      cur = s;
      saved.push(s);
    },
  };
}

export async function startSim(profileId = 'demo', extra: Partial<PlatformSimulatorOptions> = {}): Promise<SimFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-sim-'));
  const profile = loadProfile(profileId);
  const sim = await startPlatformSimulator({ port: 0, dbFile: path.join(dir, 'sim.db'), profile, ...extra });
  return {
    sim,
    dir,
    profile,
    client: (o = {}) => new PlatformClient({ profile, baseUrl: sim.url, operator: { code: 'op001', name: '柜员一', type: 1 }, ...o }),
    async close() {
      await sim.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
