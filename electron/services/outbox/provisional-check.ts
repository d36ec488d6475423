/**
 * The one check a 临时受理 case (person accepted offline from the card's own data, platform/provisional-person.ts)
 * passes before it is filed: 1101 for the card's number under its 人员证件类型. The platform must know the person,
 * under the same name, insured (正常参保) under the case's 险种 at the 参保地 the case was accepted for. Then the
 * case takes the platform's 人员编号 and goes out; otherwise it goes to 需人工处理 with the reason.
 */
import { insuranceStatusRule } from '../../contract/rules/person-rules';
import { INSUTYPE_NAMES } from '../../contract/vocabulary/insurance-types';
import { adoptPlatformPsnNo, getCase, type CaseRecord } from '../cases/case-store';
import { findInsuredPerson } from '../cases/insured-person';
import { PersonCache } from '../platform/person-cache';
import { PROVISIONAL_PSN_PREFIX } from '../platform/provisional-person';
import { lookupPerson, type Person } from '../platform/transactions/person';
import type { Db } from '../store/database';
import { asPlatformFailure, type PlatformCaller, type PlatformFailure } from './platform-port';

export type ProvisionalVerdict =
  | { kind: 'not-provisional' }
  | { kind: 'confirmed'; case: CaseRecord }
  | { kind: 'disagrees'; reason: string; platformMessage: string | null }
  | { kind: 'unreachable'; failure: PlatformFailure };

/** Names compare without spaces, commas, middle dots and width differences (证件 and platform write 外文 names differently). */
const sameName = (a: string, b: string) => {
  const n = (s: string) => s.normalize('NFKC').replace(/[\s·•.,]/g, '').toUpperCase();
  return n(a) === n(b);
};

/** Why the platform's person is not the one the case was accepted for, or null when it agrees. */
export function provisionalDisagreement(card: Person, platform: Person, c: CaseRecord): string | null {
  if (!sameName(card.psn_name, platform.psn_name)) return `证件姓名“${card.psn_name}”与平台登记姓名“${platform.psn_name}”不一致`;
  const insutype = typeof c.payload.insutype === 'string' ? c.payload.insutype : null;
  if (!insutype) return null; // a cancellation: its registration was checked
  const insurance = platform.insuinfo.find((i) => i.insutype === insutype);
  if (!insurance) return `平台上该人员没有${INSUTYPE_NAMES[insutype] ?? insutype}的参保记录`;
  const status = insuranceStatusRule(insurance.psn_insu_stas);
  if (status) return status.message;
  if (c.insuplcAdmdvs && insurance.insuplc_admdvs !== c.insuplcAdmdvs) {
    return `平台登记的参保地（${insurance.insuplc_admdvs}）与临时受理时的参保地（${c.insuplcAdmdvs}）不一致`;
  }
  return null;
}

export async function checkProvisional(db: Db, client: PlatformCaller, c: CaseRecord, now: () => Date, actor = 'system:uploader'): Promise<ProvisionalVerdict> {
  if (!c.psnNo.startsWith(PROVISIONAL_PSN_PREFIX)) return { kind: 'not-provisional' };
  const card = findInsuredPerson(db, c.psnNo);
  if (!card?.provisional) return { kind: 'not-provisional' };
  const query = { certType: '02' as const, certNo: card.certno, psnCertType: card.psn_cert_type };
  let platform: Person;
  try {
    platform = await lookupPerson(client, query);
  } catch (err) {
    const f = asPlatformFailure(err);
    if (!f) throw err;
    if (f.kind === 'business') return { kind: 'disagrees', reason: `平台未确认该证件：${f.errMsg ?? f.message}`, platformMessage: f.errMsg ?? null };
    return { kind: 'unreachable', failure: f };
  }
  const problem = provisionalDisagreement(card, platform, c);
  if (problem) return { kind: 'disagrees', reason: problem, platformMessage: null };
  db.transaction(() => {
    adoptPlatformPsnNo(db, c, platform.psn_no, { actor, now: now() });
    new PersonCache(db, now).put(query, platform);
  })();
  const updated = getCase(db, c.id);
  if (!updated) throw new Error(`办件 ${c.id} 不存在`);
  return { kind: 'confirmed', case: updated };
}
