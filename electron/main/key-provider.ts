/**
 * The database master key in the Electron shell, kept by the OS keychain through safeStorage: 32 random
 * bytes generated once, stored encrypted in <userData>/db-key.bin, decrypted at start.
 *
 * There is no plain fallback. When safeStorage cannot protect the key the shell refuses to start:
 *  - encryption unavailable (no keychain/DPAPI/libsecret), or
 *  - on Linux the `basic_text` backend: Chromium then "encrypts" with a hard-coded key that every program
 *    knows — obfuscation, not protection; the key file would be as readable as the database itself.
 * COUNTER_DB_KEY (64 hex digits, from a protected source such as a systemd credential) overrides
 * safeStorage for counters without a keyring. Pure Node apart from the SafeStorage object passed in, so
 * it is unit-tested with a fake.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KeyProvider } from '../host/app';
import { writeFileAtomic } from '../services/store/atomic-write';
import {
  ELECTRON_KEY_FILE,
  generateMasterKey,
  KEY_ENV,
  keySourceFromMaster,
  parseKeyText,
} from '../services/store/key-source';

/** The part of Electron's safeStorage this needs (getSelectedStorageBackend exists on Linux only). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export class KeyStorageRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyStorageRefused';
  }
}

const WHAT_TO_DO =
  '请安装并解锁系统钥匙串 (GNOME 密钥环 gnome-keyring 或 KWallet，并确保登录后已解锁)，然后重新启动工作站；' +
  `或由管理员从受保护的来源 (如 systemd 凭据) 设置环境变量 ${KEY_ENV} (64 位十六进制密钥)。`;

/** Why safeStorage cannot protect the key here, or undefined when it can. */
export function safeStorageRefusal(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): string | undefined {
  if (!safeStorage.isEncryptionAvailable()) {
    return `无法启动: 系统钥匙串不可用，数据库密钥无法得到保护，工作站不会以明文保存个人信息。${WHAT_TO_DO}`;
  }
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return (
      '无法启动: 系统钥匙串未运行，Electron 只能使用 basic_text 方式保存密钥——它用的是程序内置、人人可知的固定密钥，' +
      `只是混淆而不是保护，任何能读取数据目录的程序都能还原数据库密钥。${WHAT_TO_DO}`
    );
  }
  return undefined;
}

export function createSafeStorageKeyProvider(
  safeStorage: SafeStorageLike,
  userData: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): KeyProvider {
  const file = path.join(userData, ELECTRON_KEY_FILE);
  // Versions before this one stored the hex key the same way but passed it to SQLite as a passphrase.
  let legacy: string | undefined;
  return {
    async keys() {
      const fromEnv = env[KEY_ENV];
      if (fromEnv) return keySourceFromMaster(parseKeyText(fromEnv, `环境变量 ${KEY_ENV}`), 'env');
      const refusal = safeStorageRefusal(safeStorage, platform);
      if (refusal) throw new KeyStorageRefused(refusal);
      if (fs.existsSync(file)) {
        const hex = safeStorage.decryptString(fs.readFileSync(file));
        legacy = hex.trim();
        return keySourceFromMaster(parseKeyText(hex, `密钥文件 ${file}`), 'safe-storage');
      }
      const key = generateMasterKey();
      fs.mkdirSync(userData, { recursive: true, mode: 0o700 });
      writeFileAtomic(file, safeStorage.encryptString(key.toString('hex')), { what: '写入数据库密钥' });
      return keySourceFromMaster(key, 'safe-storage');
    },
    legacyPassphrase: () => legacy,
  };
}
