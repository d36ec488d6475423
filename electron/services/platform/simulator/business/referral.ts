/** 转院备案 2501 / 2502: one valid referral to the same hospital per overlapping window; cancel a valid one. */
import { admdvs, date, insuredPerson, Refusal, text, type Handler } from './handler';
import { cancelRecord, insertRecord, nextSn, overlappingValid } from './records';

const registerReferral: Handler = (ctx) => {
  const n = ctx.node;
  const psnNo = text(n, 'psn_no');
  const insutype = text(n, 'insutype');
  insuredPerson(ctx, psnNo, insutype);
  for (const f of ['diag_code', 'diag_name', 'reflin_medins_no', 'reflin_medins_name', 'refl_type', 'refl_rea', 'refl_opnn']) text(n, f);
  admdvs(n, 'mdtrtarea_admdvs');
  date(n, 'refl_date');
  const begndate = date(n, 'begndate');
  const enddate = date(n, 'enddate');
  if (enddate < begndate) throw new Refusal('结束日期不能早于开始日期');
  const hosp = text(n, 'reflin_medins_no');
  const dup = overlappingValid(ctx.db, 'referral', psnNo, hosp, begndate, enddate)[0];
  if (dup) throw new Refusal(`该人员已存在转往该医院的有效转院备案 (${dup.sn})`);
  const sn = nextSn(ctx.db, 'ZY', ctx.now);
  insertRecord(ctx, { sn, kind: 'referral', psn_no: psnNo, insutype, key1: hosp, key2: text(n, 'diag_code'), begndate, enddate }, n);
  return { psnNo, recordSn: sn, output: { result: { trt_dcla_detl_sn: sn } } };
};

const cancelReferral: Handler = (ctx) => {
  const psnNo = text(ctx.node, 'psn_no');
  insuredPerson(ctx, psnNo);
  cancelRecord(ctx, 'referral', text(ctx.node, 'trt_dcla_detl_sn'), psnNo, '转院备案');
  return { psnNo, output: {} };
};

export const referralHandlers: Record<string, Handler> = { '2501': registerReferral, '2502': cancelReferral };
