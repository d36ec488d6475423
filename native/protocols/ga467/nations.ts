/** GB 3304 nation codes (as printed on the ID card: "汉", not "汉族"). Data: resources/catalogues/nations.json. */
import catalogue from '../../../resources/catalogues/nations.json';

export interface Nation {
  code: string;
  name: string;
  fullName: string;
}

export const NATIONS: readonly Nation[] = catalogue.nations;

const BY_CODE = new Map(NATIONS.map((n) => [n.code, n]));

/** '01' → { name: '汉', … }; undefined for an unknown code. */
export function nationByCode(code: string): Nation | undefined {
  return BY_CODE.get(code);
}
