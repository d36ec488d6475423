/** 2601 冲正: reverse an earlier transaction by its msgid (e.g. after an unknown outcome). */
import type { CallOptions, PlatformClient } from '../client';
import { withPsn, type Done } from './shared';

export async function reverse(
  client: PlatformClient,
  input: { psn_no: string; omsgid: string; oinfno: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<null>> {
  const reply = await client.call('2601', { psn_no: input.psn_no, omsgid: input.omsgid, oinfno: input.oinfno }, withPsn(opts, input.insuplcAdmdvs));
  return { msgid: reply.msgid, result: null };
}
