/**
 * 国密 primitives (SM2 signatures over SM3, SM3 hash, SM4-ECB with PKCS#7) through sm-crypto, a pure-JS
 * implementation: Electron's BoringSSL-based crypto has none of them. Pinned by fixed vectors in the tests.
 */
import { sm2, sm3, sm4 } from 'sm-crypto';

export function sm3Hex(data: string | Uint8Array): string {
  return sm3(typeof data === 'string' ? data : Array.from(data));
}

/** SM4-ECB, PKCS#7 padding: UTF-8 text → hex. */
export function sm4EncryptHex(plain: string, keyHex: string): string {
  return sm4.encrypt(plain, keyHex);
}

/** SM4-ECB, PKCS#7 padding: hex → UTF-8 text. Throws on a bad key, length or padding. */
export function sm4DecryptHex(cipherHex: string, keyHex: string): string {
  if (!/^([0-9a-fA-F]{32})+$/.test(cipherHex)) throw new Error('SM4 密文长度或格式不对');
  const out = sm4.decrypt(cipherHex, keyHex);
  if (typeof out !== 'string' || (out === '' && cipherHex.length > 0)) throw new Error('SM4 解密失败 (密钥或填充错误)');
  return out;
}

/** Raw single-block SM4 (no padding), for the GB/T 32907 test vector. */
export function sm4EncryptBlockHex(blockHex: string, keyHex: string): string {
  const bytes = blockHex.match(/../g)!.map((h) => parseInt(h, 16));
  return sm4.encrypt(bytes, keyHex, { padding: 'none' });
}

/** SM2 signature (r||s hex) of SM3(Z || msg) with the given user id. */
export function sm2SignHex(msg: string, privateKeyHex: string, publicKeyHex: string, userId: string): string {
  return sm2.doSignature(msg, privateKeyHex, { hash: true, publicKey: publicKeyHex, userId });
}

export function sm2VerifyHex(msg: string, signatureHex: string, publicKeyHex: string, userId: string): boolean {
  if (!/^[0-9a-fA-F]{128}$/.test(signatureHex)) return false;
  try {
    return sm2.doVerifySignature(msg, signatureHex, publicKeyHex, { hash: true, userId });
  } catch {
    return false;
  }
}

export function sm2PublicKeyOf(privateKeyHex: string): string {
  return sm2.getPublicKeyFromPrivateKey(privateKeyHex);
}
