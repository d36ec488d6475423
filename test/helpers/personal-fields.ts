/** Walks a zod schema for object keys that carry a person's data (used to prove every such method is audited). */
import type { z } from 'zod';

/**
 * Field names that name, identify or describe a person. Bare `name` is left out: catalogues use it for a
 * disease or a material; every contract shape with a person's `name` also carries an ID field listed here.
 */
export const PERSONAL_FIELDS = new Set([
  'psn_name', 'applicantName', 'idNumber', 'certno', 'certNo', 'ssn', 'cardId', 'cardNumber', 'psnNo', 'psn_no',
  'address', 'addr', 'tel', 'photo', 'birthDate', 'brdy', 'diseaseCode', 'caseNumber',
]);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  schema?: z.ZodType;
}

export function objectKeys(schema: z.ZodType, seen = new Set<z.ZodType>()): Set<string> {
  const keys = new Set<string>();
  const walk = (s: z.ZodType | undefined) => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    const def = (s as unknown as { _zod: { def: Def } })._zod.def;
    for (const [k, v] of Object.entries(def.shape ?? {})) {
      keys.add(k);
      walk(v);
    }
    for (const child of [def.element, def.innerType, def.valueType, def.in, def.out, def.left, def.right, def.schema]) walk(child);
    for (const o of def.options ?? []) walk(o);
  };
  walk(schema);
  return keys;
}

export function personalFieldsOf(schema: z.ZodType): string[] {
  return [...objectKeys(schema)].filter((k) => PERSONAL_FIELDS.has(k));
}
