/**
 * Gateway signing: how a JSON envelope travels to the province and back. Three kinds, chosen by the profile:
 * - none:  the envelope as the body;
 * - x-tif: x-tif-paasid / -timestamp / -nonce / -signature headers, signature = hex SHA-256(ts + token + nonce + ts);
 * - sm:    body {appId, timestamp, encData = SM4(envelope), signData = SM2(appId + timestamp + encData)};
 *          the reply comes back the same way, signed with the platform's key.
 * Both ends live here (client codec and platform codec) so the simulator verifies exactly what the client makes.
 */
import crypto from 'node:crypto';
import type { SigningConfig, SmSigningConfig } from '../profile';
import { sm2SignHex, sm2VerifyHex, sm4DecryptHex, sm4EncryptHex } from './gm';

export interface WireMessage {
  headers: Record<string, string>;
  body: string;
}

/** A gateway refusal (bad signature, stale timestamp, undecryptable body): HTTP status + Chinese message. */
export class GatewayError extends Error {
  constructor(message: string, readonly status = 401) {
    super(message);
    this.name = 'GatewayError';
  }
}

export interface ClientCodec {
  encodeRequest(envelopeJson: string, now: Date): WireMessage;
  /** The reply body → envelope JSON text; throws GatewayError if it cannot be trusted. */
  decodeReply(body: string): string;
}

export interface PlatformCodec {
  /** Request headers + body → envelope JSON text; throws GatewayError. */
  decodeRequest(headers: Record<string, string | string[] | undefined>, body: string, now: Date): string;
  encodeReply(envelopeJson: string, now: Date): WireMessage;
}

const JSON_HEADERS = { 'content-type': 'application/json;charset=UTF-8' };

export function xTifSignature(timestamp: string, token: string, nonce: string): string {
  return crypto.createHash('sha256').update(timestamp + token + nonce + timestamp, 'utf8').digest('hex');
}

/** The signed string of an SM-wrapped body. */
function smSignedText(appId: string, timestamp: string, encData: string): string {
  return appId + timestamp + encData;
}

interface SmBody {
  appId: string;
  timestamp: string;
  encType: 'SM4';
  signType: 'SM2';
  encData: string;
  signData: string;
}

function smWrap(cfg: SmSigningConfig, json: string, now: Date, privateKey: string, publicKey: string): WireMessage {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const encData = sm4EncryptHex(json, cfg.sm4Key);
  const signData = sm2SignHex(smSignedText(cfg.appId, timestamp, encData), privateKey, publicKey, cfg.userId);
  const body: SmBody = { appId: cfg.appId, timestamp, encType: 'SM4', signType: 'SM2', encData, signData };
  return { headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}

function smUnwrap(cfg: SmSigningConfig, text: string, verifyKey: string, who: string): { json: string; timestamp: string } {
  let body: Partial<SmBody>;
  try {
    body = JSON.parse(text) as Partial<SmBody>;
  } catch {
    throw new GatewayError(`${who}报文不是合法的 JSON`, 400);
  }
  if (typeof body.encData !== 'string' || typeof body.signData !== 'string' || typeof body.timestamp !== 'string') {
    throw new GatewayError(`${who}报文缺少 encData / signData / timestamp`, 400);
  }
  if (body.appId !== cfg.appId) throw new GatewayError(`${who}报文 appId 不符`, 401);
  if (!sm2VerifyHex(smSignedText(cfg.appId, body.timestamp, body.encData), body.signData, verifyKey, cfg.userId)) {
    throw new GatewayError(`${who}报文 SM2 签名校验失败`, 401);
  }
  try {
    return { json: sm4DecryptHex(body.encData, cfg.sm4Key), timestamp: body.timestamp };
  } catch (err) {
    throw new GatewayError(`${who}报文 SM4 解密失败: ${(err as Error).message}`, 400);
  }
}

function checkSkew(timestamp: string, now: Date, maxSkewSeconds: number): void {
  const ts = Number(timestamp);
  if (!/^\d{10}$/.test(timestamp) || Math.abs(ts - now.getTime() / 1000) > maxSkewSeconds) {
    throw new GatewayError('网关时间戳无效或与平台时间相差过大', 401);
  }
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function createClientCodec(cfg: SigningConfig, nonce: () => string = () => crypto.randomUUID().replace(/-/g, '')): ClientCodec {
  switch (cfg.type) {
    case 'none':
      return { encodeRequest: (json) => ({ headers: { ...JSON_HEADERS }, body: json }), decodeReply: (body) => body };
    case 'x-tif':
      return {
        encodeRequest(json, now) {
          const timestamp = String(Math.floor(now.getTime() / 1000));
          const n = nonce();
          return {
            headers: {
              ...JSON_HEADERS,
              'x-tif-paasid': cfg.paasid,
              'x-tif-timestamp': timestamp,
              'x-tif-nonce': n,
              'x-tif-signature': xTifSignature(timestamp, cfg.token, n),
            },
            body: json,
          };
        },
        decodeReply: (body) => body,
      };
    case 'sm':
      return {
        encodeRequest: (json, now) => smWrap(cfg, json, now, cfg.clientPrivateKey, cfg.clientPublicKey),
        decodeReply: (body) => smUnwrap(cfg, body, cfg.platformPublicKey, '平台应答').json,
      };
  }
}

export function createPlatformCodec(cfg: SigningConfig): PlatformCodec {
  switch (cfg.type) {
    case 'none':
      return { decodeRequest: (_h, body) => body, encodeReply: (json) => ({ headers: { ...JSON_HEADERS }, body: json }) };
    case 'x-tif': {
      const seenNonces = new Map<string, number>();
      return {
        decodeRequest(headers, body, now) {
          const paasid = header(headers, 'x-tif-paasid');
          const timestamp = header(headers, 'x-tif-timestamp');
          const n = header(headers, 'x-tif-nonce');
          const signature = header(headers, 'x-tif-signature');
          if (!paasid || !timestamp || !n || !signature) throw new GatewayError('缺少网关签名头 x-tif-*', 401);
          if (paasid !== cfg.paasid) throw new GatewayError('网关 paasid 未登记', 401);
          checkSkew(timestamp, now, cfg.maxSkewSeconds);
          if (signature.toLowerCase() !== xTifSignature(timestamp, cfg.token, n)) throw new GatewayError('网关签名校验失败', 401);
          const nowSec = now.getTime() / 1000;
          for (const [k, t] of seenNonces) if (nowSec - t > cfg.maxSkewSeconds) seenNonces.delete(k);
          if (seenNonces.has(n)) throw new GatewayError('网关 nonce 重复 (疑似重放)', 401);
          seenNonces.set(n, Number(timestamp));
          return body;
        },
        encodeReply: (json) => ({ headers: { ...JSON_HEADERS }, body: json }),
      };
    }
    case 'sm': {
      const { platformPrivateKey } = cfg;
      if (!platformPrivateKey) throw new GatewayError('国密配置缺少平台私钥，无法模拟平台', 500);
      return {
        decodeRequest(_headers, body, now) {
          const { json, timestamp } = smUnwrap(cfg, body, cfg.clientPublicKey, '请求');
          checkSkew(timestamp, now, cfg.maxSkewSeconds);
          return json;
        },
        encodeReply: (json, now) => smWrap(cfg, json, now, platformPrivateKey, cfg.platformPublicKey),
      };
    }
  }
}
