/**
 * Crash records: an uncaught exception or an unhandled rejection in the host writes
 * <data>/crashes/crash-<time>-<pid>.json (redacted like the log: no ID number, no name, no home folder) and
 * a last log line, then the process exits non-zero — a half-broken host must not keep serving the desk.
 * Everything here is synchronous: the process may be gone a moment later.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log, logText } from '../log';

export const CRASH_DIR = 'crashes';

export function crashDir(dataDir: string): string {
  return path.join(dataDir, CRASH_DIR);
}

/** The host's own failures, and (Electron only) a renderer or helper process that died under it. */
export type CrashKind = 'uncaughtException' | 'unhandledRejection' | 'render-process-gone' | 'child-process-gone';

export interface CrashRecord {
  time: string;
  kind: CrashKind;
  appVersion: string;
  versions: { node: string; electron: string | null };
  platform: string;
  arch: string;
  pid: number;
  uptimeSeconds: number;
  error: { name: string; message: string; stack: string[] };
}

/** A stack or message without personal data: redacted, and the user's home folder (their login name) hidden. */
function clean(text: string): string {
  const home = os.homedir();
  const hidden = home.length > 1 ? text.split(home).join('~') : text;
  return logText(hidden);
}

export function crashRecord(kind: CrashKind, reason: unknown, appVersion: string, now = new Date()): CrashRecord {
  const err = reason instanceof Error ? reason : null;
  const stack = (err?.stack ?? '').split('\n').slice(1, 30).map((l) => clean(l.trim())).filter(Boolean);
  return {
    time: now.toISOString(),
    kind,
    appVersion,
    versions: { node: process.versions.node, electron: process.versions.electron ?? null },
    platform: process.platform,
    arch: process.arch,
    pid: process.pid,
    uptimeSeconds: Math.round(process.uptime()),
    error: { name: err?.name ?? typeof reason, message: clean(err ? err.message : String(reason)), stack },
  };
}

/** Writes one record; returns its path, or null when even that failed (the log line still says what happened). */
export function writeCrashRecord(dataDir: string, record: CrashRecord): string | null {
  try {
    const dir = crashDir(dataDir);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, `crash-${record.time.replace(/[:.]/g, '-')}-${record.pid}.json`);
    fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
    return file;
  } catch {
    return null;
  }
}

export interface CrashHandlerOptions {
  dataDir: string;
  appVersion: string;
  /** Ends the process (Electron: a dialog, then app.exit). Default process.exit. */
  exit?: (code: number, record: CrashRecord) => void;
  proc?: NodeJS.Process;
}

/** Installs the two handlers; returns their removal. */
export function installCrashHandlers(opts: CrashHandlerOptions): () => void {
  const proc = opts.proc ?? process;
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  let crashed = false;
  const handle = (kind: CrashKind) => (reason: unknown) => {
    if (crashed) return; // a second failure while the first is being recorded
    crashed = true;
    const record = crashRecord(kind, reason, opts.appVersion);
    const file = writeCrashRecord(opts.dataDir, record);
    log.error(`程序异常退出 (${kind}): ${record.error.name}: ${record.error.message}${file ? `；记录已写入 ${file}` : ''}`);
    exit(70, record);
  };
  const onException = handle('uncaughtException');
  const onRejection = handle('unhandledRejection');
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}

/** The most recent crash records, newest first (for `counter diagnose`). */
export function recentCrashRecords(dataDir: string, limit = 20): Array<{ file: string; record: unknown }> {
  const dir = crashDir(dataDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((f) => /^crash-.*\.json$/.test(f));
  } catch {
    return [];
  }
  return names
    .sort()
    .reverse()
    .slice(0, limit)
    .map((f) => {
      try {
        return { file: f, record: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as unknown };
      } catch {
        return { file: f, record: null };
      }
    });
}
