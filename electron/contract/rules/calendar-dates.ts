/**
 * Calendar arithmetic on yyyy-MM-dd strings, the one copy the desk's rules and the platform simulator share
 * (so "six months from 2026-08-31" is the same date on both sides: 2027-03-03, JavaScript's month overflow),
 * and "today" as both count it: the date in China Standard Time, whatever the machine's time zone.
 */

/** yyyy-MM-dd in China Standard Time (UTC+8, no daylight saving). */
export function cstDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function addMonths(date: string, months: number): string {
  const [y, m, day] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + months, day)).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
