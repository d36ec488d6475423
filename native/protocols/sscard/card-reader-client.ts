/**
 * Host side of a contact/contactless card reader over any ByteTransport and framing:
 * power on (ATR), power off, card status and APDU exchange. Implements ApduChannel, so the
 * 社保卡 application (or any other card application) runs over serial and HID alike.
 *
 * Recovery: a reply lost, garbled or failing its checksum (and the reader's own "bad checksum"
 * status) makes the request go out again, up to `retries` times, before a typed error.
 */
import type { ApduChannel } from '../apdu/channel';
import type { ByteTransport } from '../../transports/transport';
import {
  READER_CMD,
  READER_STATUS,
  ReaderError,
  readerStatusError,
  type CardPresence,
  type Deframer,
  type ReaderFraming,
} from './reader-protocol';

export interface CardReaderClientOptions {
  /** Per-attempt reply timeout. */
  timeoutMs?: number;
  /** Extra attempts after a timeout or a damaged reply. */
  retries?: number;
}

interface Pending {
  seq: number;
  cmd: number;
  resolve(reply: { status: number; data: Uint8Array }): void;
  reject(err: Error): void;
  /** Called when the current attempt is known to be lost (bad checksum): resend now. */
  damaged(): void;
}

export class CardReaderClient implements ApduChannel {
  private readonly deframer: Deframer;
  private seq = 0;
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private lost: ReaderError | null = null;
  private readonly unsubscribe: Array<() => void>;
  private readonly timeoutMs: number;
  private readonly retries: number;

  constructor(
    private readonly transport: ByteTransport,
    private readonly framing: ReaderFraming,
    options: CardReaderClientOptions = {},
  ) {
    this.deframer = framing.createDeframer();
    this.timeoutMs = options.timeoutMs ?? 2000;
    this.retries = options.retries ?? 2;
    this.unsubscribe = [
      transport.onData((chunk) => this.onData(chunk)),
      transport.onClose((err) => {
        this.lost = new ReaderError(err ? `读卡器连接已断开：${err.message}` : '读卡器连接已关闭', 'disconnected');
        this.pending?.reject(this.lost);
      }),
    ];
  }

  /** Power the card on; resolves with its ATR. */
  async powerOn(): Promise<Uint8Array> {
    return this.command(READER_CMD.powerOn, new Uint8Array(0));
  }

  async powerOff(): Promise<void> {
    await this.command(READER_CMD.powerOff, new Uint8Array(0));
  }

  async cardStatus(): Promise<CardPresence> {
    const data = await this.command(READER_CMD.cardStatus, new Uint8Array(0));
    if (data.length !== 1 || data[0] > 2) throw new ReaderError('读卡器返回的卡状态无法识别', 'bad-frame');
    return (['absent', 'present', 'powered'] as const)[data[0]];
  }

  /** ApduChannel: one command APDU → response APDU (data + SW). */
  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    return this.command(READER_CMD.apdu, apdu);
  }

  /** Stop listening to the transport (does not close it). */
  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.pending?.reject(new ReaderError('读卡已取消', 'disconnected'));
  }

  /** Serialised: one request on the wire at a time. */
  private command(cmd: number, data: Uint8Array): Promise<Uint8Array> {
    const run = this.queue.then(() => this.exchange(cmd, data));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async exchange(cmd: number, data: Uint8Array): Promise<Uint8Array> {
    let lastProblem: ReaderError = new ReaderError('读卡器无应答，请检查读卡器连接、端口和波特率', 'timeout');
    for (let attempt = 0; attempt <= this.retries; attempt++) {
      if (this.lost || !this.transport.isOpen) throw this.lost ?? new ReaderError('读卡器未连接', 'disconnected');
      const seq = (this.seq = (this.seq + 1) & 0xff);
      const outcome = await this.attempt(seq, cmd, data);
      if (outcome.kind === 'reply') {
        if (outcome.status === READER_STATUS.ok) return outcome.data;
        const err = readerStatusError(outcome.status);
        if (outcome.status === READER_STATUS.badChecksum || outcome.status === READER_STATUS.badLength) {
          lastProblem = err; // our request was garbled on the way: send it again
          continue;
        }
        throw err;
      }
      lastProblem = outcome.error;
      if (outcome.error.code === 'disconnected') throw outcome.error;
    }
    throw lastProblem;
  }

  private attempt(
    seq: number,
    cmd: number,
    data: Uint8Array,
  ): Promise<{ kind: 'reply'; status: number; data: Uint8Array } | { kind: 'failed'; error: ReaderError }> {
    return new Promise((resolve) => {
      const finish = (v: { kind: 'reply'; status: number; data: Uint8Array } | { kind: 'failed'; error: ReaderError }) => {
        clearTimeout(timer);
        if (this.pending === pending) this.pending = null;
        resolve(v);
      };
      const pending: Pending = {
        seq,
        cmd,
        resolve: (r) => finish({ kind: 'reply', ...r }),
        reject: (error) => finish({ kind: 'failed', error: error instanceof ReaderError ? error : new ReaderError(error.message, 'reader-error') }),
        damaged: () => finish({ kind: 'failed', error: new ReaderError('读卡器应答校验错误', 'bad-frame') }),
      };
      const timer = setTimeout(() => pending.reject(new ReaderError('读卡器无应答，请检查读卡器连接、端口和波特率', 'timeout')), this.timeoutMs);
      this.pending = pending;
      const payload = new Uint8Array(2 + data.length);
      payload[0] = seq;
      payload[1] = cmd;
      payload.set(data, 2);
      let frame: Uint8Array;
      try {
        frame = this.framing.encode(payload);
      } catch (err) {
        return pending.reject(new ReaderError(`命令过长，无法发送（${(err as Error).message}）`, 'bad-frame'));
      }
      this.transport.write(frame).catch((err: Error) => pending.reject(new ReaderError(`向读卡器发送失败：${err.message}`, 'disconnected')));
    });
  }

  private onData(chunk: Buffer): void {
    for (const ev of this.deframer.push(chunk)) {
      const p = this.pending;
      if (!p) continue; // unsolicited or late: nobody is waiting
      if (ev.type === 'error') {
        if (ev.code === 'bad-checksum') p.damaged();
        continue;
      }
      const f = ev.payload;
      // SEQ 00 CMD 00: the reader could not read our request at all (its checksum failed): resend.
      if (f.length >= 3 && f[0] === 0 && f[1] === 0 && (f[2] === READER_STATUS.badChecksum || f[2] === READER_STATUS.badLength)) {
        p.damaged();
        continue;
      }
      if (f.length < 3 || f[0] !== p.seq || f[1] !== p.cmd) continue; // a stale reply to an earlier attempt
      p.resolve({ status: f[2], data: f.subarray(3) });
    }
  }
}
