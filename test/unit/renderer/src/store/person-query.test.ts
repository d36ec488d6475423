import { describe, expect, it } from 'vitest';
import { lookupKeyOf, lookupQueryOf } from '../../../../../renderer/src/store/person-query';
import type { Person } from '../../../../../renderer/src/store/desk-store';

const idCard = (over: Record<string, unknown> = {}) =>
  ({ source: 'id-card', name: '史密斯', idNumber: 'USA310079060412', birthDate: '1979-06-04', sex: '男', sexCode: '1', cardType: 'foreign-permanent', ...over }) as unknown as Person;

describe('lookupQueryOf', () => {
  it('asks 1101 for each source the way the platform expects', () => {
    expect(lookupQueryOf(idCard())).toEqual({ certType: '02', certNo: 'USA310079060412', psnCertType: '07' });
    expect(lookupQueryOf(idCard({ cardType: 'hk-mo-tw-residence', idNumber: '810000199205160027' }))).toEqual({ certType: '02', certNo: '810000199205160027', psnCertType: '17' });
    expect(lookupQueryOf(idCard({ cardType: undefined, idNumber: '990102196003150018' }))).toEqual({ certType: '02', certNo: '990102196003150018', psnCertType: '01' });
    const sscard = { source: 'sscard', idNumber: '990102198507220023', ssn: '990102198507220023', cardNumber: 'A99010002', cardId: '15196325A32FE8DEEF7514CA816487DB' } as unknown as Person;
    // 03 + 卡号 + 卡识别码 + the card's SSN — never 02 with the SSN.
    expect(lookupQueryOf(sscard)).toEqual({ certType: '03', certNo: 'A99010002', cardSn: '15196325A32FE8DEEF7514CA816487DB', ssn: '990102198507220023' });
    expect(lookupQueryOf({ source: 'ec-voucher', code: 'C35CC902717EE41BFE43A8A50C05AD9A03249FE9', idNumber: '', name: '' })).toEqual({ certType: '01', certNo: 'C35CC902717EE41BFE43A8A50C05AD9A03249FE9' });
    expect(lookupQueryOf({ source: 'typed', document: 'tw-pass', idNumber: '12345678', name: '' })).toEqual({ certType: '02', certNo: '12345678', psnCertType: '06' });
  });

  it('keys differ by document type, so a late answer for another document is not taken for this one', () => {
    expect(lookupKeyOf({ certType: '02', certNo: 'X1', psnCertType: '07' })).not.toBe(lookupKeyOf({ certType: '02', certNo: 'X1', psnCertType: '08' }));
    expect(lookupKeyOf({ certType: '01', certNo: 'X1' })).not.toBe(lookupKeyOf({ certType: '02', certNo: 'X1' }));
  });
});
