/** The forms' defaults by desk profile: a hospital desk's own hospital, first doctor and 异地转诊; a counter's blanks. */
import { describe, expect, it } from 'vitest';
import { defaultRegType, doctorChoices, specialDiseaseDefaults } from '../../../../../../renderer/src/features/services/desk-defaults';
import type { DeskHospital } from '../../../../../../renderer/src/store/desk-profile-store';

const hospital = { code: 'H99010100001', name: '示例市第一人民医院', level: '3' as const, region: '990100', initials: 'SLSDYRMYY' };
const doctors = [
  { code: 'D1', name: '王建国' },
  { code: 'D2', name: '李秀英' },
];
const desk = (over: Partial<DeskHospital>): DeskHospital => ({ code: hospital.code, hospital, profile: 'hospital', doctors, ...over });
const BLANK = { hospitalCode: '', hospitalName: '', doctorCode: '', doctorName: '' };

describe('desk defaults', () => {
  it('a hospital desk: its hospital, its first doctor, the doctors offered, 异地转诊', () => {
    expect(specialDiseaseDefaults(desk({}))).toEqual({ hospitalCode: 'H99010100001', hospitalName: '示例市第一人民医院', doctorCode: 'D1', doctorName: '王建国' });
    expect(doctorChoices(desk({}))).toEqual(doctors);
    expect(defaultRegType(desk({}))).toBe('referral');
  });

  it('a hospital desk without a doctors list: the hospital only', () => {
    expect(specialDiseaseDefaults(desk({ doctors: [] }))).toEqual({ ...BLANK, hospitalCode: 'H99010100001', hospitalName: '示例市第一人民医院' });
  });

  it.each([
    ['no answer from the host', null],
    ['a counter with a hospital code', desk({ profile: 'counter' })],
    ['a kiosk', desk({ profile: 'kiosk' })],
    ['a hospital profile whose hospital is unknown', desk({ hospital: null })],
  ])('%s: blanks and 异地长期居住', (_what, info) => {
    expect(specialDiseaseDefaults(info)).toEqual(BLANK);
    expect(doctorChoices(info)).toEqual([]);
    expect(defaultRegType(info)).toBe('longTermResidence');
  });
});
