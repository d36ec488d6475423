/**
 * The facts the acceptance rules (electron/contract/rules/acceptance-eligibility.ts) need about one case:
 * the person as 1101 last described them (the person cache), what this workstation already filed or holds
 * pending, and — when the platform answers — what the platform knows (5301 慢特病, the 备案 query, the 报销
 * query by invoice). When the platform cannot be asked, the rules run on local facts only and the case says
 * which platform facts went unchecked; the platform then checks them itself on upload with the same rules.
 */
import type { EligibilityFacts, EligibilityLimits, RemoteRegistrationFacts } from '../../contract/rules/acceptance-eligibility';
import type { ClaimedInvoice, HeldRegistration } from '../../contract/rules/person-rules';
import type { ServiceKind } from '../../contract/vocabulary/case-kinds';
import { isRetiredPsnType, NORMAL_INSURANCE_STATUS } from '../../contract/vocabulary/insurance-status';
import { isLongTermRegType } from '../../contract/vocabulary/remote-registration';
import { poolingAreaCode } from '../catalogues/regions';
import { PlatformError, type PlatformClient } from '../platform/client';
import { queryReimbursements } from '../platform/transactions/reimbursement';
import { queryRemoteRegistrations } from '../platform/transactions/remote-registration';
import { querySpecialDisease } from '../platform/transactions/special-disease';
import type { Person } from '../platform/transactions/person';
import type { Db } from '../store/database';
import { claimedInvoices } from './case-details';

/** A query at acceptance must not keep the citizen waiting like an upload may. */
const QUERY_TIMEOUT_MS = 5000;

export interface CaseUnderCheck {
  kind: ServiceKind;
  person: Person;
  insutype: string;
  insuplcAdmdvs: string;
  /** The platform payload the desk built (payload schemas in ../outbox/case-payloads.ts). */
  payload: Record<string, unknown>;
}

export interface GatheredFacts {
  facts: EligibilityFacts;
  /** Platform facts that could not be asked (platform unreachable), in Chinese; [] when all were checked. */
  unchecked: string[];
}

export interface EligibilityFactSources {
  db: Db;
  /** Absent or unreachable: local facts only. */
  client?: PlatformClient;
  limits: EligibilityLimits;
  today: string;
}

/** Local cases of one kind for the person that still stand (not cancelled, not refused by the platform). */
function standingPayloads(db: Db, kind: string, psnNo: string): Array<{ caseNo: string; payload: Record<string, unknown> }> {
  const rows = db
    .prepare(`SELECT case_no, payload FROM cases WHERE kind = ? AND psn_no = ? AND state NOT IN ('cancelled', 'needs-clerk') ORDER BY id`)
    .all(kind, psnNo) as Array<{ case_no: string; payload: string }>;
  return rows.map((r) => ({ caseNo: r.case_no, payload: JSON.parse(r.payload) as Record<string, unknown> }));
}

/** The platform's answer, or undefined when it cannot be reached (a business refusal of a query counts as unknown too). */
async function ask<T>(client: PlatformClient | undefined, query: (c: PlatformClient) => Promise<T>): Promise<T | undefined> {
  if (!client) return undefined;
  try {
    return await query(client);
  } catch (err) {
    if (err instanceof PlatformError) return undefined;
    throw err;
  }
}

