/**
 * The log files: <data>/logs/counter.log, one JSON object a line ({"time","level","pid","msg"}), rotated by
 * size (counter.log → counter.log.1 → … → counter.log.<files>, the oldest dropped). Writes are synchronous
 * appends, so the last lines before a crash are on disk, and a full disk or a vanished folder never throws
 * into the caller: logging must not break the desk. What is written has already been redacted (../log.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LogLevel } from './ops-config';

export const LOG_DIR = 'logs';
export const LOG_FILE = 'counter.log';

export function logDir(dataDir: string): string {
  return path.join(dataDir, LOG_DIR);
}

/** What the logger writes to: a tiny interface, so a pino transport could stand in for this writer. */
export interface LogSink {
  write(level: LogLevel, msg: string): void;
  close(): void;
}

export interface RotatingFileOptions {
  dir: string;
  name?: string;
  maxBytes: number;
  /** Rotated files kept besides the current one. */
  files: number;
  now?: () => Date;
}

/** The log files in a folder, newest first: counter.log, counter.log.1, counter.log.2 … */
export function logFiles(dir: string, name = LOG_FILE): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const index = (f: string) => (f === name ? 0 : Number(f.slice(name.length + 1)));
  return entries
    .filter((f) => f === name || (f.startsWith(`${name}.`) && /^\d+$/.test(f.slice(name.length + 1))))
    .sort((a, b) => index(a) - index(b))
    .map((f) => path.join(dir, f));
}

export function createRotatingFile(opts: RotatingFileOptions): LogSink {
  const name = opts.name ?? LOG_FILE;
  const file = path.join(opts.dir, name);
  const now = opts.now ?? (() => new Date());
  let size = -1;
  let broken = false;

  const ensure = () => {
    if (size >= 0) return;
    fs.mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
    try {
      size = fs.statSync(file).size;
    } catch {
      size = 0;
    }
  };
  const rotate = () => {
    fs.rmSync(`${file}.${opts.files}`, { force: true });
    for (let i = opts.files - 1; i >= 1; i--) {
      if (fs.existsSync(`${file}.${i}`)) fs.renameSync(`${file}.${i}`, `${file}.${i + 1}`);
    }
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.1`);
    size = 0;
  };

  return {
    write(level, msg) {
      const line = `${JSON.stringify({ time: now().toISOString(), level, pid: process.pid, msg })}\n`;
      const bytes = Buffer.byteLength(line);
      try {
        ensure();
        if (size > 0 && size + bytes > opts.maxBytes) rotate();
        fs.appendFileSync(file, line, { mode: 0o600 });
        size += bytes;
        broken = false;
      } catch (err) {
        // Say so once on stderr, then keep trying quietly (the disk may come back).
        if (!broken) process.stderr.write(`日志文件无法写入 (${file}): ${(err as Error).message}\n`);
        broken = true;
        size = -1;
      }
    },
    close() {
      size = -1;
    },
  };
}

export interface LogLine {
  time: string;
  level: LogLevel;
  msg: string;
}

/** The last `limit` lines at or above `minLevel` across the rotated files, oldest first. */
export function readRecentLines(dir: string, opts: { minLevel?: LogLevel; limit?: number } = {}): LogLine[] {
  const order: LogLevel[] = ['debug', 'info', 'warn', 'error'];
  const min = order.indexOf(opts.minLevel ?? 'debug');
  const limit = opts.limit ?? 200;
  const out: LogLine[] = [];
  for (const f of logFiles(dir)) {
    let text: string;
    try {
      text = fs.readFileSync(f, 'utf8');
    } catch {
      continue;
    }
    const lines = text.split('\n').filter(Boolean).reverse();
    for (const l of lines) {
      let parsed: Partial<LogLine>;
      try {
        parsed = JSON.parse(l) as Partial<LogLine>;
      } catch {
        continue; // a torn last line
      }
      if (typeof parsed.msg !== 'string' || !order.includes(parsed.level as LogLevel)) continue;
      if (order.indexOf(parsed.level as LogLevel) < min) continue;
      out.push({ time: String(parsed.time ?? ''), level: parsed.level as LogLevel, msg: parsed.msg });
      if (out.length >= limit) return out.reverse();
    }
  }
  return out.reverse();
}
