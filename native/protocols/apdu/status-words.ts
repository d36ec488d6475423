/**
 * ISO 7816-4 status words → typed results with clerk-readable Chinese messages.
 * Only what a 社保卡 read meets is named; everything else is `unknown` with its hex shown.
 */

export type StatusKind =
  | 'ok' // 9000
  | 'more-data' // 61xx: xx bytes waiting, fetch with GET RESPONSE
  | 'wrong-le' // 6Cxx: resend with Le = xx
  | 'warning' // 62xx / 63xx
  | 'wrong-length' // 6700
  | 'security-not-satisfied' // 6982: needs PSAM authentication
  | 'auth-blocked' // 6983
  | 'conditions-not-satisfied' // 6985
  | 'no-current-ef' // 6986
  | 'file-not-found' // 6A82
  | 'record-not-found' // 6A83
  | 'wrong-parameters' // 6A86 / 6B00
  | 'ins-not-supported' // 6D00
  | 'cla-not-supported' // 6E00
  | 'card-error' // 6F00 / 6581
  | 'unknown';

export interface StatusWord {
  sw: number;
  /** e.g. "6A82" */
  hex: string;
  kind: StatusKind;
  ok: boolean;
  /** For 61xx / 6Cxx: the byte count the card announced (0 means 256). */
  count?: number;
  message: string;
}

const FIXED: Record<number, [StatusKind, string]> = {
  0x9000: ['ok', '成功'],
  0x6700: ['wrong-length', '指令长度错误'],
  0x6982: ['security-not-satisfied', '安全状态不满足：该数据需要 PSAM 卡认证后才能读取'],
  0x6983: ['auth-blocked', '认证方法已锁定'],
  0x6985: ['conditions-not-satisfied', '使用条件不满足'],
  0x6986: ['no-current-ef', '未选择文件'],
  0x6a82: ['file-not-found', '文件未找到（可能不是社会保障卡或卡片不支持该应用）'],
  0x6a83: ['record-not-found', '记录未找到'],
  0x6a86: ['wrong-parameters', '指令参数 P1/P2 错误'],
  0x6b00: ['wrong-parameters', '指令参数错误'],
  0x6d00: ['ins-not-supported', '卡片不支持该指令'],
  0x6e00: ['cla-not-supported', '卡片不支持该指令类别'],
  0x6f00: ['card-error', '卡片内部错误'],
  0x6581: ['card-error', '卡片存储器错误'],
};

export function hexSw(sw: number): string {
  return (sw & 0xffff).toString(16).toUpperCase().padStart(4, '0');
}

/** Interpret a status word. Never throws. */
export function interpretStatus(sw1: number, sw2: number): StatusWord {
  const sw = ((sw1 & 0xff) << 8) | (sw2 & 0xff);
  const hex = hexSw(sw);
  const fixed = FIXED[sw];
  if (fixed) return { sw, hex, kind: fixed[0], ok: fixed[0] === 'ok', message: fixed[1] };
  const count = sw2 & 0xff;
  switch (sw1 & 0xff) {
    case 0x61:
      return { sw, hex, kind: 'more-data', ok: false, count, message: `卡片还有 ${count || 256} 字节数据待取` };
    case 0x6c:
      return { sw, hex, kind: 'wrong-le', ok: false, count, message: `期望长度错误，应为 ${count || 256} 字节` };
    case 0x62:
    case 0x63:
      return { sw, hex, kind: 'warning', ok: false, message: `卡片返回警告（状态字 ${hex}）` };
    default:
      return { sw, hex, kind: 'unknown', ok: false, message: `卡片返回未知状态字 ${hex}` };
  }
}

/** A card answered with a status word the caller cannot accept. */
export class ApduStatusError extends Error {
  constructor(readonly status: StatusWord, readonly context: string) {
    super(`${context}失败：${status.message}（状态字 ${status.hex}）`);
    this.name = 'ApduStatusError';
  }
}
