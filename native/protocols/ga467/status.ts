/**
 * GA 467 status word SW3 (SW1 SW2 are 00 00) → typed result with a Chinese message for the clerk.
 */
export type Ga467StatusKind =
  | 'ok'
  | 'no-content'
  | 'card-found'
  | 'request-checksum'
  | 'request-length'
  | 'request-command'
  | 'unauthorised-operation'
  | 'unknown-error'
  | 'card-auth-failed'
  | 'reader-auth-failed'
  | 'verify-failed'
  | 'unknown-card-type'
  | 'read-failed'
  | 'random-failed'
  | 'sam-self-test'
  | 'sam-unauthorised'
  | 'no-card'
  | 'select-failed'
  | 'unknown';

export interface Ga467Status {
  sw1: number;
  sw2: number;
  sw3: number;
  kind: Ga467StatusKind;
  /** True for 90 (success) and 9F (card found). */
  ok: boolean;
  message: string;
}

const TABLE: Record<number, [Ga467StatusKind, string]> = {
  0x90: ['ok', '操作成功'],
  0x91: ['no-content', '证/卡中此项无内容'],
  0x9f: ['card-found', '找到身份证'],
  0x10: ['request-checksum', '读卡器收到的命令校验和错误'],
  0x11: ['request-length', '读卡器收到的命令长度错误'],
  0x21: ['request-command', '读卡器不支持该命令或命令参数错误'],
  0x23: ['unauthorised-operation', '读卡器拒绝越权操作'],
  0x24: ['unknown-error', '读卡器发生无法识别的错误'],
  0x31: ['card-auth-failed', '身份证认证读卡器失败'],
  0x32: ['reader-auth-failed', '读卡器认证身份证失败，请确认是否为有效身份证'],
  0x33: ['verify-failed', '身份证信息验证失败'],
  0x37: ['unknown-card-type', '无法识别的证件类型'],
  0x40: ['unknown-card-type', '无法识别的卡类型'],
  0x41: ['read-failed', '读取身份证失败，请重新放置身份证'],
  0x47: ['random-failed', '读卡器取随机数失败'],
  0x60: ['sam-self-test', '读卡器安全模块(SAM)自检失败，请联系设备维护人员'],
  0x66: ['sam-unauthorised', '读卡器安全模块(SAM)未经授权，无法使用'],
  0x80: ['no-card', '未检测到身份证，请将身份证放在读卡区'],
  0x81: ['select-failed', '选取身份证失败，请重新放置身份证'],
};

export function decodeStatus(sw1: number, sw2: number, sw3: number): Ga467Status {
  const known = sw1 === 0 && sw2 === 0 ? TABLE[sw3] : undefined;
  const hex = [sw1, sw2, sw3].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(' ');
  const [kind, message] = known ?? ['unknown', `读卡器返回未知状态 ${hex}`];
  return { sw1, sw2, sw3, kind, ok: kind === 'ok' || kind === 'card-found', message };
}

/** Status codes the simulator and tests may use by name. */
export const SW3 = {
  ok: 0x90,
  noContent: 0x91,
  cardFound: 0x9f,
  requestChecksum: 0x10,
  requestLength: 0x11,
  requestCommand: 0x21,
  readFailed: 0x41,
  samSelfTest: 0x60,
  samUnauthorised: 0x66,
  noCard: 0x80,
  selectFailed: 0x81,
} as const;
