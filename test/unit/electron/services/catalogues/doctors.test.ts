/** The doctors' catalogue: the shipped file loads, lists each hospital's doctors in order, and a bad file is refused naming the field. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DoctorCatalogue } from '../../../../../electron/services/catalogues/doctors';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-doctors-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const fileWith = (content: unknown) => {
  const file = path.join(dir, `d${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, JSON.stringify(content));
  return file;
};

describe('DoctorCatalogue', () => {
  it('gives a hospital its doctors in the file’s order, and none to a hospital without a list', () => {
    const doctors = DoctorCatalogue.load();
    expect(doctors.of('H99010100001').map((d) => d.name)).toEqual(['王建国', '李秀英', '张伟']);
    expect(doctors.of('H99010300001')).toEqual([]);
  });

  it('hands out copies (a caller cannot change the catalogue)', () => {
    const doctors = DoctorCatalogue.load();
    doctors.of('H99010100001').pop();
    expect(doctors.of('H99010100001')).toHaveLength(3);
  });

  it.each([
    [{ format: 'counter-doctors/2', hospitals: {} }, 'format'],
    [{ format: 'counter-doctors/1', hospitals: { h1: [] } }, 'hospitals'],
    [{ format: 'counter-doctors/1', hospitals: { H1: [{ code: 'd-1', name: '甲' }] } }, 'hospitals.H1.0.code'],
    [{ format: 'counter-doctors/1', hospitals: { H1: [{ code: 'D1', name: ' ' }] } }, 'hospitals.H1.0.name'],
    [{ format: 'counter-doctors/1', hospitals: { H1: [{ code: 'D1', name: '甲', idNo: 'x' }] } }, 'hospitals.H1.0'],
  ])('refuses %j naming %s', (content, where) => {
    expect(() => DoctorCatalogue.load(fileWith(content))).toThrow(new RegExp(`^医师目录 .* 格式不正确：${where.replace(/\./g, '\\.')}`));
  });
});
