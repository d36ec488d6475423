import { describe, expect, it } from 'vitest';
import { provisionalPerson, provisionalPsnNo } from '../../../../../electron/services/platform/provisional-person';
import { PlatformInputError } from '../../../../../electron/services/platform/transactions/shared';

const ZHANG = { psnCertType: '01', number: '990102196003150018', name: '张三', birthDate: '1960-03-15', sexCode: '1' as const };

describe('provisionalPerson', () => {
  it('builds a provisional person from the card: local 人员编号 (stable, not the number), 参保 unknown, both case 险种 at the workstation’s region', () => {
    const p = provisionalPerson(ZHANG, '990100');
    expect(p).toMatchObject({ psn_name: '张三', certno: ZHANG.number, brdy: '1960-03-15', gend: '1', psn_cert_type: '01', provisional: true, idetinfo: [] });
    expect(p.psn_no).toMatch(/^LS[0-9A-F]{18}$/);
    expect(p.psn_no).toBe(provisionalPsnNo('01', ZHANG.number));
    expect(p.psn_no).not.toBe(provisionalPsnNo('17', ZHANG.number));
    expect(p.psn_no).not.toContain('19600315');
    expect(p.insuinfo.map((i) => [i.insutype, i.psn_insu_stas, i.insuplc_admdvs])).toEqual([
      ['390', '', '990100'],
      ['310', '', '990100'],
    ]);
  });

  it('accepts a foreign permanent-residence card (no birth date check on the 2017 number)', () => {
    const p = provisionalPerson({ psnCertType: '07', number: 'usa310079060412', name: '史密斯', birthDate: '1979-06-04', sexCode: '1' }, '990100');
    expect(p).toMatchObject({ certno: 'USA310079060412', psn_cert_type: '07' });
  });

  it('refuses card data that contradicts its number, an empty name, and a bad number', () => {
    expect(() => provisionalPerson({ ...ZHANG, birthDate: '1960-03-16' }, '990100')).toThrow('证件出生日期与号码不一致，不能临时受理');
    expect(() => provisionalPerson({ ...ZHANG, sexCode: '2' }, '990100')).toThrow('证件性别与号码不一致，不能临时受理');
    expect(() => provisionalPerson({ ...ZHANG, name: '  ' }, '990100')).toThrow('临时受理须有证件上的姓名');
    expect(() => provisionalPerson({ ...ZHANG, number: '990102196003150019' }, '990100')).toThrow(PlatformInputError);
    expect(() => provisionalPerson({ ...ZHANG, psnCertType: '07' }, '990100')).toThrow(/外国人永久居留身份证/);
  });
});
