/**
 * Re-encrypting a database file (plain → encrypted at first start, old key → new key for `counter rekey`,
 * an older Electron passphrase → raw key) without ever risking it: SQLite3MultipleCiphers cannot rekey in
 * WAL mode, so the work happens on a copy. The source is checkpointed, copied to a temp file in the same
 * directory, the copy is switched to DELETE journaling and rekeyed, then reopened with the new key and
 * compared table by table with the source. Only then does one rename put it in place. A crash at any point
 * before the rename leaves the source untouched (the temp file is removed at the next run); after it, the
 * new file is complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, fsyncFile, isDiskFull, DiskFullError } from './atomic-write';
import { CIPHER, keyLiteral, openExisting, StoreError, writeKeyCheck, type Db, type DbKey } from './database';

const TEMP_SUFFIX = '.reencrypt-tmp';

export function reencryptTempFile(target: string): string {
  return `${target}${TEMP_SUFFIX}`;
}

/** A leftover temp copy from an interrupted run: never complete, never in use; removed. */
export function removeReencryptLeftovers(target: string): void {
  const tmp = reencryptTempFile(target);
  for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
}

function tableCounts(db: Db): Record<string, number> {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const out: Record<string, number> = {};
  for (const n of names) out[n] = Number(db.prepare(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`).pluck().get());
  return out;
}

/**
 * Re-encrypt source (readable with `from`, null = plain) into target with the raw key `to`. source and
 * target may be the same path. Nobody else may have source open. Returns the per-table row counts.
 */
export function reencryptDatabase(source: string, target: string, from: DbKey | null, to: Buffer): Record<string, number> {
  const tmp = reencryptTempFile(target);
  removeReencryptLeftovers(target);
  try {
    // 1. Fold the WAL into the main file, so a plain file copy is the whole database.
    const src = openExisting(source, from);
    let expected: Record<string, number>;
    try {
      src.pragma('wal_checkpoint(TRUNCATE)');
      expected = tableCounts(src);
    } finally {
      src.close();
    }
    const wal = `${source}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
      throw new StoreError(`数据库正被其他程序使用 (${wal} 非空)，请先关闭工作站和其他 counter 命令`, 'open-failed');
    }
    // 2. Copy, user-only, and rekey the copy (outside WAL mode).
    fs.copyFileSync(source, tmp);
    fs.chmodSync(tmp, 0o600);
    const copy = openExisting(tmp, from);
    try {
      copy.pragma('journal_mode = DELETE');
      if (!from) copy.pragma(`cipher = '${CIPHER}'`);
      copy.pragma(`rekey = ${keyLiteral(to)}`);
    } finally {
      copy.close();
    }
    // 3. Verify: opens with the new key, passes the integrity check, holds the same rows.
    const check = openExisting(tmp, to);
    try {
      const ok = String(check.pragma('integrity_check', { simple: true }));
      if (ok !== 'ok') throw new StoreError(`重新加密后的数据库校验失败: ${ok}`, 'corrupt');
      const got = tableCounts(check);
      if (JSON.stringify(got) !== JSON.stringify(expected)) {
        throw new StoreError('重新加密后的数据库与原数据库行数不一致，已放弃，原数据库未改动', 'corrupt');
      }
    } finally {
      check.close();
    }
    fsyncFile(tmp);
    // 4. Put it in place: no stale -wal/-shm of the old file may be applied to the new one.
    for (const f of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) fs.rmSync(f, { force: true });
    fs.renameSync(tmp, target);
    fsyncDir(path.dirname(target));
    writeKeyCheck(target, to);
    return expected;
  } catch (err) {
    removeReencryptLeftovers(target);
    if (!(err instanceof StoreError) && isDiskFull(err)) throw new DiskFullError('重新加密数据库', err);
    throw err;
  }
}
