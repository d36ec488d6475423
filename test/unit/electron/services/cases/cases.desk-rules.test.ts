/** Pure rules behind the desk: exact 元 → 分, materials check, pinyin initials, person facts, working days. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMaterials, materialsChecklist, UnknownMaterialError } from '../../../../../electron/services/cases/materials';
import { pinyinInitials } from '../../../../../electron/services/catalogues/pinyin-initials';
import { addMonths, addWorkingDays, cstDate } from '../../../../../electron/services/cases/working-days';
import { assistanceIdentityOn, isRetired } from '../../../../../electron/services/reimbursement/person-facts';
import { fenToYuanText, MoneyTextError, yuanToFen } from '../../../../../electron/services/reimbursement/yuan';

describe('yuanToFen', () => {
  it('converts exactly, including values floats get wrong', () => {
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('1.15')).toBe(115);
    expect(yuanToFen('4.35')).toBe(435); // 4.35 * 100 = 434.99999999999994 in floating point
    expect(yuanToFen(' 37000 ')).toBe(3_700_000);
    expect(yuanToFen('9999999999.99')).toBe(999_999_999_999);
  });

  it('round-trips every amount in 分', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (fen) => yuanToFen(fenToYuanText(fen)) === fen));
  });

  it('refuses signs, separators, three decimals, exponents and blanks in Chinese', () => {
    for (const bad of ['-1', '+1', '1,000', '1.234', '1e3', '', ' ', '.5', '1.', '１２', 'NaN', '12345678901']) {
      expect(() => yuanToFen(bad, '票据金额')).toThrow(MoneyTextError);
      expect(() => yuanToFen(bad, '票据金额')).toThrow(/票据金额「.*」不是有效金额/);
    }
  });
});

describe('materials check', () => {
  const longTerm = materialsChecklist({ kind: 'remote-registration', regType: 'retiredResettled' });

  it('one alternative of a group is enough; none lists the group once', () => {
    const withPromise = checkMaterials(longTerm, ['id-document', 'rr-form', 'rr-promise-letter']);
    expect(withPromise.missingMain).toEqual([]);
    expect(withPromise.missingMinor.map((m) => m.material)).toEqual(['身份证件复印件']);
    const none = checkMaterials(longTerm, ['id-document', 'rr-form']);
    expect(none.missingMain.map((m) => m.material)).toEqual(['异地居住或工作证明 或 个人承诺书']);
  });

  it('lists every missing main item, in checklist order', () => {
    const list = materialsChecklist({ kind: 'reimbursement', visitType: 'inpatient', reason: '05' });
    const c = checkMaterials(list, ['rb-fee-list']);
    expect(c.missingMain.map((m) => m.material)).toEqual(['有效身份证件', '医疗收费票据', '诊断证明', '转诊证明']);
    expect(c.missingMinor.map((m) => m.material)).toEqual(['出院小结', '本人银行账户信息', '身份证件复印件']);
  });

  it('refuses ids that are not on the list (a sub-type the form no longer has)', () => {
    const temp = materialsChecklist({ kind: 'remote-registration', regType: 'otherTemporary' });
    expect(() => checkMaterials(temp, ['rr-promise-letter'])).toThrow(UnknownMaterialError);
  });
});

describe('pinyin initials', () => {
  it('covers the catalogue, including level-2 characters', () => {
    expect(pinyinInitials('慢阻肺')).toBe('MZF');
    expect(pinyinInitials('癫痫')).toBe('DX');
    expect(pinyinInitials('COVID-19')).toBe('COVID19');
  });
});

describe('person facts', () => {
  const idet = (type: string, name: string, begntime = '2024-01-01 00:00:00', endtime = '2099-12-31 23:59:59') => ({
    psn_idet_type: type,
    psn_idet_type_name: name,
    begntime,
    endtime,
  });

  it('takes the strongest identity valid on the visit date', () => {
    const p = { idetinfo: [idet('2303', '防止返贫监测对象'), idet('2301', '特困人员', '2026-06-01 00:00:00')] };
    expect(assistanceIdentityOn(p, '2026-05-31')).toBe('监测');
    expect(assistanceIdentityOn(p, '2026-06-01')).toBe('特困');
    expect(assistanceIdentityOn({ idetinfo: [idet('2302', '最低生活保障对象', '2020-01-01', '2025-12-31')] }, '2026-01-01')).toBeNull();
    expect(assistanceIdentityOn({ idetinfo: [idet('9999', '残疾人')] }, '2026-01-01')).toBeNull();
  });

  it('retired from psn_type, unknown when the platform does not say', () => {
    const info = (psn_type: string) => ({ insuinfo: [{ insutype: '310', psn_type, psn_insu_stas: '1', insuplc_admdvs: '990100', emp_name: '', balc_fen: 0 }] });
    expect(isRetired(info('12'), '310')).toBe(true);
    expect(isRetired(info('11'), '310')).toBe(false);
    expect(isRetired(info(''), '310')).toBeNull();
    expect(isRetired(info('12'), '390')).toBeNull();
  });
});

describe('dates', () => {
  it('counts working days over weekends and months the way the platform does', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
    expect(addWorkingDays('2026-11-22', 0)).toBe('2026-11-22');
    expect(addWorkingDays('2026-11-23', 10)).toBe('2026-12-07');
    expect(addMonths('2026-08-31', 6)).toBe('2027-03-03');
    expect(cstDate(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
  });
});
