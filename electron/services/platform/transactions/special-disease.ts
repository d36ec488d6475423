/**
 * 门诊慢特病 (national): 2503 备案, 2504 撤销, 5301 查询. Our 办件编号 travels in the profile's field so that
 * 5301 can prove a found record is ours.
 */
import type { CallOptions, PlatformClient } from '../client';
import { attachmentField } from './file-upload';
import { pickList, pickString, withPsn, type Done } from './shared';

export interface SpecialDiseaseRegistration {
  psn_no: string;
  insutype: string;
  opsp_dise_code: string;
  opsp_dise_name: string;
  tel: string;
  addr: string;
  insu_optins: string;
  ide_fixmedins_no: string;
  ide_fixmedins_name: string;
  /** yyyy-MM-dd */
  hosp_ide_date: string;
  diag_dr_codg: string;
  diag_dr_name: string;
  begndate: string;
  enddate: string;
}

/** 2503. `caseNo` (our 办件编号) travels in the profile's field so that 5301 can prove the record is ours. */
export async function registerSpecialDisease(
  client: PlatformClient,
  input: SpecialDiseaseRegistration & { insuplcAdmdvs?: string; caseNo?: string; fileQuryNos?: readonly string[] },
  opts?: CallOptions,
): Promise<Done<{ trt_dcla_detl_sn: string }>> {
  const { insuplcAdmdvs, caseNo, fileQuryNos, ...data } = input;
  const extra = { ...(caseNo ? { [client.profile.specialDisease.caseNoField]: caseNo } : {}), ...attachmentField(client.profile, fileQuryNos) };
  const reply = await client.call('2503', { ...data, ...extra }, withPsn(opts, insuplcAdmdvs));
  return { msgid: reply.msgid, result: { trt_dcla_detl_sn: pickString(reply.output, 'result', 'trt_dcla_detl_sn', '2503') } };
}

export async function cancelSpecialDisease(
  client: PlatformClient,
  input: { psn_no: string; trt_dcla_detl_sn: string; memo?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<null>> {
  const reply = await client.call(
    '2504',
    { trt_dcla_detl_sn: input.trt_dcla_detl_sn, psn_no: input.psn_no, memo: input.memo ?? '' },
    withPsn(opts, input.insuplcAdmdvs),
  );
  return { msgid: reply.msgid, result: null };
}

export interface SpecialDiseaseRecord {
  trt_dcla_detl_sn: string;
  psn_no: string;
  insutype: string;
  opsp_dise_code: string;
  opsp_dise_name: string;
  begndate: string;
  enddate: string;
  ide_fixmedins_no: string;
  ide_fixmedins_name: string;
  /** 1 valid, 0 cancelled. */
  vali_flag: string;
  /** The 办件编号 the registering office sent ('' when none came back). */
  caseNo: string;
}

/** 5301: a person's 慢特病 registrations, optionally narrowed to one disease and start date (the business key). */
export async function querySpecialDisease(
  client: PlatformClient,
  input: { psn_no: string; opsp_dise_code?: string; begndate?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<SpecialDiseaseRecord[]> {
  const reply = await client.call(
    '5301',
    { psn_no: input.psn_no, opsp_dise_code: input.opsp_dise_code ?? '', begndate: input.begndate ?? '' },
    withPsn(opts, input.insuplcAdmdvs),
  );
  return pickList(reply.output, 'feedetail')
    .map((r) => ({
      trt_dcla_detl_sn: String(r.trt_dcla_detl_sn ?? ''),
      psn_no: String(r.psn_no ?? input.psn_no),
      insutype: String(r.insutype ?? ''),
      opsp_dise_code: String(r.opsp_dise_code ?? ''),
      opsp_dise_name: String(r.opsp_dise_name ?? ''),
      begndate: String(r.begndate ?? ''),
      enddate: String(r.enddate ?? ''),
      ide_fixmedins_no: String(r.ide_fixmedins_no ?? ''),
      ide_fixmedins_name: String(r.ide_fixmedins_name ?? ''),
      vali_flag: String(r.vali_flag ?? ''),
      caseNo: String(r[client.profile.specialDisease.caseNoField] ?? ''),
    }))
    .filter((r) => (!input.opsp_dise_code || r.opsp_dise_code === input.opsp_dise_code) && (!input.begndate || r.begndate === input.begndate));
}
