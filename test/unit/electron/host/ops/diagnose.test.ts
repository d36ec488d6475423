/** What the diagnostics bundle keeps of the configuration, and which --out paths it refuses. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppConfig } from '../../../../../electron/host/config';
import { configWithoutSecrets, outPathProblem, writeBundle } from '../../../../../electron/host/ops/diagnose';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'diagnose-unit-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('configWithoutSecrets', () => {
  it('drops the clerk name and URL credentials and queries, keeps everything else as it is', () => {
    const config = AppConfig.parse({
      operator: { code: 'op007', name: '王小明', type: 1 },
      platform: { profile: 'demo', url: 'https://user:pw@platform.example/api/?key=abc#x', simulator: false },
    });
    const out = configWithoutSecrets(config) as AppConfig;
    expect(out.operator).toEqual({ code: 'op007', name: '***', type: 1 });
    expect(out.platform.url).toBe('https://platform.example/api/#x');
    expect(out.devices).toEqual(config.devices);
    expect(out.security).toEqual(config.security);
    expect(config.operator.name).toBe('王小明'); // the caller's object is untouched
  });

  it('masks any password-, token- or secret-like key at any depth', () => {
    const config = AppConfig.parse({});
    const withSecrets = { ...config, extra: { dbPassword: 'p', nested: [{ apiToken: 't', clientSecret: 's', privateKey: 'k' }] } } as unknown as AppConfig;
    const text = JSON.stringify(configWithoutSecrets(withSecrets));
    for (const v of ['"p"', '"t"', '"s"', '"k"']) expect(text).not.toContain(v);
    expect(text).toContain('"dbPassword":"***"');
  });
});

describe('outPathProblem and writeBundle', () => {
  it('accepts a new path in an existing folder; refuses a missing folder, a file as folder and an existing path', () => {
    fs.writeFileSync(path.join(root, 'f'), '');
    expect(outPathProblem(path.join(root, 'new.tar'))).toBeNull();
    expect(outPathProblem(path.join(root, 'nope', 'b.tar'))).toMatch(/^上级目录 .* 不存在$/);
    expect(outPathProblem(path.join(root, 'f', 'b.tar'))).toMatch(/不是目录$/);
    expect(outPathProblem(path.join(root, 'f'))).toMatch(/已存在/);
  });

  it('never overwrites, even when the path appears between the check and the write', () => {
    const out = path.join(root, 'race.tar');
    fs.writeFileSync(out, 'keep');
    expect(() => writeBundle([{ name: 'a.txt', text: 'x' }], out)).toThrow(/EEXIST/);
    expect(fs.readFileSync(out, 'utf8')).toBe('keep');
  });
});
