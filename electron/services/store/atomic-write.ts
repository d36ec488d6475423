/**
 * One way to write a small file that must never be seen half-written (config.json, the key file, the key
 * check value): a temp file in the same directory, write, fsync, rename over the target, fsync the
 * directory. A crash or a full disk leaves either the old file or the new one, never a 0-byte or torn file.
 * A full disk (ENOSPC, EDQUOT) becomes a DiskFullError with a Chinese message; the temp file is removed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const DISK_FULL = '磁盘空间不足';

export class DiskFullError extends Error {
  readonly code = 'disk-full';
  constructor(what: string, cause?: unknown) {
    super(`${DISK_FULL}，无法${what}。请清理磁盘 (至少留出几十 MB) 后重试；已有的数据未被改动。`, { cause });
    this.name = 'DiskFullError';
  }
}

/** ENOSPC/EDQUOT from fs, SQLITE_FULL from SQLite: the disk (or quota) is full. */
export function isDiskFull(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || code === 'disk-full';
}

/** The fs calls the writer makes; tests inject failing ones to simulate a full disk. */
export interface AtomicFs {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: Buffer) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  linkSync: typeof fs.linkSync;
  rmSync: typeof fs.rmSync;
}

const realFs: AtomicFs = {
  openSync: fs.openSync,
  writeSync: (fd, data) => fs.writeSync(fd, data),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  linkSync: fs.linkSync,
  rmSync: fs.rmSync,
};

export interface AtomicWriteOptions {
  /** Permission bits of the new file (default 0600: user only). */
  mode?: number;
  /** What is being written, for the disk-full message (e.g. "写入配置文件"). */
  what?: string;
  /**
   * Create only: if the file exists (another process made it first), leave it and return false. The
   * complete temp file is hard-linked into place, which fails instead of replacing.
   */
  createOnly?: boolean;
  fs?: AtomicFs;
}

const TEMP_SUFFIX = '.tmp-atomic';

export function writeFileAtomic(file: string, data: string | Buffer, opts: AtomicWriteOptions = {}): boolean {
  const f = opts.fs ?? realFs;
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let fd: number | undefined;
  try {
    fd = f.openSync(tmp, 'wx', opts.mode ?? 0o600);
    let off = 0;
    while (off < bytes.length) off += f.writeSync(fd, bytes.subarray(off));
    f.fsyncSync(fd);
    f.closeSync(fd);
    fd = undefined;
    if (opts.createOnly) {
      try {
        f.linkSync(tmp, file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        f.rmSync(tmp, { force: true });
        return false;
      }
      f.rmSync(tmp, { force: true });
    } else {
      f.renameSync(tmp, file);
    }
  } catch (err) {
    if (fd !== undefined) {
      try {
        f.closeSync(fd);
      } catch {
        /* already failing */
      }
    }
    f.rmSync(tmp, { force: true });
    if (isDiskFull(err)) throw new DiskFullError(opts.what ?? `写入 ${file}`, err);
    throw err;
  }
  fsyncDir(dir);
  return true;
}

function fsyncPath(p: string, flags: string): void {
  const fd = fs.openSync(p, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flush a file another writer (SQLite's VACUUM INTO, a copy) produced, before it is renamed into place. */
export function fsyncFile(file: string): void {
  fsyncPath(file, 'r+');
}

/** Make a rename durable: fsync the directory that holds it (not possible on Windows; skipped there). */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  fsyncPath(dir, 'r');
}

/** Temp files a crash left behind in dir (ours end in TEMP_SUFFIX); removed at start. */
export function removeStaleTempFiles(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) if (n.endsWith(TEMP_SUFFIX)) fs.rmSync(path.join(dir, n), { force: true });
}
