/**
 * The NHSA message envelope: msgid generation, time formats, input node names and reply parsing.
 * Pure functions (plus one small stateful msgid sequencer) shared by the client and the simulator.
 */
import { z } from 'zod';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** yyyyMMddHHmmss in local time. */
export function compactTime(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

/** yyyy-MM-dd HH:mm:ss in local time (inf_time, sign_time). */
export function infTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** yyyyMMddHHmmssSSS (respond_time). */
export function respondTime(d: Date): string {
  return compactTime(d) + pad(d.getMilliseconds(), 3);
}

/** yyyy-MM-dd in local time. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const MSGID_PATTERN = /^([0-9A-Za-z]{12})(\d{14})(\d{4})$/;

/** Parse a msgid into its parts, or null if it is not 12 + 14 + 4 with a real timestamp. */
export function parseMsgid(msgid: string): { prefix: string; time: string; seq: number } | null {
  const m = MSGID_PATTERN.exec(msgid);
  if (!m) return null;
  const t = m[2];
  const [y, mo, d, h, mi, s] = [t.slice(0, 4), t.slice(4, 6), t.slice(6, 8), t.slice(8, 10), t.slice(10, 12), t.slice(12, 14)].map(Number);
  const date = new Date(y, mo - 1, d, h, mi, s);
  const real =
    date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d && date.getHours() === h && date.getMinutes() === mi && date.getSeconds() === s;
  if (!real) return null;
  return { prefix: m[1], time: t, seq: Number(m[3]) };
}

/**
 * msgid = 12-character code + yyyyMMddHHmmss + 4-digit sequence, unique per second for this workstation.
 * The stamp never goes backwards: if the clock repeats or steps back, or 9999 ids are used in one second,
 * the sequencer borrows the next second rather than reuse an id.
 */
export class MsgidSequencer {
  private lastStamp = 0; // seconds since epoch of the last id
  private seq = 0;

  constructor(readonly prefix: string, private readonly clock: () => Date = () => new Date()) {
    if (!/^[0-9A-Za-z]{12}$/.test(prefix)) throw new Error(`msgid 前缀应为12位字母或数字: ${prefix}`);
  }

  next(now: Date = this.clock()): string {
    const nowSec = Math.floor(now.getTime() / 1000);
    if (nowSec > this.lastStamp) {
      this.lastStamp = nowSec;
      this.seq = 1;
    } else if (this.seq < 9999) {
      this.seq += 1;
    } else {
      this.lastStamp += 1;
      this.seq = 1;
    }
    return this.prefix + compactTime(new Date(this.lastStamp * 1000)) + pad(this.seq, 4);
  }

  /** Never issue an id at or below this one (e.g. the last id a previous process used). */
  advancePast(msgid: string): void {
    const parts = parseMsgid(msgid);
    if (!parts || parts.prefix !== this.prefix) return;
    const t = parts.time;
    const sec = Math.floor(new Date(+t.slice(0, 4), +t.slice(4, 6) - 1, +t.slice(6, 8), +t.slice(8, 10), +t.slice(10, 12), +t.slice(12, 14)).getTime() / 1000);
    if (sec > this.lastStamp || (sec === this.lastStamp && parts.seq > this.seq)) {
      this.lastStamp = sec;
      this.seq = parts.seq;
    }
  }
}

const sharedSequencers = new Map<string, MsgidSequencer>();

/** One sequencer per prefix in this process, so every client of a workstation draws from the same sequence. */
export function sharedMsgidSequencer(prefix: string): MsgidSequencer {
  let s = sharedSequencers.get(prefix);
  if (!s) {
    s = new MsgidSequencer(prefix);
    sharedSequencers.set(prefix, s);
  }
  return s;
}

/** National input node names; everything else uses `data`. A profile may override per infno. */
const NATIONAL_INPUT_NODES: Record<string, string> = {
  '9001': 'signIn',
  '9002': 'signOut',
  '9101': 'fsUploadIn',
  '2501': 'refmedin',
};

export function inputNodeFor(infno: string, overrides: Record<string, string> = {}): string {
  return overrides[infno] ?? NATIONAL_INPUT_NODES[infno] ?? 'data';
}

export interface EnvelopeFields {
  infno: string;
  msgid: string;
  mdtrtarea_admvs: string;
  insuplc_admdvs: string;
  recer_sys_code: string;
  dev_no: string;
  dev_safe_info: string;
  cainfo: string;
  signtype: string;
  infver: string;
  opter_type: string;
  opter: string;
  opter_name: string;
  inf_time: string;
  fixmedins_code: string;
  fixmedins_name: string;
  sign_no: string;
  input: Record<string, unknown>;
}

/** The request envelope as the platform validates it (the simulator uses this). */
export const RequestEnvelope = z.object({
  infno: z.string().min(1),
  msgid: z.string(),
  mdtrtarea_admvs: z.string(),
  insuplc_admdvs: z.string(),
  recer_sys_code: z.string(),
  dev_no: z.string(),
  dev_safe_info: z.string(),
  cainfo: z.string(),
  signtype: z.string(),
  infver: z.string(),
  opter_type: z.enum(['1', '2', '3']),
  opter: z.string().min(1),
  opter_name: z.string().min(1),
  inf_time: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  fixmedins_code: z.string(),
  fixmedins_name: z.string(),
  sign_no: z.string(),
  input: z.record(z.string(), z.unknown()),
});

export type RequestEnvelope = z.infer<typeof RequestEnvelope>;

/** The reply envelope. infcode may arrive as a number or a numeric string. */
export const ReplyEnvelope = z.object({
  infcode: z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]),
  inf_refmsgid: z.string().default(''),
  refmsg_time: z.string().optional(),
  respond_time: z.string().optional(),
  err_msg: z.string().nullable().optional(),
  output: z.unknown().optional(),
});
export type ReplyEnvelope = z.infer<typeof ReplyEnvelope>;

/** Money at the boundary: integer 分 inside, yuan with two decimals (or 分) on the wire. */
export function fenToWire(fen: number, unit: 'yuan' | 'fen'): number {
  if (!Number.isSafeInteger(fen)) throw new Error(`金额必须是整数分: ${fen}`);
  return unit === 'fen' ? fen : Number(`${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${pad(Math.abs(fen) % 100)}`);
}

export function wireToFen(value: unknown, unit: 'yuan' | 'fen'): number {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (unit === 'fen') {
    if (!/^-?\d+$/.test(text)) throw new Error(`金额格式不对: ${String(value)}`);
    return Number(text);
  }
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`金额格式不对: ${String(value)}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}
