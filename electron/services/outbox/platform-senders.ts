/**
 * The senders the uploader uses against the real platform client: each kind's filing transaction and
 * the query that finds it again by business key (5301 for 特门, the profile's query codes otherwise).
 */
import type { CaseRecord } from '../cases/case-store';
import type { PlatformClient } from '../platform/client';
import {
  cancelSpecialDisease,
  queryReimbursements,
  queryRemoteRegistrations,
  querySpecialDisease,
  registerSpecialDisease,
  reimbursement,
  reimbursementCancel,
  remoteRegistration,
  remoteRegistrationCancel,
} from '../platform/transactions';
import {
  CancelPayload,
  ReimbursementPayload,
  RemoteRegistrationPayload,
  SpecialDiseasePayload,
} from './case-payloads';
import type { CaseSender, SendContext } from './platform-port';
import type { SenderRegistry } from './uploader';

function registrationResult(ctx: SendContext, field: string): string {
  const v = ctx.registration?.result?.[field];
  if (typeof v !== 'string' || !v) throw new Error(`原办件尚无平台流水号 (${field})，无法撤销`);
  return v;
}

const insuplc = (c: CaseRecord) => c.insuplcAdmdvs ?? undefined;

export function platformSenders(client: PlatformClient): SenderRegistry {
  const specialDisease: CaseSender = {
    async send(ctx, c) {
      const p = SpecialDiseasePayload.parse(c.payload);
      const r = await registerSpecialDisease(client, { ...p, psn_no: c.psnNo, insuplcAdmdvs: insuplc(c) }, { msgid: ctx.msgid });
      return r.result;
    },
    async query(ctx, c) {
      const p = SpecialDiseasePayload.parse(c.payload);
      const rows = await querySpecialDisease(
        client,
        { psn_no: c.psnNo, opsp_dise_code: p.opsp_dise_code, begndate: p.begndate, insuplcAdmdvs: insuplc(c) },
        { msgid: ctx.msgid },
      );
      const hit = rows.find((r) => r.vali_flag === '1');
      return hit ? { trt_dcla_detl_sn: hit.trt_dcla_detl_sn } : null;
    },
  };

  const specialDiseaseCancel: CaseSender = {
    async send(ctx, c) {
      const sn = registrationResult(ctx, 'trt_dcla_detl_sn');
      const p = CancelPayload.parse(c.payload);
      await cancelSpecialDisease(client, { psn_no: c.psnNo, trt_dcla_detl_sn: sn, memo: p.memo, insuplcAdmdvs: insuplc(c) }, { msgid: ctx.msgid });
      return { cancelled: sn };
    },
    async query(ctx, c) {
      const sn = registrationResult(ctx, 'trt_dcla_detl_sn');
      const rows = await querySpecialDisease(client, { psn_no: c.psnNo, insuplcAdmdvs: insuplc(c) }, { msgid: ctx.msgid });
      return rows.some((r) => r.trt_dcla_detl_sn === sn && r.vali_flag !== '1') ? { cancelled: sn } : null;
    },
  };

  const remote: CaseSender = {
    async send(ctx, c) {
      const p = RemoteRegistrationPayload.parse(c.payload);
      const r = await remoteRegistration(client, { ...p, psnNo: c.psnNo, insuplcAdmdvs: insuplc(c) }, { msgid: ctx.msgid });
      return r.result;
    },
    async query(ctx, c) {
      const p = RemoteRegistrationPayload.parse(c.payload);
      const rows = await queryRemoteRegistrations(
        client,
        { psnNo: c.psnNo, regType: p.regType, begndate: p.begndate, insuplcAdmdvs: insuplc(c) },
        { msgid: ctx.msgid },
      );
      const hit = rows.find((r) => r.valid);
      return hit ? { regSn: hit.regSn } : null;
    },
  };

  const remoteCancel: CaseSender = {
    async send(ctx, c) {
      const sn = registrationResult(ctx, 'regSn');
      const p = CancelPayload.parse(c.payload);
      await remoteRegistrationCancel(client, { psnNo: c.psnNo, regSn: sn, memo: p.memo, insuplcAdmdvs: insuplc(c) }, { msgid: ctx.msgid });
      return { cancelled: sn };
    },
    async query(ctx, c) {
      const sn = registrationResult(ctx, 'regSn');
      const rows = await queryRemoteRegistrations(client, { psnNo: c.psnNo, insuplcAdmdvs: insuplc(c) }, { msgid: ctx.msgid });
      return rows.some((r) => r.regSn === sn && !r.valid) ? { cancelled: sn } : null;
    },
  };

  const claim: CaseSender = {
    async send(ctx, c) {
      const p = ReimbursementPayload.parse(c.payload);
      const r = await reimbursement(client, { ...p, psnNo: c.psnNo, insuplcAdmdvs: insuplc(c) }, { msgid: ctx.msgid });
      return r.result;
    },
    async query(ctx, c) {
      const p = ReimbursementPayload.parse(c.payload);
      const inv = p.invoices[0];
      const rows = await queryReimbursements(client, { invoiceCode: inv.code, invoiceNo: inv.no }, { msgid: ctx.msgid });
      const hit = rows.find((r) => r.valid && r.psnNo === c.psnNo);
      return hit ? { claimSn: hit.claimSn } : null;
    },
  };

  const claimCancel: CaseSender = {
    async send(ctx, c) {
      const sn = registrationResult(ctx, 'claimSn');
      const p = CancelPayload.parse(c.payload);
      await reimbursementCancel(client, { psnNo: c.psnNo, claimSn: sn, memo: p.memo, insuplcAdmdvs: insuplc(c) }, { msgid: ctx.msgid });
      return { cancelled: sn };
    },
    async query(ctx, c) {
      const sn = registrationResult(ctx, 'claimSn');
      const rows = await queryReimbursements(client, { psnNo: c.psnNo, insuplcAdmdvs: insuplc(c) }, { msgid: ctx.msgid });
      return rows.some((r) => r.claimSn === sn && !r.valid) ? { cancelled: sn } : null;
    },
  };

  return {
    'special-disease': specialDisease,
    'special-disease-cancel': specialDiseaseCancel,
    'remote-registration': remote,
    'remote-registration-cancel': remoteCancel,
    reimbursement: claim,
    'reimbursement-cancel': claimCancel,
  };
}
