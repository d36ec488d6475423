/**
 * The working-day calendar: 法定节假日 (days off, weekdays included) and 调休 working days (a Saturday or
 * Sunday worked) from resources/holidays/national.json, with local additions from <dataDir>/holidays.local.json
 * in the same format (a local date wins over the national one). Deadlines and committed completion dates are
 * counted with it (../cases/working-days.ts); years the files do not cover count Monday–Friday.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isRealDate } from '../../contract/field-rules';
import { lineColumnAt, lineOfPath } from './json-lines';

const day = z.string({ error: '日期应为文字 YYYY-MM-DD' }).refine(isRealDate, '日期应为有效日期（YYYY-MM-DD）');
const name = z.string({ error: '请填写名称' }).trim().min(1, '请填写名称').max(40, '名称最多 40 个字');

const HolidayRange = z
  .object({ name, from: day, to: day })
  .strict()
  .refine((h) => h.from <= h.to, { path: ['to'], message: '结束日期不能早于开始日期' })
  .refine((h) => daysBetween(h.from, h.to) <= 31, { path: ['to'], message: '一段假期最长 31 天' });
const Workday = z.object({ name, date: day }).strict();

export const HolidayFile = z
  .object({
    format: z.literal('counter-holidays/1', { error: 'format 应为 "counter-holidays/1"' }),
    note: z.string().optional(),
    years: z.array(
      z
        .object({
          year: z.number({ error: '年份应为数字，例如 2026' }).int().min(2000, '年份应在 2000–2100 之间').max(2100, '年份应在 2000–2100 之间'),
          source: z.string().optional(),
          holidays: z.array(HolidayRange).default([]),
          workdays: z.array(Workday).default([]),
        })
        .strict()
        .superRefine((y, ctx) => {
          y.holidays.forEach((h, i) => {
            if (!h.from.startsWith(`${y.year}-`) && !h.to.startsWith(`${y.year}-`))
              ctx.addIssue({ code: 'custom', path: ['holidays', i, 'from'], message: `日期不在 ${y.year} 年内` });
          });
          y.workdays.forEach((w, i) => {
            if (!w.date.startsWith(`${y.year}-`)) ctx.addIssue({ code: 'custom', path: ['workdays', i, 'date'], message: `日期不在 ${y.year} 年内` });
          });
        }),
    ),
  })
  .strict();
export type HolidayFile = z.infer<typeof HolidayFile>;

export class HolidayFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HolidayFileError';
  }
}

const FIELD_NAMES: Record<string, string> = { years: '年份', holidays: '放假', workdays: '调休上班', from: '开始日期', to: '结束日期', date: '日期', name: '名称', year: '年份', format: 'format' };

function describePath(p: ReadonlyArray<PropertyKey>): string {
  return p.map((k) => (typeof k === 'number' ? `第 ${k + 1} 条` : (FIELD_NAMES[String(k)] ?? String(k)))).join(' ');
}

/** Parse a holiday file's text; a bad file is a HolidayFileError naming the file, the line and the field in Chinese. */
export function parseHolidayFile(text: string, file: string): HolidayFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const where = m ? `第 ${lineColumnAt(text, Number(m[1])).line} 行` : '';
    throw new HolidayFileError(`节假日文件 ${file} ${where}不是合法的 JSON：请检查逗号、引号和括号`);
  }
  const parsed = HolidayFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const line = lineOfPath(text, issue.path as Array<string | number>);
    throw new HolidayFileError(`节假日文件 ${file} 第 ${line ?? 1} 行（${describePath(issue.path) || '文件'}）有误：${issue.message}`);
  }
  return parsed.data;
}

export interface CalendarDay {
  /** true: a day off; false: a working day. */
  off: boolean;
  name: string;
  local: boolean;
}

/** Whether a yyyy-MM-dd is a working day, by the calendar files, else Monday–Friday. */
export interface WorkingDayCalendar {
  isWorkingDay(date: string): boolean;
}

export class HolidayCalendar implements WorkingDayCalendar {
  private readonly days = new Map<string, CalendarDay>();
  readonly years = new Set<number>();

  constructor(files: ReadonlyArray<{ data: HolidayFile; local: boolean }>) {
    for (const { data, local } of files) {
      for (const y of data.years) {
        this.years.add(y.year);
        for (const h of y.holidays) for (const d of eachDay(h.from, h.to)) this.days.set(d, { off: true, name: h.name, local });
        for (const w of y.workdays) this.days.set(w.date, { off: false, name: w.name, local });
      }
    }
  }

  /** The calendar's entry for a date, if it names it. */
  dayOf(date: string): CalendarDay | undefined {
    return this.days.get(date);
  }

  isWorkingDay(date: string): boolean {
    const entry = this.days.get(date);
    if (entry) return !entry.off;
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6;
  }
}

export function nationalHolidaysPath(resourcesRoot = path.resolve(__dirname, '../../..')): string {
  return path.join(resourcesRoot, 'resources', 'holidays', 'national.json');
}

export function localHolidaysPath(dataDir: string): string {
  return path.join(dataDir, 'holidays.local.json');
}

/** The national calendar plus the data directory's local additions (absent file = none). */
export function loadHolidayCalendar(opts: { dataDir?: string; nationalFile?: string } = {}): HolidayCalendar {
  const nationalFile = opts.nationalFile ?? nationalHolidaysPath();
  const files = [{ data: parseHolidayFile(fs.readFileSync(nationalFile, 'utf8'), nationalFile), local: false }];
  if (opts.dataDir) {
    const localFile = localHolidaysPath(opts.dataDir);
    if (fs.existsSync(localFile)) files.push({ data: parseHolidayFile(fs.readFileSync(localFile, 'utf8'), localFile), local: true });
  }
  return new HolidayCalendar(files);
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (const d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) out.push(d.toISOString().slice(0, 10));
  return out;
}
