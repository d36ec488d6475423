/**
 * 异地就医备案 (profile-mapped codes and fields) with the desk's own acceptance rules
 * (contract/rules/remote-registration-rules.ts, same functions, same words): 异地安置退休 only for retirees,
 * the 就医地 outside the 参保地's 统筹区, 临时备案 at least the profile's months (empty end date: exactly
 * that), 长期备案 open-ended, 补办 within the window; one valid long-term registration per person, changed
 * or cancelled only after the profile's minimum months; temporary ones unique per type, target and window.
 */
import { cstDate } from '../../../../contract/rules/calendar-dates';
import type { RuleRefusal } from '../../../../contract/rules/rule-refusal';
import {
  longTermChangeRule,
  longTermOpenEndedRule,
  longTermStandingRule,
  outsidePoolingAreaRule,
  retiredOnlyRule,
  retroactiveWindowRule,
  temporaryMinimumRule,
} from '../../../../contract/rules/remote-registration-rules';
import { isRetiredPsnType } from '../../../../contract/vocabulary/insurance-status';
import { isLongTermRegType, LONG_TERM_REG_TYPES } from '../../../../contract/vocabulary/remote-registration';
import { poolingAreaCode } from '../../../catalogues/regions';
import { cachedStatement as st } from '../../../store/statement-cache';
import { toWire } from '../../field-map';
import type { ProvinceProfile } from '../../profile';
import type { RecordRow } from '../store';
import { addMonths, admdvs, date, insuredPerson, Refusal, text, type Handler } from './handler';
import { cancelRecord, findRecords, insertRecord, nextSn, overlappingValid, recordOf } from './records';

const VALID_LONG_TERM_SQL = `SELECT * FROM records WHERE kind = 'remote-registration' AND psn_no = ? AND key1 IN (${LONG_TERM_REG_TYPES.map((t) => `'${t}'`).join(', ')}) AND status = 'valid' LIMIT 1`;

export function remoteRegistrationHandlers(profile: ProvinceProfile): Record<string, Handler> {
  const p = profile.remoteRegistration;
  const typeByCode = new Map(Object.entries(p.typeCodes).map(([k, v]) => [v, k]));
  const F = p.fields;
  const register: Handler = (ctx) => {
    const n = ctx.node;
    const psnNo = text(n, F.psnNo);
    const insutype = text(n, F.insutype);
    const person = insuredPerson(ctx, psnNo, insutype);
    const typeCode = text(n, F.regType);
    const type = typeByCode.get(typeCode);
    if (!type) throw new Refusal(`异地备案类型代码 ${typeCode} 无效`);
    const target = admdvs(n, F.targetAdmdvs);
    const insurance = person.insuinfo.find((i) => i.insutype === insutype)!;
    text(n, F.tel);
    text(n, F.addr);
    const begndate = date(n, F.begndate);
    let enddate = date(n, F.enddate, false);
    if (enddate && enddate < begndate) throw new Refusal('结束日期不能早于开始日期');
    const today = cstDate(ctx.now); // the desk's 'today' too (China time)
    const longTerm = isLongTermRegType(type);
    const existing = longTerm ? (st(ctx.db, VALID_LONG_TERM_SQL).get(psnNo) as RecordRow | undefined) : undefined;
    refuseIf(
      retiredOnlyRule(type, isRetiredPsnType(insurance.psn_type)),
      outsidePoolingAreaRule(insurance.insuplc_admdvs, target, poolingAreaCode),
      temporaryMinimumRule(type, begndate, enddate, p.temporaryMinMonths),
      longTermOpenEndedRule(type, enddate),
      retroactiveWindowRule(begndate, today, p.retroactiveDays),
      longTermChangeRule(type, existing ? { ref: existing.sn, begndate: existing.begndate } : null, today, p.longTermMinMonths),
    );
    if (!longTerm && !enddate) enddate = addMonths(begndate, p.temporaryMinMonths);
    const dup = longTerm ? undefined : overlappingValid(ctx.db, 'remote-registration', psnNo, type, begndate, enddate).find((r) => r.key2 === target);
    if (dup) throw new Refusal(`该人员已有相同的有效临时异地备案 (${dup.sn})`);
    const sn = nextSn(ctx.db, 'YD', ctx.now);
    insertRecord(ctx, { sn, kind: 'remote-registration', psn_no: psnNo, insutype, key1: type, key2: target, begndate, enddate }, n);
    return { psnNo, recordSn: sn, output: { [p.resultNode]: toWire(F, { regSn: sn, begndate, enddate }) } };
  };
  const cancel: Handler = (ctx) => {
    const psnNo = text(ctx.node, F.psnNo);
    insuredPerson(ctx, psnNo);
    const sn = text(ctx.node, F.regSn);
    const rec = recordOf(ctx.db, 'remote-registration', sn, psnNo);
    if (rec && rec.status === 'valid' && isLongTermRegType(rec.key1)) refuseIf(longTermStandingRule(rec.begndate, cstDate(ctx.now), p.longTermMinMonths));
    cancelRecord(ctx, 'remote-registration', sn, psnNo, '异地就医备案');
    return { psnNo, output: {} };
  };
  const query: Handler = (ctx) => {
    const psnNo = text(ctx.node, F.psnNo);
    insuredPerson(ctx, psnNo);
    const typeCode = text(ctx.node, F.regType, false);
    const type = typeCode ? typeByCode.get(typeCode) : undefined;
    if (typeCode && !type) throw new Refusal(`异地备案类型代码 ${typeCode} 无效`);
    const begn = date(ctx.node, F.begndate, false);
    const list = findRecords(ctx.db, 'remote-registration', psnNo, type ?? '', begn)
      .map((r) =>
        toWire(F, {
          regSn: r.sn,
          psnNo: r.psn_no,
          insutype: r.insutype,
          regType: p.typeCodes[r.key1 as keyof typeof p.typeCodes],
          targetAdmdvs: r.key2,
          begndate: r.begndate,
          enddate: r.enddate,
          status: r.status === 'valid' ? '1' : '0',
          caseNo: String((JSON.parse(r.json) as Record<string, unknown>)[F.caseNo] ?? ''),
        }),
      );
    return { psnNo, output: { [p.listNode]: list } };
  };
  return { [p.codes.register]: register, [p.codes.cancel]: cancel, [p.codes.query]: query };
}

/** The first rule broken, as the platform answers it (infcode -1 with the rule's words). */
function refuseIf(...refusals: Array<RuleRefusal | null>): void {
  const first = refusals.find((r) => r !== null);
  if (first) throw new Refusal(first.message);
}
