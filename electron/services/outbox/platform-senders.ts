/**
 * The senders the uploader uses against the real platform client: each kind's filing transaction and
 * the query that finds it again by business key (5301 for 特门, the profile's query codes otherwise).
 */
import type { CaseRecord } from '../cases/case-store';
import type { PlatformClient } from '../platform/client';
import { queryReimbursements, reimbursement, reimbursementCancel } from '../platform/transactions/reimbursement';
import { queryRemoteRegistrations, remoteRegistration, remoteRegistrationCancel } from '../platform/transactions/remote-registration';
import { cancelSpecialDisease, querySpecialDisease, registerSpecialDisease } from '../platform/transactions/special-disease';
import {
  CancelPayload,
  ReimbursementPayload,
  RemoteRegistrationPayload,
  SpecialDiseasePayload,
} from './case-payloads';
import { attemptOptions, NotOurs, type CaseSender, type SendContext } from './platform-port';
import type { SenderRegistry } from './uploader';

function registrationResult(ctx: SendContext, field: string): string {
  const v = ctx.registration?.result?.[field];
  if (typeof v !== 'string' || !v) throw new Error(`原办件尚无平台流水号 (${field})，无法撤销`);
  return v;
}

const insuplc = (c: CaseRecord) => c.insuplcAdmdvs ?? undefined;

/**
 * Of the valid records a query found for our business key, ours is the one carrying our 办件编号. Any other
 * valid one means the business was already done elsewhere (a hospital, another office): not ours.
 */
function ownRecord<R extends { valid: boolean; caseNo: string }>(c: CaseRecord, rows: R[], foreign: (r: R) => string): R | NotOurs | null {
  const valid = rows.filter((r) => r.valid);
  const mine = valid.find((r) => r.caseNo === c.caseNo);
  if (mine) return mine;
  return valid.length > 0 ? new NotOurs(foreign(valid[0])) : null;
}

const elsewhere = (r: { caseNo: string }) => (r.caseNo ? `办件编号 ${r.caseNo}` : '非本系统办理');

