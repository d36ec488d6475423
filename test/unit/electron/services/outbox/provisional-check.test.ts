import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../../../electron/services/cases/case-store';
import { provisionalDisagreement } from '../../../../../electron/services/outbox/provisional-check';
import { provisionalPerson } from '../../../../../electron/services/platform/provisional-person';
import type { Person } from '../../../../../electron/services/platform/transactions/person';

const card = provisionalPerson({ psnCertType: '07', number: 'USA310079060412', name: 'SMITH, JOHN', birthDate: '1979-06-04', sexCode: '1' }, '990100');
const platform = (over: Partial<Person> = {}, insurance: Partial<Person['insuinfo'][number]> = {}): Person => ({
  ...card,
  provisional: undefined,
  psn_no: '99010000000000000007',
  psn_name: 'SMITH JOHN',
  insuinfo: [{ insutype: '310', psn_type: '11', psn_insu_stas: '1', insuplc_admdvs: '990100', emp_name: '', balc_fen: 0, ...insurance }],
  ...over,
});
const aCase = (payload: Record<string, unknown> = { insutype: '310' }, insuplcAdmdvs: string | null = '990100') =>
  ({ psnNo: card.psn_no, payload, insuplcAdmdvs }) as unknown as CaseRecord;

describe('provisionalDisagreement', () => {
  it('agrees when the names match (spaces, commas, width aside) and the person is 正常参保 under the case’s 险种 and 参保地', () => {
    expect(provisionalDisagreement(card, platform(), aCase())).toBeNull();
    expect(provisionalDisagreement(card, platform({ psn_name: 'ＳＭＩＴＨ　ＪＯＨＮ' }), aCase())).toBeNull();
    // A cancellation carries no 险种: its registration was checked.
    expect(provisionalDisagreement(card, platform(), aCase({ memo: '' }))).toBeNull();
  });

  it('names each disagreement in the clerk’s words', () => {
    expect(provisionalDisagreement(card, platform({ psn_name: 'SMITH JANE' }), aCase())).toBe('证件姓名“SMITH, JOHN”与平台登记姓名“SMITH JANE”不一致');
    expect(provisionalDisagreement(card, platform(), aCase({ insutype: '390' }))).toBe('平台上该人员没有城乡居民基本医疗保险的参保记录');
    expect(provisionalDisagreement(card, platform({}, { psn_insu_stas: '4' }), aCase())).toMatch(/^该人员参保状态为终止参保/);
    expect(provisionalDisagreement(card, platform({}, { insuplc_admdvs: '990200' }), aCase())).toBe('平台登记的参保地（990200）与临时受理时的参保地（990100）不一致');
  });
});
