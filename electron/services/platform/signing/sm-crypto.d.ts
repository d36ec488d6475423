// Minimal typings for the parts of sm-crypto (pure-JS SM2/SM3/SM4) this project uses.
declare module 'sm-crypto' {
  type Bytes = number[] | Uint8Array;
  interface SignatureOptions {
    hash?: boolean;
    der?: boolean;
    publicKey?: string;
    userId?: string;
  }
  interface Sm4Options {
    padding?: 'pkcs#7' | 'pkcs#5' | 'none';
    mode?: 'ecb' | 'cbc';
    iv?: string | Bytes;
    output?: 'string' | 'array';
  }
  export const sm2: {
    generateKeyPairHex(): { publicKey: string; privateKey: string };
    getPublicKeyFromPrivateKey(privateKey: string): string;
    doSignature(msg: string | Bytes, privateKey: string, options?: SignatureOptions): string;
    doVerifySignature(msg: string | Bytes, signHex: string, publicKey: string, options?: SignatureOptions): boolean;
    doEncrypt(msg: string | Bytes, publicKey: string, cipherMode?: 0 | 1): string;
    doDecrypt(encryptData: string, privateKey: string, cipherMode?: 0 | 1): string;
  };
  export function sm3(input: string | Bytes, options?: { key: string | Bytes }): string;
  export const sm4: {
    encrypt(input: string | Bytes, key: string | Bytes, options?: Sm4Options): string;
    decrypt(input: string | Bytes, key: string | Bytes, options?: Sm4Options): string;
  };
}
