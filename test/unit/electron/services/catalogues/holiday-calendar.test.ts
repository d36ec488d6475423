/**
 * Working days by the holiday calendar: the State Council's 2025 and 2026 arrangements (法定节假日 skipped,
 * 调休 Saturdays and Sundays worked), local additions from the data directory that win over the national
 * file, and a bad local file refused in Chinese with its line and field.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HolidayFileError, loadHolidayCalendar, localHolidaysPath, parseHolidayFile } from '../../../../../electron/services/catalogues/holiday-calendar';
import { lineOfPath } from '../../../../../electron/services/catalogues/json-lines';
import { addWorkingDays } from '../../../../../electron/services/cases/working-days';
import { useTempDirs } from '../../../../helpers/temp-dirs';

const tempDir = useTempDirs('holidays-');
const national = loadHolidayCalendar();

describe('national holiday calendar', () => {
  it('knows 2026 春节: 2-15…2-23 off, Saturdays 2-14 and 2-28 worked', () => {
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23']) expect(national.isWorkingDay(d), d).toBe(false);
    expect(national.isWorkingDay('2026-02-14')).toBe(true);
    expect(national.isWorkingDay('2026-02-28')).toBe(true);
    expect(national.isWorkingDay('2026-02-24')).toBe(true);
    expect(national.dayOf('2026-02-18')).toEqual({ off: true, name: '春节', local: false });
    expect(national.dayOf('2026-02-28')).toEqual({ off: false, name: '春节调休上班', local: false });
  });

  it('knows 2026 国庆: 10-01…10-07 off, Sunday 9-20 and Saturday 10-10 worked, 中秋 9-25 off', () => {
    for (const d of ['2026-10-01', '2026-10-05', '2026-10-07', '2026-09-25']) expect(national.isWorkingDay(d), d).toBe(false);
    expect(national.isWorkingDay('2026-09-20')).toBe(true);
    expect(national.isWorkingDay('2026-10-10')).toBe(true);
    expect(national.isWorkingDay('2026-10-11')).toBe(false); // an ordinary Sunday
  });

  it('knows 2025: 国庆 and 中秋 10-01…10-08 off, Saturday 10-11 and Sunday 9-28 worked', () => {
    expect(national.isWorkingDay('2025-10-08')).toBe(false);
    expect(national.isWorkingDay('2025-10-11')).toBe(true);
    expect(national.isWorkingDay('2025-09-28')).toBe(true);
    expect(national.isWorkingDay('2025-01-28')).toBe(false);
    expect([...national.years].sort()).toEqual([2025, 2026]);
  });

  it('counts working days across 春节 and 国庆 weeks', () => {
    // Fri 2-13 + 1 = Sat 2-14 (调休); + 2 skips the whole holiday to Tue 2-24.
    expect(addWorkingDays('2026-02-13', 1, national)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2, national)).toBe('2026-02-24');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-17'); // Monday–Friday alone lands inside 春节
    // Wed 9-30 + 1 → Thu 10-08; + 2 → Fri 10-09; + 3 → Sat 10-10 (调休).
    expect(addWorkingDays('2026-09-30', 1, national)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, national)).toBe('2026-10-10');
    // 元旦 2026: Thu 1-01…Sat 1-03 off, Sun 1-04 worked.
    expect(addWorkingDays('2025-12-31', 1, national)).toBe('2026-01-04');
    expect(addWorkingDays('2026-11-23', 10, national)).toBe('2026-12-07'); // no holiday: as Monday–Friday
    expect(addWorkingDays('2026-02-18', 0, national)).toBe('2026-02-18');
  });

  it('counts Monday–Friday in a year the files do not cover', () => {
    expect(national.isWorkingDay('2027-02-08')).toBe(true); // a Monday, 2027 not yet published here
    expect(national.isWorkingDay('2027-02-06')).toBe(false);
  });
});

describe('local additions (holidays.local.json)', () => {
  const local = (years: unknown) => JSON.stringify({ format: 'counter-holidays/1', years }, null, 2);

  it('adds local days off and worked days, winning over the national file', () => {
    const dir = tempDir();
    fs.writeFileSync(
      localHolidaysPath(dir),
      local([{ year: 2026, holidays: [{ name: '三月三', from: '2026-04-20', to: '2026-04-21' }], workdays: [{ name: '本地调整上班', date: '2026-10-07' }] }]),
    );
    const cal = loadHolidayCalendar({ dataDir: dir });
    expect(cal.isWorkingDay('2026-04-20')).toBe(false);
    expect(cal.dayOf('2026-04-21')).toEqual({ off: true, name: '三月三', local: true });
    expect(cal.isWorkingDay('2026-10-07')).toBe(true);
    expect(cal.isWorkingDay('2026-10-06')).toBe(false);
    expect(addWorkingDays('2026-04-17', 1, cal)).toBe('2026-04-22');
  });

  it('is optional: no file, only the national calendar', () => {
    const cal = loadHolidayCalendar({ dataDir: tempDir() });
    expect(cal.isWorkingDay('2026-04-20')).toBe(true);
  });

  it('refuses a bad date with the line and the field in Chinese', () => {
    const dir = tempDir();
    const text = local([{ year: 2026, holidays: [{ name: '甲', from: '2026-04-20', to: '2026-04-20' }, { name: '乙', from: '2026-02-30', to: '2026-03-01' }] }]);
    fs.writeFileSync(localHolidaysPath(dir), text);
    const file = localHolidaysPath(dir);
    const line = text.split('\n').findIndex((l) => l.includes('2026-02-30')) + 1;
    expect(() => loadHolidayCalendar({ dataDir: dir })).toThrow(
      `节假日文件 ${file} 第 ${line} 行（年份 第 1 条 放假 第 2 条 开始日期）有误：日期应为有效日期（YYYY-MM-DD）`,
    );
  });

  it('refuses a range that ends before it starts, a date outside its year, a missing name and an unknown field', () => {
    const cases: Array<[unknown, RegExp]> = [
      [[{ year: 2026, holidays: [{ name: '甲', from: '2026-05-02', to: '2026-05-01' }] }], /放假 第 1 条 结束日期）有误：结束日期不能早于开始日期/],
      [[{ year: 2026, workdays: [{ name: '甲', date: '2025-12-28' }] }], /调休上班 第 1 条 日期）有误：日期不在 2026 年内/],
      [[{ year: 2026, workdays: [{ name: ' ', date: '2026-12-27' }] }], /名称）有误：请填写名称/],
      [[{ year: 2026, workdays: [{ name: '甲', date: '2026-12-27', off: true }] }], /调休上班 第 1 条）有误/],
      [[{ year: '2026' }], /年份 第 1 条 年份）有误：年份应为数字，例如 2026/],
      [[{ year: 2026, holidays: [{ name: '长假', from: '2026-07-01', to: '2026-08-31' }] }], /一段假期最长 31 天/],
    ];
    for (const [years, message] of cases) {
      const dir = tempDir();
      fs.writeFileSync(localHolidaysPath(dir), local(years));
      expect(() => loadHolidayCalendar({ dataDir: dir }), JSON.stringify(years)).toThrow(message);
    }
  });

  it('refuses a file that is not JSON, naming the line', () => {
    const dir = tempDir();
    fs.writeFileSync(localHolidaysPath(dir), '{\n  "format": "counter-holidays/1",\n  "years": [\n    { "year": 2026, }\n  ]\n}\n');
    let error: unknown;
    try {
      loadHolidayCalendar({ dataDir: dir });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HolidayFileError);
    expect((error as Error).message).toBe(`节假日文件 ${localHolidaysPath(dir)} 第 4 行不是合法的 JSON：请检查逗号、引号和括号`);
  });

  it('refuses the wrong format tag', () => {
    expect(() => parseHolidayFile(JSON.stringify({ format: 'x', years: [] }), 'f.json')).toThrow('节假日文件 f.json 第 1 行（format）有误：format 应为 "counter-holidays/1"');
  });
});

describe('lineOfPath', () => {
  it('finds the line of a nested value, and of the deepest part found', () => {
    const text = '{\n  "a": [\n    1,\n    { "b": "x,]}" ,\n      "c": true }\n  ]\n}';
    expect(lineOfPath(text, ['a', 1, 'c'])).toBe(5);
    expect(lineOfPath(text, ['a', 1, 'b'])).toBe(4);
    expect(lineOfPath(text, ['a', 0])).toBe(3);
    expect(lineOfPath(text, ['a', 7])).toBe(2);
    expect(lineOfPath(text, [])).toBe(1);
  });
});
