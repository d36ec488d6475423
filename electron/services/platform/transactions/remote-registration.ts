/**
 * 异地就医备案 (province-defined): register, cancel and query. Callers use the canonical names and the type
 * vocabulary of contract/vocabulary/remote-registration; the profile maps them to the province's codes and fields.
 */
import type { RemoteRegType } from '../../../contract/vocabulary/remote-registration';
import type { CallOptions, PlatformClient } from '../client';
import { attachmentField } from './file-upload';
import { fromWire, toWire } from '../field-map';
import { PlatformInputError, pickList, pickString, withPsn, type Done } from './shared';

export interface RemoteRegistrationInput {
  psnNo: string;
  insutype: string;
  regType: RemoteRegType;
  /** 就医地 region (GB/T 2260). */
  targetAdmdvs: string;
  targetHospitalCode?: string;
  targetHospitalName?: string;
  begndate: string;
  enddate?: string;
  tel: string;
  addr: string;
  /** Filed under 承诺制 (a signed promise instead of residence proof). */
  promise: boolean;
  memo?: string;
  /** Our 办件编号 (profile field caseNo): the query returns it, proving a found record is ours. */
  caseNo?: string;
}

export interface RemoteRegistrationRecord {
  regSn: string;
  psnNo: string;
  insutype: string;
  regType: RemoteRegType | null;
  targetAdmdvs: string;
  begndate: string;
  enddate: string;
  valid: boolean;
  caseNo: string;
}

function regTypeCode(client: PlatformClient, t: RemoteRegType): string {
  const code = client.profile.remoteRegistration.typeCodes[t];
  if (!code) throw new PlatformInputError(`未知的异地备案类型: ${t}`);
  return code;
}

export async function remoteRegistration(
  client: PlatformClient,
  input: RemoteRegistrationInput & { insuplcAdmdvs?: string; fileQuryNos?: readonly string[] },
  opts?: CallOptions,
): Promise<Done<{ regSn: string }>> {
  const p = client.profile.remoteRegistration;
  const wire = toWire(p.fields, {
    psnNo: input.psnNo,
    insutype: input.insutype,
    regType: regTypeCode(client, input.regType),
    targetAdmdvs: input.targetAdmdvs,
    targetHospitalCode: input.targetHospitalCode ?? '',
    targetHospitalName: input.targetHospitalName ?? '',
    begndate: input.begndate,
    enddate: input.enddate ?? '',
    tel: input.tel,
    addr: input.addr,
    promise: input.promise ? '1' : '0',
    memo: input.memo ?? '',
    caseNo: input.caseNo,
  });
  const reply = await client.call(p.codes.register, { ...wire, ...attachmentField(client.profile, input.fileQuryNos) }, withPsn(opts, input.insuplcAdmdvs));
  return { msgid: reply.msgid, result: { regSn: pickString(reply.output, p.resultNode, p.fields.regSn, p.codes.register) } };
}

export async function remoteRegistrationCancel(
  client: PlatformClient,
  input: { psnNo: string; regSn: string; memo?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<Done<null>> {
  const p = client.profile.remoteRegistration;
  const wire = toWire(p.fields, { psnNo: input.psnNo, regSn: input.regSn, memo: input.memo ?? '' });
  const reply = await client.call(p.codes.cancel, wire, withPsn(opts, input.insuplcAdmdvs));
  return { msgid: reply.msgid, result: null };
}

/** The province's 备案 query, narrowed by type and start date (the business key). */
export async function queryRemoteRegistrations(
  client: PlatformClient,
  input: { psnNo: string; regType?: RemoteRegType; begndate?: string; insuplcAdmdvs?: string },
  opts?: CallOptions,
): Promise<RemoteRegistrationRecord[]> {
  const p = client.profile.remoteRegistration;
  const wire = toWire(p.fields, {
    psnNo: input.psnNo,
    regType: input.regType ? regTypeCode(client, input.regType) : '',
    begndate: input.begndate ?? '',
  });
  const reply = await client.call(p.codes.query, wire, withPsn(opts, input.insuplcAdmdvs));
  const byCode = new Map(Object.entries(p.typeCodes).map(([k, v]) => [v, k as RemoteRegType]));
  return pickList(reply.output, p.listNode)
    .map((row) => {
      const r = fromWire(p.fields, row);
      return {
        regSn: String(r.regSn ?? ''),
        psnNo: String(r.psnNo ?? input.psnNo),
        insutype: String(r.insutype ?? ''),
        regType: byCode.get(String(r.regType ?? '')) ?? null,
        targetAdmdvs: String(r.targetAdmdvs ?? ''),
        begndate: String(r.begndate ?? ''),
        enddate: String(r.enddate ?? ''),
        valid: String(r.status ?? '') === '1',
        caseNo: String(r.caseNo ?? ''),
      };
    })
    .filter((r) => (!input.regType || r.regType === input.regType) && (!input.begndate || r.begndate === input.begndate));
}
