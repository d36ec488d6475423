/**
 * 异地就医备案 (profile-mapped codes and fields): the 就医地 must lie outside the 参保地's 统筹区; one valid
 * long-term registration per person, temporary ones (default six months) unique per type, target and window;
 * a long-term one may be cancelled only after the profile's minimum months.
 */
import { isLongTermRegType, LONG_TERM_REG_TYPES } from '../../../../contract/vocabulary/remote-registration';
import { cachedStatement as st } from '../../../store/statement-cache';
import { localDate } from '../../envelope';
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
    const home = person.insuinfo.find((i) => i.insutype === insutype)!.insuplc_admdvs;
    if (target.slice(0, 4) === home.slice(0, 4)) throw new Refusal('就医地与参保地属同一统筹区，无需办理异地就医备案');
    text(n, F.tel);
    text(n, F.addr);
    const begndate = date(n, F.begndate);
    let enddate = date(n, F.enddate, false);
    const longTerm = isLongTermRegType(type);
    if (!longTerm && !enddate) enddate = addMonths(begndate, 6);
    if (enddate && enddate < begndate) throw new Refusal('结束日期不能早于开始日期');
    const dup = longTerm
      ? (st(ctx.db, VALID_LONG_TERM_SQL).get(psnNo) as RecordRow | undefined)
      : overlappingValid(ctx.db, 'remote-registration', psnNo, type, begndate, enddate).find((r) => r.key2 === target);
    if (dup) throw new Refusal(longTerm ? `该人员已有有效的长期异地备案 (${dup.sn})，请先变更或撤销` : `该人员已有相同的有效临时异地备案 (${dup.sn})`);
    const sn = nextSn(ctx.db, 'YD', ctx.now);
    insertRecord(ctx, { sn, kind: 'remote-registration', psn_no: psnNo, insutype, key1: type, key2: target, begndate, enddate }, n);
    return { psnNo, recordSn: sn, output: { [p.resultNode]: toWire(F, { regSn: sn, begndate, enddate }) } };
  };
  const cancel: Handler = (ctx) => {
    const psnNo = text(ctx.node, F.psnNo);
    insuredPerson(ctx, psnNo);
    const sn = text(ctx.node, F.regSn);
    const rec = recordOf(ctx.db, 'remote-registration', sn, psnNo);
    if (rec && rec.status === 'valid' && isLongTermRegType(rec.key1) && localDate(ctx.now) < addMonths(rec.begndate, p.longTermMinMonths)) {
      throw new Refusal(`长期异地就医备案满${p.longTermMinMonths}个月后方可变更或撤销 (开始日期 ${rec.begndate})`);
    }
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
