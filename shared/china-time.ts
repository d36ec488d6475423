/**
 * Times shown to people — screens, slips, receipts, log lines a clerk reads — are China time (UTC+8, no
 * daylight saving since 1991), whatever the machine's own zone is. One formatter, plain arithmetic (no Intl
 * time-zone data needed), so every surface prints the same instant the same way.
 */
const OFFSET_MS = 8 * 3600_000;

const shifted = (at: Date | string | number): Date | null => {
  const d = at instanceof Date ? at : new Date(at);
  return Number.isNaN(d.getTime()) ? null : new Date(d.getTime() + OFFSET_MS);
};

/** `2026-12-03 13:45:09` (China time); `—` for a value that is not a time. */
export function chinaDateTime(at: Date | string | number): string {
  const d = shifted(at);
  return d ? `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}` : '—';
}

/** `2026-12-03` (China date). */
export function chinaDate(at: Date | string | number): string {
  const d = shifted(at);
  return d ? d.toISOString().slice(0, 10) : '—';
}

/** `13:45:09` (China time of day). */
export function chinaClock(at: Date | string | number): string {
  const d = shifted(at);
  return d ? d.toISOString().slice(11, 19) : '—';
}
