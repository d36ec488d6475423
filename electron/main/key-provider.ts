/**
 * Database key kept by the OS keychain through safeStorage: a random key is generated once, stored
 * encrypted in userData, and decrypted at start. Without OS encryption the database stays plain.
 */
import type { SafeStorage } from 'electron';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KeyProvider } from '../host/app';

export function createSafeStorageKeyProvider(safeStorage: SafeStorage, userData: string, databaseFile: string): KeyProvider {
  const file = path.join(userData, 'db-key.bin');
  return {
    async databaseKey() {
      if (!safeStorage.isEncryptionAvailable()) return undefined;
      if (fs.existsSync(file)) return safeStorage.decryptString(fs.readFileSync(file));
      // A database created before encryption was available stays plain rather than becoming unreadable.
      if (fs.existsSync(databaseFile)) return undefined;
      const key = crypto.randomBytes(32).toString('hex');
      fs.mkdirSync(userData, { recursive: true });
      fs.writeFileSync(file, safeStorage.encryptString(key), { mode: 0o600 });
      return key;
    },
  };
}
