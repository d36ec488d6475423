import { describe, expect, it } from 'vitest';
import { sm2PublicKeyOf, sm2SignHex, sm2VerifyHex, sm3Hex, sm4DecryptHex, sm4EncryptBlockHex, sm4EncryptHex } from '../../../../../../electron/services/platform/signing/gm';
import { createClientCodec, createPlatformCodec, GatewayError, xTifSignature } from '../../../../../../electron/services/platform/signing/gateway';
import { loadProfile } from '../../../../../../electron/services/platform/profile';

// GM/T 0003.5 example private key and its public key (x || y).
const PRIV = '3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8';
const PUB =
  '04' +
  '09f9df311e5421a150dd7d161e4bc5c672179fad1833fc076bb08ff356f35020' +
  'ccea490ce26775a52dc6ea718cc1aa600aed05fbf35e084a6632f6072da9ad13';
// A signature made once with this key over "message digest" (user id 1234567812345678), pinned.
const PINNED_SIG =
  '3f1c033a9885bfece00d92035057da11e884311b82543a52f82b70a992f7e78c5e0b147b212b782558a8b2a6cda264015acf54378141db99c3fa1cf6e4a51e11';

describe('国密 primitives pinned by fixed vectors', () => {
  it('SM3 of "abc" (GB/T 32905 example 1)', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
  it('SM3 of 64 bytes "abcd"×16 (GB/T 32905 example 2)', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
  it('SM4 single block (GB/T 32907 example)', () => {
    const k = '0123456789abcdeffedcba9876543210';
    expect(sm4EncryptBlockHex(k, k)).toBe('681edf34d206965e86b3e94f536e4246');
  });
  it('SM4 with PKCS#7 round-trips Chinese text and refuses a wrong key or broken ciphertext', () => {
    const k = '0123456789abcdeffedcba9876543210';
    const c = sm4EncryptHex('{"psn_name":"张三"}', k);
    expect(c.length % 32).toBe(0);
    expect(sm4DecryptHex(c, k)).toBe('{"psn_name":"张三"}');
    expect(() => sm4DecryptHex(c.slice(0, -2), k)).toThrow();
    let wrong: string | undefined;
    try {
      wrong = sm4DecryptHex(c, 'fedcba98765432100123456789abcdef');
    } catch {
      wrong = undefined;
    }
    expect(wrong).not.toBe('{"psn_name":"张三"}');
  });
  it('SM2 public key derivation matches the GM/T 0003.5 example', () => {
    expect(sm2PublicKeyOf(PRIV)).toBe(PUB);
  });
  it('SM2 verifies the pinned signature and rejects tampering', () => {
    expect(sm2VerifyHex('message digest', PINNED_SIG, PUB, '1234567812345678')).toBe(true);
    expect(sm2VerifyHex('message digesT', PINNED_SIG, PUB, '1234567812345678')).toBe(false);
    expect(sm2VerifyHex('message digest', PINNED_SIG, PUB, 'another-user-id')).toBe(false);
    expect(sm2VerifyHex('message digest', PINNED_SIG.replace(/^3f/, '3e'), PUB, '1234567812345678')).toBe(false);
    expect(sm2VerifyHex('message digest', 'not-hex', PUB, '1234567812345678')).toBe(false);
  });
  it('SM2 sign → verify round trip with the fixed key', () => {
    const sig = sm2SignHex('报文', PRIV, PUB, '1234567812345678');
    expect(sig).toMatch(/^[0-9a-f]{128}$/);
    expect(sm2VerifyHex('报文', sig, PUB, '1234567812345678')).toBe(true);
  });
});

describe('x-tif gateway headers', () => {
  it('signature = hex SHA-256(timestamp + token + nonce + timestamp), pinned', () => {
    expect(xTifSignature('1700000000', 'demo-token', 'abc123')).toBe('dc1b302d31ab1954a9088460ec2e06a2b02086646a08a11ea752bb9e1c14a4fe');
  });

  const cfg = { type: 'x-tif' as const, paasid: 'p1', token: 'tok', maxSkewSeconds: 300 };
  const now = new Date('2026-03-01T08:00:00Z');

  it('client headers are accepted by the platform side; replay, skew, wrong paasid and bad signature are refused', () => {
    let n = 0;
    const client = createClientCodec(cfg, () => `nonce${++n}`);
    const platform = createPlatformCodec(cfg);
    const w = client.encodeRequest('{"a":1}', now);
    expect(w.headers['x-tif-timestamp']).toBe(String(now.getTime() / 1000));
    expect(w.headers['x-tif-paasid']).toBe('p1');
    expect(platform.decodeRequest(w.headers, w.body, now)).toBe('{"a":1}');
    expect(() => platform.decodeRequest(w.headers, w.body, now)).toThrow(/nonce 重复/);
    const w2 = client.encodeRequest('{}', now);
    expect(() => platform.decodeRequest(w2.headers, w2.body, new Date(now.getTime() + 301_000))).toThrow(/时间戳/);
    const w3 = client.encodeRequest('{}', now);
    expect(() => platform.decodeRequest({ ...w3.headers, 'x-tif-signature': '0'.repeat(64) }, w3.body, now)).toThrow(/签名校验失败/);
    const w4 = client.encodeRequest('{}', now);
    expect(() => platform.decodeRequest({ ...w4.headers, 'x-tif-paasid': 'other' }, w4.body, now)).toThrow(GatewayError);
    const { ['x-tif-nonce']: _dropped, ...noNonce } = client.encodeRequest('{}', now).headers;
    expect(() => platform.decodeRequest(noNonce, '{}', now)).toThrow(/缺少网关签名头/);
  });
});

describe('SM gateway (SM4 body, SM2 signature over SM3)', () => {
  const profile = loadProfile('sm-test');
  const now = new Date('2026-03-01T08:00:00Z');
  if (profile.signing.type !== 'sm') throw new Error('sm-test profile must use SM signing');
  const smCfg = profile.signing;

  it('request and reply round-trip, and the body is really encrypted', () => {
    const client = createClientCodec(smCfg);
    const platform = createPlatformCodec(smCfg);
    const env = JSON.stringify({ infno: '1101', input: { data: { psn_name: '张三' } } });
    const w = client.encodeRequest(env, now);
    expect(w.body).not.toContain('张三');
    expect(w.body).not.toContain('1101');
    expect(platform.decodeRequest(w.headers, w.body, now)).toBe(env);
    const r = platform.encodeReply('{"infcode":0}', now);
    expect(client.decodeReply(r.body)).toBe('{"infcode":0}');
  });

  it('refuses a tampered body, a forged signature, a stale timestamp and a reply not signed by the platform', () => {
    const client = createClientCodec(smCfg);
    const platform = createPlatformCodec(smCfg);
    const w = client.encodeRequest('{"x":1}', now);
    const body = JSON.parse(w.body) as Record<string, string>;
    const flipped = body.encData.slice(0, -1) + (body.encData.endsWith('0') ? '1' : '0');
    expect(() => platform.decodeRequest({}, JSON.stringify({ ...body, encData: flipped }), now)).toThrow(/签名校验失败/);
    expect(() => platform.decodeRequest({}, JSON.stringify({ ...body, appId: 'x' }), now)).toThrow(/appId/);
    expect(() => platform.decodeRequest({}, w.body, new Date(now.getTime() + 3600_000))).toThrow(/时间戳/);
    expect(() => platform.decodeRequest({}, 'not json', now)).toThrow(GatewayError);
    expect(() => platform.decodeRequest({}, '{"encData":"00"}', now)).toThrow(/缺少/);
    // A "reply" signed with the client's key, not the platform's.
    const forged = client.encodeRequest('{"infcode":0}', now);
    expect(() => client.decodeReply(forged.body)).toThrow(/签名校验失败/);
  });

  it('the platform side cannot run without the platform private key', () => {
    const { platformPrivateKey: _omit, ...noKey } = smCfg;
    expect(() => createPlatformCodec(noKey)).toThrow(/平台私钥/);
  });
});
