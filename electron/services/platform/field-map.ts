/**
 * Province field maps: the workstation speaks canonical field names, each province its own wire names.
 * The map (canonical → wire) comes from the profile; both directions live here.
 */
export type FieldMap<K extends string> = Record<K, string>;

/** Canonical object → wire object; undefined values are left out. */
export function toWire<K extends string>(map: FieldMap<K>, values: Partial<Record<K, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(values) as K[]) {
    const v = values[key];
    if (v === undefined) continue;
    const wireName = map[key];
    if (!wireName) throw new Error(`省份字段映射缺少 ${key}`);
    out[wireName] = v;
  }
  return out;
}

/** Wire object → canonical object (only the mapped fields present). */
export function fromWire<K extends string>(map: FieldMap<K>, wire: Record<string, unknown>): Partial<Record<K, unknown>> {
  const out: Partial<Record<K, unknown>> = {};
  for (const key of Object.keys(map) as K[]) {
    const name = map[key];
    if (Object.prototype.hasOwnProperty.call(wire, name)) out[key] = wire[name];
  }
  return out;
}
