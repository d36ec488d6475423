/**
 * A self-service kiosk serves whoever stands at it, so it may look up — and file for — only the person whose
 * card it has just read: the ID card or 社保卡 in its reader (or a 医保电子凭证 the person shows, a one-time
 * token only they hold). Typing someone else's ID number into a kiosk gets nothing, and a case can only be
 * filed for the person the kiosk looked up. The scope belongs to the kiosk's connection and lapses after the
 * idle time (a kiosk does not lock itself; its customer changes).
 * The same scope holds the kiosk's benefits read to that person, and its receipt print and 好差评 request to the
 * case it just filed; kiosk.end (the citizen left: idle timeout or card taken away) forgets it at once.
 * Wraps the handlers involved; every other role passes through untouched.
 */
import type { PersonLookup } from '../contract/features/platform';
import { AppError } from '../contract/errors';
import { AUTH_ERROR } from '../contract/features/auth';
import type { Caller } from './caller';
import type { Handlers } from './dispatch';

interface Scope {
  /** certType → the number the card read gave (02 ID number / 社保号码, 03 社保卡 card number). */
  certNos: Map<string, string>;
  /** 社保卡 卡识别码, which a 03 lookup must carry. */
  cardSn?: string;
  /** The person the last in-scope lookup found. */
  psnNo?: string;
  /** The case the kiosk filed for them: the only receipt it prints and the only case it asks a rating for. */
  caseNo?: string;
  at: number;
}

const NOT_IN_SCOPE = '自助终端只能查询刚刚读取的证件本人：请先在本机读取身份证或社保卡';
const NOT_LOOKED_UP = '自助终端只能为刚刚读卡查询的本人办理：请先读卡并查询参保信息';
const NOT_FILED_HERE = '自助终端只能打印和评价本次自助办理的办件';

export function withKioskScope(handlers: Handlers, clock: () => Date, ttlMs: number): Handlers {
  const scopes = new WeakMap<Caller, Scope>();
  const isKiosk = (c: Caller) => c.operator?.role === 'kiosk';
  const now = () => clock().getTime();
  const fresh = (c: Caller): Scope | undefined => {
    const s = scopes.get(c);
    if (!s || now() - s.at > ttlMs) return undefined;
    s.at = now();
    return s;
  };
  const refuse = (message: string) => new AppError(AUTH_ERROR.forbidden, message);

  return {
    ...handlers,
    'idCard.read': async (input, caller) => {
      const identity = await handlers['idCard.read'](input, caller);
      if (isKiosk(caller)) scopes.set(caller, { certNos: new Map([['02', identity.idNumber]]), at: now() });
      return identity;
    },
    'sscard.read': async (input, caller) => {
      const card = await handlers['sscard.read'](input, caller);
      if (isKiosk(caller)) {
        scopes.set(caller, { certNos: new Map([['03', card.cardNumber], ['02', card.ssn]]), cardSn: card.cardId, at: now() });
      }
      return card;
    },
    'person.lookup': async (input, caller) => {
      if (!isKiosk(caller)) return handlers['person.lookup'](input, caller);
      let scope = fresh(caller);
      if (input.certType === '01') {
        scope = { certNos: new Map([['01', input.certNo]]), at: now() };
      } else {
        const matches = scope?.certNos.get(input.certType) === input.certNo && (input.certType !== '03' || input.cardSn === scope?.cardSn);
        if (!scope || !matches) throw refuse(NOT_IN_SCOPE);
      }
      const result: PersonLookup = await handlers['person.lookup'](input, caller);
      scopes.set(caller, { ...scope, psnNo: result.person.psn_no, at: now() });
      return result;
    },
    'kiosk.benefits': async (input, caller) => {
      if (isKiosk(caller) && fresh(caller)?.psnNo !== input.psnNo) throw refuse(NOT_LOOKED_UP);
      return handlers['kiosk.benefits'](input, caller);
    },
    'cases.accept': async (input, caller) => {
      if (!isKiosk(caller)) return handlers['cases.accept'](input, caller);
      const scope = fresh(caller);
      if (scope?.psnNo !== input.psnNo) throw refuse(NOT_LOOKED_UP);
      const outcome = await handlers['cases.accept'](input, caller);
      if (outcome.outcome === 'accepted') scope.caseNo = outcome.receipt.caseNo;
      return outcome;
    },
    'printer.printReceipt': async (input, caller) => {
      if (isKiosk(caller) && (!fresh(caller)?.caseNo || fresh(caller)?.caseNo !== input.caseNumber)) throw refuse(NOT_FILED_HERE);
      return handlers['printer.printReceipt'](input, caller);
    },
    'rating.request': async (input, caller) => {
      if (isKiosk(caller) && (!fresh(caller)?.caseNo || fresh(caller)?.caseNo !== input.caseNo)) throw refuse(NOT_FILED_HERE);
      return handlers['rating.request'](input, caller);
    },
    'kiosk.end': async (input, caller) => {
      scopes.delete(caller);
      return handlers['kiosk.end'](input, caller);
    },
  };
}
