/**
 * The host's log lines (stderr/stdout of the Electron main process, browser mode and the CLI). Everything
 * goes through `redact` (native/protocols/redact): no full ID number, no name beside an ID, no name/ID/
 * diagnosis field of a JSON text, and no 门诊慢特病 name or code from the disease catalogue. Platform
 * messages, driver output and exception texts come from outside and may carry any of these.
 */
import { redact } from '../../native/protocols/redact';
import { loadDiseaseCatalogue } from '../services/cases/disease-catalogue';

let diseaseTerms: string[] | null = null;

/** Disease names and codes, the longest first (a name containing another is masked whole). */
function terms(): string[] {
  if (!diseaseTerms) {
    try {
      diseaseTerms = loadDiseaseCatalogue()
        .flatMap((d) => [d.name, d.code])
        .filter((t) => t.length >= 2)
        .sort((a, b) => b.length - a.length);
    } catch {
      diseaseTerms = [];
    }
  }
  return diseaseTerms;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** One log line from any values, redacted. */
export function logText(...values: unknown[]): string {
  return redact(values.map(describe).join(' '), terms());
}

export const log = {
  info: (...values: unknown[]) => void process.stdout.write(`${logText(...values)}\n`),
  warn: (...values: unknown[]) => void process.stderr.write(`${logText(...values)}\n`),
  error: (...values: unknown[]) => void process.stderr.write(`${logText(...values)}\n`),
};
