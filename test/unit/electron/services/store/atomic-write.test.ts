import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, saveConfig, ConfigError, AppConfig } from '../../../../../electron/host/config';
import { DiskFullError, writeFileAtomic, type AtomicFs } from '../../../../../electron/services/store/atomic-write';
import { dataDirKeySource } from '../../../../../electron/services/store/key-source';
import { useTempDirs } from '../../../../helpers/temp-dirs';

const tempDir = useTempDirs('atomic-');

/** Real fs whose writes fail as a full disk does, after `allow` bytes (a torn write, then ENOSPC). */
function fullDisk(allow = 3): AtomicFs {
  return {
    openSync: fs.openSync,
    writeSync: (fd, data) => {
      if (allow > 0) {
        const n = fs.writeSync(fd, data.subarray(0, Math.min(allow, data.length)));
        allow -= n;
        return n;
      }
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
    fsyncSync: fs.fsyncSync,
    closeSync: fs.closeSync,
    renameSync: fs.renameSync,
    linkSync: fs.linkSync,
    rmSync: fs.rmSync,
  };
}

const mode = (f: string) => fs.statSync(f).mode & 0o777;

describe('atomic file writer', () => {
  it('writes the whole file user-only and leaves no temp file', () => {
    const dir = tempDir();
    const f = path.join(dir, 'x.json');
    writeFileAtomic(f, 'hello\n');
    expect(fs.readFileSync(f, 'utf8')).toBe('hello\n');
    expect(mode(f)).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['x.json']);
  });

  it('on a full disk says 磁盘空间不足 and leaves the old file as it was, with no temp file', () => {
    const dir = tempDir();
    const f = path.join(dir, 'x.json');
    fs.writeFileSync(f, 'old content');
    expect(() => writeFileAtomic(f, 'new content that will not fit', { fs: fullDisk(), what: '写入测试文件' })).toThrow(DiskFullError);
    expect(() => writeFileAtomic(f, 'new', { fs: fullDisk(0) })).toThrow(/磁盘空间不足/);
    expect(fs.readFileSync(f, 'utf8')).toBe('old content');
    expect(fs.readdirSync(dir)).toEqual(['x.json']);
  });

  it('createOnly never replaces a file another process created first', () => {
    const dir = tempDir();
    const f = path.join(dir, 'db.key');
    expect(writeFileAtomic(f, 'first\n', { createOnly: true })).toBe(true);
    expect(writeFileAtomic(f, 'second\n', { createOnly: true })).toBe(false);
    expect(fs.readFileSync(f, 'utf8')).toBe('first\n');
    expect(fs.readdirSync(dir)).toEqual(['db.key']);
  });
});

describe('config.json at start', () => {
  it('a full disk at first start leaves no config.json behind, and the next start (with space) works', () => {
    const dir = tempDir();
    expect(() => loadConfig(dir, { fs: fullDisk() })).toThrow(/磁盘空间不足，无法写入配置文件/);
    expect(fs.existsSync(path.join(dir, 'config.json'))).toBe(false);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(loadConfig(dir).operator.code).toBe('op001');
    expect(mode(path.join(dir, 'config.json'))).toBe(0o600);
  });

  it('replaces a 0-byte config.json an older version left after a full disk with the defaults', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), '');
    expect(loadConfig(dir)).toEqual(AppConfig.parse({}));
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual(AppConfig.parse({}));
  });

  it('replaces a torn first write of the defaults (a strict prefix of them) with the defaults', () => {
    const dir = tempDir();
    const full = JSON.stringify(AppConfig.parse({}), null, 2) + '\n';
    fs.writeFileSync(path.join(dir, 'config.json'), full.slice(0, 57));
    expect(loadConfig(dir).site.windowCode).toBe('001');
  });

  it('still refuses (and keeps) a broken config.json that someone edited', () => {
    const dir = tempDir();
    const edited = '{ "operator": { "code": "op007", }';
    fs.writeFileSync(path.join(dir, 'config.json'), edited);
    expect(() => loadConfig(dir)).toThrow(ConfigError);
    expect(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')).toBe(edited);
  });

  it('saveConfig writes atomically, user-only, and removes the temp name older versions left', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'config.json.tmp'), '{');
    saveConfig(dir, AppConfig.parse({ site: { windowCode: '007' } }));
    expect(loadConfig(dir).site.windowCode).toBe('007');
    expect(mode(path.join(dir, 'config.json'))).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['config.json']);
  });
});

describe('key file at start', () => {
  it('a full disk while creating db.key says 磁盘空间不足 and leaves no key file (the next start makes one)', () => {
    const dir = tempDir();
    expect(() => dataDirKeySource(dir, {}, { fs: fullDisk(10) })).toThrow(/磁盘空间不足，无法写入数据库密钥文件/);
    expect(fs.readdirSync(dir)).toEqual([]);
    const keys = dataDirKeySource(dir, {});
    expect(fs.readFileSync(path.join(dir, 'db.key'), 'utf8').trim()).toBe(keys.databaseKey().toString('hex'));
  });
});