export async function gatherEligibilityFacts(src: EligibilityFactSources, c: CaseUnderCheck): Promise<GatheredFacts> {
  const insurance = c.person.insuinfo.find((i) => i.insutype === c.insutype);
  const psnNo = c.person.psn_no;
  const opts = { insuplcAdmdvs: c.insuplcAdmdvs, timeoutMs: QUERY_TIMEOUT_MS };
  const unchecked: string[] = [];
  const facts: EligibilityFacts = {
    kind: c.kind,
    today: src.today,
    limits: src.limits,
    poolingArea: poolingAreaCode,
    insuranceStatus: insurance?.psn_insu_stas ?? '',
    retired: isRetiredPsnType(insurance?.psn_type ?? ''),
  };
  if (c.person.provisional) {
    // 临时受理: 参保状态 is unknown until 1101 answers; the outbox asks it before filing (outbox/provisional-check.ts).
    facts.insuranceStatus = NORMAL_INSURANCE_STATUS;
    unchecked.push('参保状态（临时受理，上报前由平台1101核验）');
  }
  const p = c.payload;
  switch (c.kind) {
    case 'remote-registration': {
      const regType = String(p.regType);
      let existingLongTerm: RemoteRegistrationFacts['existingLongTerm'] = null;
      if (isLongTermRegType(regType)) {
        const local = standingPayloads(src.db, 'remote-registration', psnNo).find((r) => isLongTermRegType(String(r.payload.regType)));
        if (local) existingLongTerm = { ref: `办件 ${local.caseNo}`, begndate: String(local.payload.begndate) };
        else {
          const remote = await ask(src.client, (cl) => queryRemoteRegistrations(cl, { psnNo, insuplcAdmdvs: c.insuplcAdmdvs }, opts));
          if (remote === undefined) unchecked.push('平台上的长期异地备案');
          const found = remote?.find((r) => r.valid && r.regType !== null && isLongTermRegType(r.regType));
          if (found) existingLongTerm = { ref: found.regSn, begndate: found.begndate };
        }
      }
      facts.remote = {
        regType,
        homeAdmdvs: c.insuplcAdmdvs,
        targetAdmdvs: String(p.targetAdmdvs),
        begndate: String(p.begndate),
        enddate: String(p.enddate ?? ''),
        existingLongTerm,
      };
      break;
    }
    case 'special-disease': {
      const code = String(p.opsp_dise_code);
      const held: HeldRegistration[] = standingPayloads(src.db, 'special-disease', psnNo)
        .filter((r) => r.payload.opsp_dise_code === code)
        .map((r) => ({ ref: `办件 ${r.caseNo}`, begndate: String(r.payload.begndate), enddate: String(r.payload.enddate ?? '') }));
      const remote = await ask(src.client, (cl) => querySpecialDisease(cl, { psn_no: psnNo, opsp_dise_code: code, insuplcAdmdvs: c.insuplcAdmdvs }, opts));
      if (remote === undefined) unchecked.push('平台上的门诊慢特病备案（5301）');
      for (const r of remote ?? []) {
        if (r.vali_flag === '1' && r.opsp_dise_code === code) held.push({ ref: r.trt_dcla_detl_sn, begndate: r.begndate, enddate: r.enddate });
      }
      facts.disease = { code, name: String(p.opsp_dise_name), begndate: String(p.begndate), enddate: String(p.enddate ?? ''), held };
      break;
    }
    case 'reimbursement': {
      const invoices = (p.invoices as Array<{ code: string; no: string }>) ?? [];
      const claimed: ClaimedInvoice[] = [...claimedInvoices(src.db, invoices)].map(([key, caseNo]) => {
        const [code, no] = key.split('|');
        return { code, no, ref: `本机办件 ${caseNo}` };
      });
      for (const inv of invoices) {
        if (claimed.some((x) => x.code === inv.code && x.no === inv.no)) continue;
        const remote = await ask(src.client, (cl) => queryReimbursements(cl, { invoiceCode: inv.code, invoiceNo: inv.no }, { timeoutMs: QUERY_TIMEOUT_MS }));
        if (remote === undefined) {
          unchecked.push('平台上的票据报销记录');
          break; // unreachable: do not wait once per invoice
        }
        const hit = remote.find((r) => r.valid && r.invoices.some((i) => i.code === inv.code && i.no === inv.no));
        if (hit) claimed.push({ code: inv.code, no: inv.no, ref: `平台报销流水号 ${hit.claimSn}` });
      }
      facts.invoices = { claimed };
      break;
    }
  }
  return { facts, unchecked };
}
