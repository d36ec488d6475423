/**
 * A hospital 医保办 desk (config profile 'hospital') through the composition root: catalogues.deskHospital gives
 * the renderer the profile, the own hospital and its doctors (the 特门 form's defaults), and a 特门 case filled
 * with them is accepted; a hall counter gets no doctors; the desk refuses to start without its hospital code,
 * or with one the catalogue does not know, with a Chinese message naming site.hospitalCode.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../../electron/host/app';
import { ConfigError } from '../../../../../electron/host/config';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import { call } from '../../../../../electron/host/dispatch';
import { DoctorCatalogue } from '../../../../../electron/services/catalogues/doctors';
import { sampleSpecialDiseaseInput } from '../../../../helpers/case-fixtures';

const dirs: string[] = [];
function dataDirWith(config: Record<string, unknown> | null): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-hospital-desk-'));
  dirs.push(dir);
  if (config) fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}
const start = (dataDir: string) => createApp({ dataDir, mode: 'browser', devices: defaultDeviceFactories() });
const failure = (p: Promise<App>) =>
  p.then(
    async (a) => (await a.close(), null),
    (e: Error) => e,
  );

let app: App;
beforeAll(async () => {
  app = await start(dataDirWith({ profile: 'hospital', site: { hospitalCode: 'H99010100001' } }));
}, 60_000);
afterAll(async () => {
  await app?.close();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('hospital 医保办 desk', () => {
  it('gives the renderer its profile, its own hospital and that hospital’s doctors', async () => {
    const desk = await call(app.handlers, 'catalogues.deskHospital', {});
    expect(desk).toMatchObject({ code: 'H99010100001', profile: 'hospital', hospital: { code: 'H99010100001', name: '示例市第一人民医院' } });
    expect(desk.doctors).toEqual(DoctorCatalogue.load().of('H99010100001'));
    expect(desk.doctors[0]).toEqual({ code: 'D990101001', name: '王建国' });
  });

  it('accepts a 特门 case filled with the desk’s defaults', async () => {
    const desk = await call(app.handlers, 'catalogues.deskHospital', {});
    const input = await sampleSpecialDiseaseInput(app, {
      hospitalCode: desk.hospital!.code,
      hospitalName: desk.hospital!.name,
      doctorCode: desk.doctors[0].code,
      doctorName: desk.doctors[0].name,
    });
    const out = await call(app.handlers, 'cases.accept', input);
    expect(out.outcome).toBe('accepted');
  });

  it('a hall counter with the same hospital code offers no doctors', async () => {
    const counter = await start(dataDirWith({ site: { hospitalCode: 'H99010100001' } }));
    try {
      expect(await call(counter.handlers, 'catalogues.deskHospital', {})).toMatchObject({ profile: 'counter', code: 'H99010100001', doctors: [] });
    } finally {
      await counter.close();
    }
  }, 60_000);

  it('refuses to start without its hospital code, in Chinese', async () => {
    const err = await failure(start(dataDirWith({ profile: 'hospital' })));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).toContain('site.hospitalCode');
    expect(err!.message).toContain('须先在“站点”中填写本院定点医疗机构编码');
  }, 60_000);

  it('refuses to start with a hospital the catalogue does not know', async () => {
    const err = await failure(start(dataDirWith({ profile: 'hospital', site: { hospitalCode: 'H00000000000' } })));
    expect(err).toBeInstanceOf(ConfigError);
    expect(err!.message).toContain('本院编码 H00000000000 不在医疗机构目录中');
  }, 60_000);

  it('refuses an unknown profile with the three names', async () => {
    const err = await failure(start(dataDirWith({ profile: 'clinic' })));
    expect(err!.message).toContain('profile 应为 counter（政务大厅柜台）、hospital（医院医保办）或 kiosk（自助终端）');
  }, 60_000);
});
