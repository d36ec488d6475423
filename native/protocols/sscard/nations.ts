/** GB 3304 民族 code → full name (e.g. "01" → "汉族"), from the shared catalogue resources/catalogues/nations.json. */
import catalogue from '../../../resources/catalogues/nations.json';

const FULL_NAMES = new Map<string, string>(catalogue.nations.map((n: { code: string; fullName: string }) => [n.code, n.fullName]));

export function nationName(code: string): string | undefined {
  return FULL_NAMES.get(code);
}
