/**
 * Dates the office commits to, counted in working days in China Standard Time: by the holiday calendar
 * (法定节假日 skipped, 调休 weekend days worked; ../catalogues/holiday-calendar.ts) where one is given,
 * else Monday–Friday.
 */
import { chinaDateTime } from '../../../shared/china-time';
import type { WorkingDayCalendar } from '../catalogues/holiday-calendar';

/** Monday–Friday, no holidays: where no calendar is given. */
export const WEEKDAYS_ONLY: WorkingDayCalendar = {
  isWorkingDay: (date) => {
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
    return wd !== 0 && wd !== 6;
  },
};

/** yyyy-MM-dd of `now` in UTC+8, whatever the machine's zone. */
export { cstDate } from '../../contract/rules/calendar-dates';

/** "yyyy-MM-dd HH:mm" in UTC+8, as printed on receipts. */
export function cstDateTime(iso: string | Date): string {
  return chinaDateTime(iso).slice(0, 16);
}

/** The date `days` working days after `from` (yyyy-MM-dd); 0 = the same day. */
export function addWorkingDays(from: string, days: number, calendar: WorkingDayCalendar = WEEKDAYS_ONLY): string {
  const d = new Date(`${from}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (calendar.isWorkingDay(d.toISOString().slice(0, 10))) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** yyyy-MM-dd plus calendar months; a day beyond the month's end rolls over (08-31 + 6 → 03-03), as the platform counts. */
export { addMonths } from '../../contract/rules/calendar-dates';
