/** The 门诊慢特病 disease catalogue (resources/catalogues/diseases.json), with pinyin initials for search. */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { pinyinInitials } from '../catalogues/pinyin-initials';

export interface Disease {
  code: string;
  name: string;
  initials: string;
}

const CatalogueFile = z.object({ diseases: z.array(z.object({ code: z.string().min(1), name: z.string().min(1) })).min(1) });

export function diseaseCataloguePath(resourcesRoot = path.resolve(__dirname, '../../..')): string {
  return path.join(resourcesRoot, 'resources', 'catalogues', 'diseases.json');
}

export function loadDiseaseCatalogue(file = diseaseCataloguePath()): Disease[] {
  const parsed = CatalogueFile.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`病种目录 ${file} 格式不正确`);
  return parsed.data.diseases.map((d) => ({ code: d.code, name: d.name, initials: pinyinInitials(d.name) }));
}
