import os from 'node:os';
import path from 'node:path';

const APP_DIR = 'counter-workstation';

/** The workstation's encrypted database inside the data directory (backups, key checks and restore name it too). */
export const APP_DATABASE_FILE = 'counter.db';

/** OS-appropriate default data directory for browser mode and the CLI (Electron uses userData). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.COUNTER_DATA_DIR) return env.COUNTER_DATA_DIR;
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), APP_DIR);
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', APP_DIR);
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), APP_DIR);
}
