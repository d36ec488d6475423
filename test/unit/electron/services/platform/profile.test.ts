import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REMOTE_REG_TYPES } from '../../../../../electron/contract/vocabulary/remote-registration';
import { listProfiles, loadProfile, parseProfile, ProfileError, timeoutFor } from '../../../../../electron/services/platform/profile';

describe('province profiles', () => {
  it('ships demo (示例省, default) and the SM test profile, both valid', () => {
    expect(listProfiles()).toEqual(expect.arrayContaining(['demo', 'sm-test']));
    const demo = loadProfile();
    expect(demo.id).toBe('demo');
    expect(demo.name).toBe('示例省');
    expect(demo.agency.code).toHaveLength(12);
    expect(demo.signing.type).toBe('x-tif');
    expect(loadProfile('sm-test').signing.type).toBe('sm');
  });

  it('time-outs per transaction fall back to the default', () => {
    const demo = loadProfile('demo');
    expect(timeoutFor(demo, '9101')).toBe(60_000);
    expect(timeoutFor(demo, '1101')).toBe(demo.timeouts.defaultMs);
  });

  it('rejects a profile with a short agency code, an unknown signing type or a missing field map, naming the field', () => {
    const demo = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../resources/profiles/demo.json'), 'utf8')) as Record<string, unknown>;
    expect(() => parseProfile({ ...demo, agency: { code: 'H9901', name: 'x' } })).toThrow(/agency\.code.*12位/);
    expect(() => parseProfile({ ...demo, signing: { type: 'hmac' } })).toThrow(ProfileError);
    const rr = demo.remoteRegistration as { fields: Record<string, string> };
    const { regType: _r, ...fields } = rr.fields;
    expect(() => parseProfile({ ...demo, remoteRegistration: { ...rr, fields } })).toThrow(/remoteRegistration\.fields\.regType/);
    expect(() => parseProfile({ ...demo, extra: 1 })).toThrow(ProfileError);
  });

  it('needs a province code for each 异地备案 type of the vocabulary, naming the one that is missing', () => {
    for (const id of ['demo', 'sm-test']) expect(Object.keys(loadProfile(id).remoteRegistration.typeCodes).sort()).toEqual([...REMOTE_REG_TYPES].sort());
    const demo = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../../resources/profiles/demo.json'), 'utf8')) as Record<string, unknown>;
    const rr = demo.remoteRegistration as { typeCodes: Record<string, string> };
    const { emergency: _e, ...typeCodes } = rr.typeCodes;
    expect(() => parseProfile({ ...demo, remoteRegistration: { ...rr, typeCodes } })).toThrow(/remoteRegistration\.typeCodes\.emergency/);
  });

  it('reports a missing profile, bad JSON and an unsafe name in Chinese', () => {
    expect(() => loadProfile('no-such-province')).toThrow(/找不到省份配置/);
    expect(() => loadProfile('../etc/passwd')).toThrow(/不合法/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profile-'));
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{ not json');
    expect(() => loadProfile(file)).toThrow(/不是合法的 JSON/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
