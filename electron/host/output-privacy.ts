/**
 * ID numbers leave the host masked unless the desk needs them in full. Decided per method here (applied to
 * the handlers in app.ts), not in each feature:
 * - person.lookup: `certno` masked for every role. The desk already holds the full number it asked with
 *   (from the card it read); the renderer matches the answer to the card by the masked form.
 * - idCard.read / sscard.read: full, for every role that may call them — it is the operator's own read of the
 *   card in front of them, and the full number is the 1101 lookup key and the receipt printer's input.
 * - receipts, notices, history, queue lists: carry no ID number (only idNumberMasked / 人员编号).
 * The audit row of a call is written from the full output (./audited-handlers masks what it keeps).
 */
import { maskIdNumber } from '../../shared/id-number';
import type { MethodName, MethodOutput } from '../contract/api';
import type { Caller } from './caller';
import type { Handlers } from './dispatch';

type OutputMask<M extends MethodName> = (output: MethodOutput<M>, caller: Caller) => MethodOutput<M>;

export const outputMasks: { [M in MethodName]?: OutputMask<M> } = {
  'person.lookup': (o) => ({ ...o, person: { ...o.person, certno: maskIdNumber(o.person.certno) } }),
};

export function withOutputPrivacy(handlers: Handlers): Handlers {
  const out: Record<string, unknown> = { ...handlers };
  for (const [method, mask] of Object.entries(outputMasks) as Array<[MethodName, OutputMask<MethodName>]>) {
    const handler = handlers[method] as (input: unknown, caller: Caller) => Promise<MethodOutput<MethodName>> | MethodOutput<MethodName>;
    out[method] = async (input: unknown, caller: Caller) => mask(await handler(input, caller), caller);
  }
  return out as Handlers;
}
