/**
 * The data directory holds health data: only the workstation's user may enter it. Directories are 0700,
 * files 0600; a directory or file an older version left 0755/0644 is tightened at start. On Windows POSIX
 * modes mean nothing, so the directory gets a user-only ACL (inheritance cut, full control for the user,
 * inherited by every file created inside) through icacls.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Create dir (and parents) if needed and make it user-only; returns dir. */
export function ensurePrivateDir(dir: string, platform: NodeJS.Platform = process.platform): string {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (platform === 'win32') return dir;
  const mode = fs.statSync(dir).mode & 0o777;
  if (mode !== PRIVATE_DIR_MODE) fs.chmodSync(dir, PRIVATE_DIR_MODE);
  return dir;
}

/** chmod 0600 a file we own if group or others have any access; a missing file is fine. */
export function tightenFile(file: string): void {
  if (process.platform === 'win32') return;
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return;
  }
  if (st.isFile() && (st.mode & 0o077) !== 0) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Every file directly in dir and in the named sub-directories: 0600; the sub-directories: 0700. */
export function tightenTree(dir: string, subDirs: readonly string[]): void {
  for (const name of safeList(dir)) tightenFile(path.join(dir, name));
  for (const sub of subDirs) {
    const p = path.join(dir, sub);
    if (!fs.existsSync(p)) continue;
    ensurePrivateDir(p);
    for (const name of safeList(p)) tightenFile(path.join(p, name));
  }
}

function safeList(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * The icacls command line that makes dir user-only on Windows: drop inherited entries, then grant the
 * user full control, inherited by sub-folders (CI) and files (OI). user is DOMAIN\name or name.
 */
export function userOnlyAclCommand(dir: string, user: string): { file: string; args: string[] } {
  if (!user || /[\r\n"]/.test(user)) throw new Error(`不能为该用户名设置权限: ${JSON.stringify(user)}`);
  return { file: 'icacls', args: [dir, '/inheritance:r', '/grant:r', `${user}:(OI)(CI)F`, '/T', '/Q'] };
}

export function windowsUser(env: NodeJS.ProcessEnv = process.env): string {
  const name = env.USERNAME ?? '';
  return env.USERDOMAIN ? `${env.USERDOMAIN}\\${name}` : name;
}

/** The data directory, user-only: 0700 and 0600 files on POSIX, the icacls ACL on Windows. */
export function securePrivateDataDir(dataDir: string, subDirs: readonly string[] = []): void {
  ensurePrivateDir(dataDir);
  if (process.platform === 'win32') {
    const cmd = userOnlyAclCommand(dataDir, windowsUser());
    execFileSync(cmd.file, cmd.args, { stdio: 'ignore', windowsHide: true });
    return;
  }
  tightenTree(dataDir, subDirs);
}
