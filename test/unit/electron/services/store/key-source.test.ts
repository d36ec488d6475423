import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppDatabase } from '../../../../../electron/services/app-schema';
import { opensWithKey, StoreError } from '../../../../../electron/services/store/database';
import { dataDirKeySource, formatKeyText, keySourceFromMaster, nextKeyFilePath } from '../../../../../electron/services/store/key-source';
import { createSafeStorageKeyProvider, KeyStorageRefused, type SafeStorageLike } from '../../../../../electron/main/key-provider';
import { useTempDirs } from '../../../../helpers/temp-dirs';

const tempDir = useTempDirs('keys-');
const HEX = 'a1'.repeat(32);

describe('data directory key source (browser mode, CLI, tests)', () => {
  it('creates a random 256-bit db.key, 0600, at first start and reuses it afterwards', () => {
    const dir = tempDir();
    const first = dataDirKeySource(dir, {});
    const file = path.join(dir, 'db.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(first.origin).toBe('key-file');
    expect(first.databaseKey()).toHaveLength(32);
    expect(dataDirKeySource(dir, {}).databaseKey().equals(first.databaseKey())).toBe(true);
    expect(dataDirKeySource(tempDir(), {}).databaseKey().equals(first.databaseKey())).toBe(false);
  });

  it('two processes creating db.key at once agree on one key: the second keeps the first one\'s file', () => {
    const dir = tempDir();
    const theirs = 'e5'.repeat(32);
    const racing = {
      openSync: fs.openSync,
      writeSync: (fd: number, data: Buffer) => fs.writeSync(fd, data),
      fsyncSync: fs.fsyncSync,
      closeSync: fs.closeSync,
      renameSync: fs.renameSync,
      rmSync: fs.rmSync,
      // The other process's key lands just before ours.
      linkSync: (from: fs.PathLike, to: fs.PathLike) => {
        fs.writeFileSync(to, `${theirs}\n`, { mode: 0o600 });
        fs.linkSync(from, to);
      },
    };
    expect(dataDirKeySource(dir, {}, { fs: racing }).databaseKey().toString('hex')).toBe(theirs);
    expect(fs.readFileSync(path.join(dir, 'db.key'), 'utf8')).toBe(`${theirs}\n`);
    expect(fs.readdirSync(dir)).toEqual(['db.key']);
  });

  it('takes COUNTER_DB_KEY (64 hex digits) over the key file, and writes no key file for it', () => {
    const dir = tempDir();
    const keys = dataDirKeySource(dir, { COUNTER_DB_KEY: HEX });
    expect(keys.origin).toBe('env');
    expect(keys.databaseKey().toString('hex')).toBe(HEX);
    expect(fs.existsSync(path.join(dir, 'db.key'))).toBe(false);
  });

  it('refuses a malformed COUNTER_DB_KEY or key file in Chinese, saying the format', () => {
    for (const bad of ['secret', 'a1'.repeat(31), 'zz'.repeat(32), HEX + '00']) {
      expect(() => dataDirKeySource(tempDir(), { COUNTER_DB_KEY: bad })).toThrow(/COUNTER_DB_KEY 格式不正确: 应为 64 位十六进制数字/);
    }
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'db.key'), 'not a key\n');
    expect(() => dataDirKeySource(dir, {})).toThrow(/密钥文件 .*db\.key 格式不正确/);
  });

  it('never makes a fresh key for an encrypted database whose key is missing', () => {
    const dir = tempDir();
    openAppDatabase(dir, dataDirKeySource(dir, {})).close();
    fs.rmSync(path.join(dir, 'db.key'));
    let err: unknown;
    try {
      dataDirKeySource(dir, {});
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('wrong-key');
    expect((err as Error).message).toMatch(/数据库已加密，但找不到密钥/);
    expect(fs.existsSync(path.join(dir, 'db.key'))).toBe(false);
  });

  it('derives a separate audit-chain key: HKDF-SHA256 of the master key, label counter-audit-chain', () => {
    const master = Buffer.from(HEX, 'hex');
    const keys = keySourceFromMaster(master, 'env');
    const expected = Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), Buffer.from('counter-audit-chain'), 32));
    expect(keys.auditKey().equals(expected)).toBe(true);
    expect(keys.auditKey().equals(keys.databaseKey())).toBe(false);
    expect(keySourceFromMaster(Buffer.from('b2'.repeat(32), 'hex'), 'env').auditKey().equals(keys.auditKey())).toBe(false);
  });

  it('finishes an interrupted rekey: db.key.next becomes db.key once the database opens with it', () => {
    const dir = tempDir();
    const next = Buffer.from('c3'.repeat(32), 'hex');
    openAppDatabase(dir, keySourceFromMaster(next, 'key-file')).close(); // database already re-encrypted
    fs.writeFileSync(path.join(dir, 'db.key'), formatKeyText(Buffer.from(HEX, 'hex')));
    fs.writeFileSync(nextKeyFilePath(dir), formatKeyText(next));
    expect(dataDirKeySource(dir, {}).databaseKey().equals(next)).toBe(true);
    expect(fs.existsSync(nextKeyFilePath(dir))).toBe(false);
  });

  it('undoes an interrupted rekey: a db.key.next the database does not open with is dropped', () => {
    const dir = tempDir();
    const old = dataDirKeySource(dir, {});
    openAppDatabase(dir, old).close();
    fs.writeFileSync(nextKeyFilePath(dir), formatKeyText(Buffer.from('c3'.repeat(32), 'hex')));
    expect(dataDirKeySource(dir, {}).databaseKey().equals(old.databaseKey())).toBe(true);
    expect(fs.existsSync(nextKeyFilePath(dir))).toBe(false);
    expect(opensWithKey(path.join(dir, 'counter.db'), old.databaseKey())).toBe(true);
  });
});

