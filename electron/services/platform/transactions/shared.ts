/**
 * What every transaction wrapper shares: the input error raised before anything is sent, the result shape
 * (the msgid the platform logged plus the parsed output), reading a reply's output nodes, and the 参保地
 * the envelope carries for a person.
 */
import type { CallOptions } from '../client';

/** Bad input caught before anything is sent. */
export class PlatformInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlatformInputError';
  }
}

export interface Done<T> {
  msgid: string;
  result: T;
}

export function pickString(output: unknown, node: string, field: string, infno: string): string {
  const n = (output as Record<string, unknown> | null | undefined)?.[node] as Record<string, unknown> | undefined;
  const v = n?.[field];
  if (typeof v !== 'string' && typeof v !== 'number') throw new PlatformInputError(`平台应答 (${infno}) 缺少 ${node}.${field}`);
  return String(v);
}

export function pickList(output: unknown, node: string): Record<string, unknown>[] {
  const v = (output as Record<string, unknown> | null | undefined)?.[node];
  return Array.isArray(v) ? (v.filter((x) => x && typeof x === 'object') as Record<string, unknown>[]) : [];
}

/** The call options with the person's 参保地 (insuplc_admdvs), unless the caller already chose one. */
export const withPsn = (opts: CallOptions | undefined, insuplcAdmdvs: string | undefined): CallOptions => ({
  ...opts,
  insuplcAdmdvs: opts?.insuplcAdmdvs ?? insuplcAdmdvs,
});
