/**
 * Where the app database lives inside a data directory, and how to open it.
 * One place for the path, so the CLI, browser mode and the Electron shell agree.
 */
import path from 'node:path';
import { openDatabase, type Db } from './database';
import { appMigrations } from './migrations';

export const APP_DATABASE_FILE = 'counter.db';

export function appDatabasePath(dataDir: string): string {
  return path.join(dataDir, APP_DATABASE_FILE);
}

export function openAppDatabase(dataDir: string, key?: string): Db {
  return openDatabase(appDatabasePath(dataDir), { migrations: appMigrations, key });
}
