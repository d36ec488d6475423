/**
 * Accepting a case: the case row, its first event and its outbox row are written in ONE transaction,
 * so an accepted case is never lost (it is queued the moment it exists) and a duplicate business key
 * is refused before anything is written.
 */
import {
  CaseStoreError,
  findCaseByBusinessKey,
  insertCase,
  isCancelKind,
  KIND_LABELS,
  registrationKindOf,
  type CaseKind,
  type CaseRecord,
} from '../cases/case-store';
import type { Db } from '../store/database';
import { getOutboxItemByCase, insertOutboxItem } from './outbox-store';
import type { TransactionCodes } from './transaction-codes';

export interface AcceptCaseInput {
  kind: CaseKind;
  /** Identifies the business on the platform (unique per kind). For a cancellation: the registration's key. */
  businessKey: string;
  psnNo: string;
  insuplcAdmdvs?: string | null;
  /** The transaction's input fields (canonical names; the sender maps them to the wire). */
  payload: Record<string, unknown>;
  /** Operator who accepted it (or 'import:<name>' for offline collection). */
  clerk: string;
  /** Their name and envelope opter_type, so the upload names them (absent: the workstation's configured operator). */
  clerkName?: string;
  opterType?: 1 | 2 | 3;
  /** 办件编号 prefix: region (6 digits) and window/site (3 digits). */
  region: string;
  site: string;
  reason?: string;
  /** A corrected resubmission: the refused case it replaces (a cancellation finds its registration itself). */
  replaces?: number;
}

export interface AcceptOptions {
  codes: TransactionCodes;
  now?: () => Date;
}

export function acceptCase(db: Db, input: AcceptCaseInput, opts: AcceptOptions): CaseRecord {
  return db.transaction(() => acceptInTransaction(db, input, opts)).immediate();
}

/** All or nothing: either every case is accepted or none is (the first refusal aborts the batch). */
export function acceptCases(db: Db, inputs: readonly AcceptCaseInput[], opts: AcceptOptions): CaseRecord[] {
  return db.transaction(() => inputs.map((i) => acceptInTransaction(db, i, opts))).immediate();
}

function acceptInTransaction(db: Db, input: AcceptCaseInput, opts: AcceptOptions): CaseRecord {
  const now = (opts.now ?? (() => new Date()))();
  const codes = opts.codes[input.kind];
  if (!codes) throw new CaseStoreError(`未配置${KIND_LABELS[input.kind] ?? input.kind}的交易编号`, 'invalid');
  let relatedCaseId: number | null = input.replaces ?? null;
  let dependsOn: number | null = null;
  if (isCancelKind(input.kind)) {
    const regKind = registrationKindOf(input.kind);
    const reg = findCaseByBusinessKey(db, regKind, input.businessKey);
    if (!reg) {
      throw new CaseStoreError(`找不到要撤销的${KIND_LABELS[regKind]} (业务键 ${input.businessKey})`, 'not-found');
    }
    if (reg.psnNo !== input.psnNo) {
      throw new CaseStoreError(`撤销申请的人员编号与原${KIND_LABELS[regKind]}不一致 (办件编号 ${reg.caseNo})`, 'invalid');
    }
    if (reg.state === 'needs-clerk') {
      throw new CaseStoreError(`原${KIND_LABELS[regKind]}已被平台退回，无需撤销 (办件编号 ${reg.caseNo})`, 'invalid');
    }
    relatedCaseId = reg.id;
    // The cancellation waits for its registration's upload: it can never overtake it.
    dependsOn = getOutboxItemByCase(db, reg.id)?.id ?? null;
  }
  const rec = insertCase(db, {
    kind: input.kind,
    businessKey: input.businessKey,
    psnNo: input.psnNo,
    insuplcAdmdvs: input.insuplcAdmdvs ?? null,
    payload: input.payload,
    createdBy: input.clerk,
    createdByName: input.clerkName ?? null,
    opterType: input.opterType ?? null,
    relatedCaseId,
    region: input.region,
    site: input.site,
    now,
    reason: input.reason,
  });
  insertOutboxItem(db, { caseId: rec.id, infno: codes.infno, dependsOn, now });
  return rec;
}
