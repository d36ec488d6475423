/**
 * The insured person a case is for, as the platform last described them (1101, kept in the person cache by
 * the lookup at reception). Cases take psn_no from the desk; name, ID number, insurance and special identities
 * come from here, never from the renderer.
 */
import type { Person } from '../platform/transactions/person';
import type { Db } from '../store/database';

export function findInsuredPerson(db: Db, psnNo: string): Person | undefined {
  const row = db.prepare('SELECT person_json FROM platform_person_cache WHERE psn_no = ? ORDER BY cached_at DESC LIMIT 1').get(psnNo) as
    | { person_json: string }
    | undefined;
  return row ? (JSON.parse(row.person_json) as Person) : undefined;
}