/** A stand-in for Electron's safeStorage: "encrypts" by XOR so the file is not the key in clear. */
function fakeSafeStorage(o: { available?: boolean; backend?: string } = {}): SafeStorageLike & { encrypted: number } {
  const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  const fake = {
    encrypted: 0,
    isEncryptionAvailable: () => o.available ?? true,
    encryptString: (s: string) => (fake.encrypted++, xor(Buffer.from(s, 'utf8'))),
    decryptString: (b: Buffer) => xor(b).toString('utf8'),
    getSelectedStorageBackend: () => o.backend ?? 'gnome_libsecret',
  };
  return fake;
}

describe('Electron key provider (safeStorage)', () => {
  it('keeps the key wrapped by safeStorage and returns the same key at the next start', async () => {
    const dir = tempDir();
    const ss = fakeSafeStorage();
    const first = await createSafeStorageKeyProvider(ss, dir, {}, 'linux').keys();
    const stored = fs.readFileSync(path.join(dir, 'db-key.bin'));
    expect(stored.includes(Buffer.from(first.databaseKey().toString('hex')))).toBe(false);
    expect(ss.encrypted).toBe(1);
    expect(fs.statSync(path.join(dir, 'db-key.bin')).mode & 0o777).toBe(0o600);
    const again = await createSafeStorageKeyProvider(ss, dir, {}, 'linux').keys();
    expect(again.databaseKey().equals(first.databaseKey())).toBe(true);
    expect(again.origin).toBe('safe-storage');
  });

  it('refuses to start on Linux with the basic_text backend, saying why and what to do, and writes no key', async () => {
    const dir = tempDir();
    const p = createSafeStorageKeyProvider(fakeSafeStorage({ backend: 'basic_text' }), dir, {}, 'linux');
    const err = await p.keys().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeyStorageRefused);
    expect((err as Error).message).toMatch(/basic_text/);
    expect((err as Error).message).toMatch(/固定密钥/);
    expect((err as Error).message).toMatch(/钥匙串/);
    expect((err as Error).message).toMatch(/COUNTER_DB_KEY/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses when OS encryption is unavailable, on every platform — never a plain database', async () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const p = createSafeStorageKeyProvider(fakeSafeStorage({ available: false }), tempDir(), {}, platform);
      await expect(p.keys()).rejects.toThrow(/系统钥匙串不可用/);
    }
  });

  it('uses COUNTER_DB_KEY from a protected source instead of a refused keyring', async () => {
    const p = createSafeStorageKeyProvider(fakeSafeStorage({ backend: 'basic_text' }), tempDir(), { COUNTER_DB_KEY: HEX }, 'linux');
    const keys = await p.keys();
    expect(keys.origin).toBe('env');
    expect(keys.databaseKey().toString('hex')).toBe(HEX);
  });
});
