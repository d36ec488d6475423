/**
 * What the policy engine needs to know about a person, derived from the platform's 1101 answer:
 * the assistance identity (idetinfo: 特困 / 低保 / 监测, valid on the visit date) and whether a 职工 is retired
 * (人员类别 psn_type 12 退休 / 13 离休, national dictionary).
 */
import { isRetiredPsnType } from '../../contract/vocabulary/insurance-status';
import type { Person } from '../platform/transactions/person';
import type { AssistanceIdentity } from '../policy/types';

const BY_CODE: Record<string, AssistanceIdentity> = { '2301': '特困', '2302': '低保', '2303': '监测' };
const RANK: AssistanceIdentity[] = ['特困', '低保', '监测'];

function identityOf(code: string, name: string): AssistanceIdentity | null {
  if (BY_CODE[code]) return BY_CODE[code];
  if (name.includes('特困')) return '特困';
  if (name.includes('低保') || name.includes('最低生活保障')) return '低保';
  if (name.includes('监测') || name.includes('返贫') || name.includes('致贫')) return '监测';
  return null;
}

/** The strongest assistance identity valid on `date` (yyyy-MM-dd), or null. */
export function assistanceIdentityOn(person: Pick<Person, 'idetinfo'>, date: string): AssistanceIdentity | null {
  let best: AssistanceIdentity | null = null;
  for (const i of person.idetinfo) {
    const id = identityOf(i.psn_idet_type, i.psn_idet_type_name);
    if (!id) continue;
    const from = i.begntime ? i.begntime.slice(0, 10) : '0000-00-00';
    const to = i.endtime ? i.endtime.slice(0, 10) : '9999-12-31';
    if (date < from || date > to) continue;
    if (best === null || RANK.indexOf(id) < RANK.indexOf(best)) best = id;
  }
  return best;
}

/** true when the 人员类别 says retired; null when the platform does not tell (the clerk decides). */
export function isRetired(person: Pick<Person, 'insuinfo'>, insutype: string): boolean | null {
  const info = person.insuinfo.find((i) => i.insutype === insutype);
  return isRetiredPsnType(info?.psn_type ?? '');
}
