/**
 * 门诊慢特病 2503 / 2504 / 5301: a disease from the 统筹区 catalogue, no overlapping valid registration for the
 * same disease, cancellation of a valid one only; the query returns the registering office's 办件编号.
 */
import { diseaseHeldRule } from '../../../../contract/rules/person-rules';
import { date, insuredPerson, Refusal, text, type Handler } from './handler';
import { cancelRecord, findRecords, insertRecord, nextSn, overlappingValid } from './records';

const registerSpecialDisease: Handler = (ctx) => {
  const n = ctx.node;
  const psnNo = text(n, 'psn_no');
  const insutype = text(n, 'insutype');
  insuredPerson(ctx, psnNo, insutype);
  const code = text(n, 'opsp_dise_code');
  const name = text(n, 'opsp_dise_name');
  const known = ctx.diseases.get(code);
  if (!known) throw new Refusal(`慢特病病种编码 ${code} 不在本统筹区病种目录中`);
  if (known !== name) throw new Refusal(`病种名称“${name}”与编码 ${code} (${known}) 不符`);
  for (const f of ['ide_fixmedins_no', 'ide_fixmedins_name', 'diag_dr_codg', 'diag_dr_name']) text(n, f);
  date(n, 'hosp_ide_date');
  const begndate = date(n, 'begndate');
  const enddate = date(n, 'enddate', false);
  if (enddate && enddate < begndate) throw new Refusal('结束日期不能早于开始日期');
  const held = overlappingValid(ctx.db, 'special-disease', psnNo, code, begndate, enddate).map((r) => ({ ref: r.sn, begndate: r.begndate, enddate: r.enddate }));
  const dup = diseaseHeldRule({ code, name: known }, { begndate, enddate }, held);
  if (dup) throw new Refusal(dup.message);
  const sn = nextSn(ctx.db, 'MT', ctx.now);
  const data = { ...n, trt_dcla_detl_sn: sn };
  insertRecord(ctx, { sn, kind: 'special-disease', psn_no: psnNo, insutype, key1: code, key2: '', begndate, enddate }, data);
  return { psnNo, recordSn: sn, output: { result: { trt_dcla_detl_sn: sn } } };
};

const cancelSpecialDisease: Handler = (ctx) => {
  const psnNo = text(ctx.node, 'psn_no');
  insuredPerson(ctx, psnNo);
  cancelRecord(ctx, 'special-disease', text(ctx.node, 'trt_dcla_detl_sn'), psnNo, '慢特病备案');
  return { psnNo, output: {} };
};

const querySpecialDisease: Handler = (ctx) => {
  const psnNo = text(ctx.node, 'psn_no');
  insuredPerson(ctx, psnNo);
  const code = text(ctx.node, 'opsp_dise_code', false);
  const begn = date(ctx.node, 'begndate', false);
  const rows = findRecords(ctx.db, 'special-disease', psnNo, code, begn);
  const feedetail = rows.map((r) => {
    const d = JSON.parse(r.json) as Record<string, unknown>;
    return {
      trt_dcla_detl_sn: r.sn,
      psn_no: r.psn_no,
      insutype: r.insutype,
      opsp_dise_code: r.key1,
      opsp_dise_name: d.opsp_dise_name,
      begndate: r.begndate,
      enddate: r.enddate,
      ide_fixmedins_no: d.ide_fixmedins_no,
      ide_fixmedins_name: d.ide_fixmedins_name,
      vali_flag: r.status === 'valid' ? '1' : '0',
      [ctx.profile.specialDisease.caseNoField]: d[ctx.profile.specialDisease.caseNoField] ?? '',
    };
  });
  return { psnNo, output: { feedetail } };
};

export const specialDiseaseHandlers: Record<string, Handler> = {
  '2503': registerSpecialDisease,
  '2504': cancelSpecialDisease,
  '5301': querySpecialDisease,
};
