/** 转院备案 (national): 2501 备案 and 2502 撤销. */
import type { CallOptions, PlatformClient } from '../client';
import { pickString, withPsn, type Done } from './shared';

export interface ReferralRegistration {
  psn_no: string;
  insutype: string;
  tel?: string;
  addr?: string;
  insu_optins?: string;
  diag_code: string;
  diag_name: string;
  dise_cond_dscr?: string;
  reflin_medins_no: string;
  reflin_medins_name: string;
  mdtrtarea_admdvs: string;
  hosp_agre_refl_flag?: string;
  refl_type: string;
  refl_date: string;
  refl_rea: string;
  refl_opnn: string;
  begndate: string;
  enddate: string;
}

export async function registerReferral(
  client: PlatformClient,
  input: ReferralRegistration & { insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<{ trt_dcla_detl_sn: string }>> {
  const { insuplcAdmdvs, ...data } = input;
  const reply = await client.call('2501', { ...data }, withPsn(opts, insuplcAdmdvs));
  return { msgid: reply.msgid, result: { trt_dcla_detl_sn: pickString(reply.output, 'result', 'trt_dcla_detl_sn', '2501') } };
}

export async function cancelReferral(
  client: PlatformClient,
  input: { psn_no: string; trt_dcla_detl_sn: string; memo?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<null>> {
  const reply = await client.call(
    '2502',
    { trt_dcla_detl_sn: input.trt_dcla_detl_sn, psn_no: input.psn_no, memo: input.memo ?? '' },
    withPsn(opts, input.insuplcAdmdvs),
  );
  return { msgid: reply.msgid, result: null };
}
