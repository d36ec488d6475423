/**
 * HID report framing: how a byte message is cut into fixed-size HID reports and put back together.
 *
 * Chunked report layout (every report is `reportSize` bytes, default 64, both directions):
 *
 *   byte 0      report id (numbered reports; 0x01 = GA 467 ID reader, 0x02 = 社保卡 reader)
 *   byte 1      PCB: bit 7 = more reports follow for this message; bits 6..0 = sequence 0..127,
 *               restarting at 0 with every message
 *   byte 2      number of payload bytes in this report (0..reportSize-3, i.e. 0..61)
 *   bytes 3..   payload, then zero padding
 *
 * One write() = one message; the decoder hands back the message once its last report (bit 7 clear) is in.
 * A lost report (sequence gap, a new sequence 0 mid-message) drops the partial message and is reported.
 */

export type ReportErrorCode = 'short-report' | 'wrong-report-id' | 'bad-length' | 'out-of-sequence' | 'lost-report' | 'too-long';

export interface ReportDecodeResult {
  /** A complete message, when this report finished one. */
  message?: Uint8Array;
  error?: { code: ReportErrorCode; message: string };
}

export interface ReportCodec {
  readonly reportSize: number;
  readonly reportId: number;
  /** Cut one message into output reports (each `reportSize` bytes, starting with the report id). */
  encode(message: Uint8Array): Buffer[];
  /** Feed one input report (starting with its report id). */
  decode(report: Uint8Array): ReportDecodeResult;
  /** Forget a partially received message. */
  reset(): void;
}

const ERROR_TEXT: Record<ReportErrorCode, string> = {
  'short-report': 'HID 报告过短',
  'wrong-report-id': 'HID 报告编号不符',
  'bad-length': 'HID 报告中的长度字节无效',
  'out-of-sequence': 'HID 报告序号不连续，已丢弃不完整的数据',
  'lost-report': '上一条消息的 HID 报告丢失，已丢弃',
  'too-long': 'HID 消息超过允许的最大长度',
};

export interface ChunkedReportCodecOptions {
  reportId: number;
  reportSize?: number;
  /** Longest message accepted or sent (bounded buffer). */
  maxMessage?: number;
}

export class ChunkedReportCodec implements ReportCodec {
  readonly reportSize: number;
  readonly reportId: number;
  private readonly maxMessage: number;
  private parts: Uint8Array[] = [];
  private received = 0;
  private nextSeq = 0;

  constructor(options: ChunkedReportCodecOptions) {
    this.reportId = options.reportId;
    this.reportSize = options.reportSize ?? 64;
    this.maxMessage = options.maxMessage ?? 4096;
    if (this.reportId < 1 || this.reportId > 0xff) throw new RangeError('report id must be 1..255');
    if (this.reportSize < 4 || this.reportSize > 1024) throw new RangeError('report size must be 4..1024');
    if (Math.ceil(this.maxMessage / (this.reportSize - 3)) > 128) throw new RangeError('maxMessage needs more than 128 reports');
  }

  get chunkSize(): number {
    return this.reportSize - 3;
  }

  encode(message: Uint8Array): Buffer[] {
    if (message.length > this.maxMessage) throw new RangeError(`message of ${message.length} bytes exceeds ${this.maxMessage}`);
    const reports: Buffer[] = [];
    const chunk = this.chunkSize;
    const count = Math.max(1, Math.ceil(message.length / chunk));
    for (let seq = 0; seq < count; seq++) {
      const part = message.subarray(seq * chunk, (seq + 1) * chunk);
      const report = Buffer.alloc(this.reportSize);
      report[0] = this.reportId;
      report[1] = (seq < count - 1 ? 0x80 : 0) | seq;
      report[2] = part.length;
      report.set(part, 3);
      reports.push(report);
    }
    return reports;
  }

  decode(report: Uint8Array): ReportDecodeResult {
    if (report.length < 3) return this.fail('short-report');
    if (report[0] !== this.reportId) return { error: { code: 'wrong-report-id', message: ERROR_TEXT['wrong-report-id'] } };
    const more = (report[1] & 0x80) !== 0;
    const seq = report[1] & 0x7f;
    const len = report[2];
    if (len > report.length - 3 || len > this.chunkSize) return this.fail('bad-length');
    let error: ReportDecodeResult['error'];
    if (seq === 0 && this.parts.length > 0) {
      error = { code: 'lost-report', message: ERROR_TEXT['lost-report'] };
      this.reset();
    } else if (seq !== this.nextSeq) {
      return this.fail('out-of-sequence');
    }
    if (this.received + len > this.maxMessage) return this.fail('too-long');
    this.parts.push(Uint8Array.from(report.subarray(3, 3 + len)));
    this.received += len;
    this.nextSeq = seq + 1;
    if (more) {
      if (this.nextSeq > 127) return this.fail('too-long');
      return error ? { error } : {};
    }
    const message = this.parts.length === 1 ? this.parts[0] : Uint8Array.from(Buffer.concat(this.parts));
    this.reset();
    return error ? { message, error } : { message };
  }

  reset(): void {
    this.parts = [];
    this.received = 0;
    this.nextSeq = 0;
  }

  /** Bytes held for a partial message (bounded by maxMessage). */
  get buffered(): number {
    return this.received;
  }

  private fail(code: ReportErrorCode): ReportDecodeResult {
    this.reset();
    return { error: { code, message: ERROR_TEXT[code] } };
  }
}

/** GA 467 ID-reader frames carried in HID reports (report id 0x01): the ID reader runs unchanged over HidTransport. */
export function ga467HidReportCodec(reportSize = 64): ChunkedReportCodec {
  // A GA 467 read-with-fingerprint reply is about 2.3 KB: leave room.
  return new ChunkedReportCodec({ reportId: 0x01, reportSize, maxMessage: 4096 });
}

/** 社保卡 reader messages carried in HID reports (report id 0x02). */
export function sscardHidReportCodec(reportSize = 64): ChunkedReportCodec {
  return new ChunkedReportCodec({ reportId: 0x02, reportSize, maxMessage: 1024 });
}
