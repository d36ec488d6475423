/**
 * The host's log lines (stderr/stdout of the Electron main process, browser mode and the CLI). Everything
 * goes through `redact` (native/protocols/redact): no full ID number, no name beside an ID, no name/ID/
 * diagnosis field of a JSON text, and no 门诊慢特病 name or code from the disease catalogue. Platform
 * messages, driver output and exception texts come from outside and may carry any of these.
 * The same redacted line goes to the log files when an entry point attaches them (attachLogSink).
 */
import { redact } from '../../native/protocols/redact';
import { loadDiseaseCatalogue } from '../services/cases/disease-catalogue';
import type { LogSink } from './ops/log-file';
import type { LogLevel } from './ops/ops-config';

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

/** A mainland mobile number standing alone (not part of a 办件编号 or another long run of digits). */
const MOBILE = /(?<![0-9A-Za-z])(1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g;

/** One log line from any values, redacted (and mobile numbers masked as 138****0009). */
export function logText(...values: unknown[]): string {
  return redact(values.map(describe).join(' '), terms()).replace(MOBILE, '$1****$2');
}

const LEVEL_ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
let sink: LogSink | null = null;
let fileLevel: LogLevel = 'info';

/**
 * Sends every log line, redacted as on the console, also to `to` (the rotating files of ops/log-file.ts)
 * from `level` up. One sink per process: the entry points (Electron main, browser mode) attach it; returns
 * the detach.
 */
export function attachLogSink(to: LogSink, level: LogLevel = 'info'): () => void {
  sink?.close();
  sink = to;
  fileLevel = level;
  return () => {
    if (sink !== to) return;
    sink.close();
    sink = null;
  };
}

/** Changes the file's level once the configuration is read (the sink is attached before, to catch start failures). */
export function setLogFileLevel(level: LogLevel): void {
  fileLevel = level;
}

function emit(level: LogLevel, values: unknown[]): void {
  const text = logText(...values);
  if (level === 'info') process.stdout.write(`${text}\n`);
  else if (level !== 'debug') process.stderr.write(`${text}\n`);
  if (sink && LEVEL_ORDER[level] >= LEVEL_ORDER[fileLevel]) sink.write(level, text);
}

export const log = {
  /** Detail for a support case: only in the log file, and only when logging.level is debug. */
  debug: (...values: unknown[]) => emit('debug', values),
  info: (...values: unknown[]) => emit('info', values),
  warn: (...values: unknown[]) => emit('warn', values),
  error: (...values: unknown[]) => emit('error', values),
};
