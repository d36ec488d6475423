/**
 * What a clerk types, as the desk files it: NFKC first (full-width digits and letters, ideographic space,
 * full-width punctuation such as ．，－ become their ASCII forms), then per kind of field. Values are
 * normalised instead of refused; the schemas still check the result. Pure (no imports): renderer, contract
 * and host use the same functions.
 */

/** NFKC and trimmed. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').trim();
}

/**
 * An amount in 元: `１２３．５０` → `123.50`, `1,234.50` → `1234.50`, `¥ 12` → `12`, `12元` → `12`.
 * Thousands separators are dropped only where they are separators (groups of three digits), so `1,23`
 * stays as typed and the schema refuses it rather than the desk guessing.
 */
export function normalizeAmount(s: string): string {
  let t = normalizeText(s).replace(/^[¥￥]\s*/, '').replace(/ *元$/, '').replace(/ +/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, '');
  return t;
}

/**
 * A phone number: a mobile written with spaces, dashes or dots (`138-0013-8000`, `138 0013 8000`) or with
 * +86 becomes 11 digits; a fixed line keeps one dash after its area code (`010-12345678`, `0571 8888 1234`
 * → `0571-88881234`) when it has one.
 */
export function normalizePhone(s: string): string {
  const t = normalizeText(s);
  // Only the separators people write; anything else (letters, line breaks) stays for the schema to refuse.
  if (!/^[+(\d][\d \-.()]*$/.test(t)) return t;
  const digits = t.replace(/[ \-.()]/g, '').replace(/^(\+86|0086)(?=1\d{10}$)/, '');
  if (/^1\d{10}$/.test(digits) || /^\d+$/.test(t)) return digits;
  const fixed = /^\(?(0\d{2,3})\)?[ \-.]*(\d[\d \-.]*\d)$/.exec(t);
  if (fixed) {
    const local = fixed[2].replace(/[ \-.]/g, '');
    if (local.length >= 7 && local.length <= 8) return `${fixed[1]}-${local}`;
  }
  return t;
}

/** A code (票据代码, 机构编码, 医师编码 …): NFKC, no spaces at all, upper-case. */
export function normalizeCode(s: string): string {
  return normalizeText(s).replace(/ +/g, '').toUpperCase();
}

/** A number such as a percentage: NFKC, no spaces, `％`/`%` dropped. */
export function normalizeNumber(s: string): string {
  return normalizeText(s).replace(/ +/g, '').replace(/%$/, '');
}