export function platformSenders(client: PlatformClient): SenderRegistry {
  const specialDisease: CaseSender = {
    async send(ctx, c) {
      const p = SpecialDiseasePayload.parse(c.payload);
      const r = await registerSpecialDisease(client, { ...p, psn_no: c.psnNo, insuplcAdmdvs: insuplc(c), caseNo: c.caseNo, fileQuryNos: ctx.fileQuryNos }, attemptOptions(ctx));
      return r.result;
    },
    async query(ctx, c) {
      const p = SpecialDiseasePayload.parse(c.payload);
      const rows = await querySpecialDisease(
        client,
        { psn_no: c.psnNo, opsp_dise_code: p.opsp_dise_code, begndate: p.begndate, insuplcAdmdvs: insuplc(c) },
        attemptOptions(ctx),
      );
      const hit = ownRecord(
        c,
        rows.map((r) => ({ ...r, valid: r.vali_flag === '1' })),
        (r) => `平台已有该人员的${p.opsp_dise_name}备案 (${r.trt_dcla_detl_sn}，${elsewhere(r)})，不是本办件提交的，可能已由医院或其他经办点办理，请人工核实`,
      );
      return hit === null || hit instanceof NotOurs ? hit : { trt_dcla_detl_sn: hit.trt_dcla_detl_sn };
    },
  };

  const specialDiseaseCancel: CaseSender = {
    async send(ctx, c) {
      const sn = registrationResult(ctx, 'trt_dcla_detl_sn');
      const p = CancelPayload.parse(c.payload);
      await cancelSpecialDisease(client, { psn_no: c.psnNo, trt_dcla_detl_sn: sn, memo: p.memo, insuplcAdmdvs: insuplc(c) }, attemptOptions(ctx));
      return { cancelled: sn };
    },
    async query(ctx, c) {
      const sn = registrationResult(ctx, 'trt_dcla_detl_sn');
      // Narrowed to the registration's own key, so the platform need not list the person's whole history.
      const reg = SpecialDiseasePayload.safeParse(ctx.registration?.payload);
      const key = reg.success ? { opsp_dise_code: reg.data.opsp_dise_code, begndate: reg.data.begndate } : {};
      const rows = await querySpecialDisease(client, { psn_no: c.psnNo, ...key, insuplcAdmdvs: insuplc(c) }, attemptOptions(ctx));
      return rows.some((r) => r.trt_dcla_detl_sn === sn && r.vali_flag !== '1') ? { cancelled: sn } : null;
    },
  };

  const remote: CaseSender = {
    async send(ctx, c) {
      const p = RemoteRegistrationPayload.parse(c.payload);
      const r = await remoteRegistration(client, { ...p, psnNo: c.psnNo, insuplcAdmdvs: insuplc(c), caseNo: c.caseNo, fileQuryNos: ctx.fileQuryNos }, attemptOptions(ctx));
      return r.result;
    },
    async query(ctx, c) {
      const p = RemoteRegistrationPayload.parse(c.payload);
      const rows = await queryRemoteRegistrations(
        client,
        { psnNo: c.psnNo, regType: p.regType, begndate: p.begndate, insuplcAdmdvs: insuplc(c) },
        attemptOptions(ctx),
      );
      const hit = ownRecord(
        c,
        rows,
        (r) => `平台已有该人员同类型的异地就医备案 (${r.regSn}，${elsewhere(r)})，不是本办件提交的，请人工核实`,
      );
      return hit === null || hit instanceof NotOurs ? hit : { regSn: hit.regSn };
    },
  };

  const remoteCancel: CaseSender = {
    async send(ctx, c) {
      const sn = registrationResult(ctx, 'regSn');
      const p = CancelPayload.parse(c.payload);
      await remoteRegistrationCancel(client, { psnNo: c.psnNo, regSn: sn, memo: p.memo, insuplcAdmdvs: insuplc(c) }, attemptOptions(ctx));
      return { cancelled: sn };
    },
    async query(ctx, c) {
      const sn = registrationResult(ctx, 'regSn');
      const rows = await queryRemoteRegistrations(client, { psnNo: c.psnNo, insuplcAdmdvs: insuplc(c) }, attemptOptions(ctx));
      return rows.some((r) => r.regSn === sn && !r.valid) ? { cancelled: sn } : null;
    },
  };

  const claim: CaseSender = {
    async send(ctx, c) {
      const p = ReimbursementPayload.parse(c.payload);
      const r = await reimbursement(client, { ...p, psnNo: c.psnNo, insuplcAdmdvs: insuplc(c), caseNo: c.caseNo, fileQuryNos: ctx.fileQuryNos }, attemptOptions(ctx));
      return r.result;
    },
    async query(ctx, c) {
      const p = ReimbursementPayload.parse(c.payload);
      const inv = p.invoices[0];
      const rows = await queryReimbursements(client, { invoiceCode: inv.code, invoiceNo: inv.no }, attemptOptions(ctx));
      // Same invoice, another 办件编号: another office (or workstation) reimbursed it — never count it as ours.
      const hit = ownRecord(c, rows, (r) => `该票据已在其他经办点报销 (票据 ${inv.code}/${inv.no}，报销流水号 ${r.claimSn}，${elsewhere(r)})`);
      return hit === null || hit instanceof NotOurs ? hit : { claimSn: hit.claimSn };
    },
  };

  const claimCancel: CaseSender = {
    async send(ctx, c) {
      const sn = registrationResult(ctx, 'claimSn');
      const p = CancelPayload.parse(c.payload);
      await reimbursementCancel(client, { psnNo: c.psnNo, claimSn: sn, memo: p.memo, insuplcAdmdvs: insuplc(c) }, attemptOptions(ctx));
      return { cancelled: sn };
    },
    async query(ctx, c) {
      const sn = registrationResult(ctx, 'claimSn');
      const rows = await queryReimbursements(client, { psnNo: c.psnNo, insuplcAdmdvs: insuplc(c) }, attemptOptions(ctx));
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
