/** The shipped hospital catalogue: the simulator's demo hospitals, searched by name, code and pinyin initials. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HospitalCatalogue } from '../../../../../electron/services/catalogues/hospitals';
import { shippedRegionCatalogue } from '../../../../../electron/services/catalogues/regions';

const hospitals = HospitalCatalogue.load();

describe('hospital catalogue', () => {
  it('holds the hospitals the simulator fixtures use, with level and region', () => {
    expect(hospitals.lookup('H99010100001')).toEqual({ code: 'H99010100001', name: '示例市第一人民医院', level: '3', region: '990100', initials: 'SLSDYRMYY' });
    expect(hospitals.lookup('H11010500001')).toMatchObject({ name: '北京示例医院', region: '110105' });
    expect(hospitals.lookup('H44030000001')).toMatchObject({ name: '外省示例医院', region: '440300' });
    expect(hospitals.lookup('H00000000000')).toBeUndefined();
  });

  it('names real GB/T 2260 regions for hospitals outside the demo 统筹区', () => {
    const regions = shippedRegionCatalogue();
    for (const h of hospitals.hospitals.filter((x) => !x.region.startsWith('99'))) expect(regions.lookup(h.region), h.code).toBeDefined();
  });

  it('finds by code prefix (any case), pinyin initials and name', () => {
    expect(hospitals.search('h9901').map((h) => h.code)).toEqual(['H99010100001', 'H99010100002', 'H99010200001', 'H99010200002', 'H99010300001']);
    expect(hospitals.search('H99010100001').map((h) => h.code)).toEqual(['H99010100001']);
    expect(hospitals.search('slsz').map((h) => h.name)).toEqual(['示例市中医医院']);
    expect(hospitals.search('人民医院').map((h) => h.code)).toEqual(['H99010100001', 'H99010200001']);
    expect(hospitals.search('北京').map((h) => h.code)).toEqual(['H11010500001']);
  });

  it('finds nothing for blank or unmatched text and keeps to the limit', () => {
    expect(hospitals.search('  ')).toEqual([]);
    expect(hospitals.search('不存在的医院')).toEqual([]);
    expect(hospitals.search('sls', 2)).toHaveLength(2);
  });

  it('refuses a catalogue entry with a bad level, naming the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hospitals-'));
    const file = path.join(dir, 'hospitals.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'counter-hospitals/1', hospitals: [{ code: 'H1', name: '某院', level: '4', region: '110101' }] }));
    expect(() => HospitalCatalogue.load(file)).toThrow(/医疗机构目录 .* 格式不正确：hospitals\.0\.level/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
