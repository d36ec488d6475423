/**
 * A simulated serial scanner on the device end of a ByteTransport: sends codes as lines ending in CR,
 * CR LF or LF, optionally split into several writes and with control-character noise around them
 * (as real scanners configured with STX/ETX prefixes or NUL padding produce).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ByteTransport } from '../transports/transport';

export type LineEnding = 'CR' | 'CRLF' | 'LF';

export interface ScannerSimulatorOptions {
  ending?: LineEnding;
  /** Split each line into writes of this many bytes, pausing splitDelayMs between them. */
  splitEvery?: number;
  splitDelayMs?: number;
  /** Surround codes with control characters (STX … ETX, NUL) that the framer must strip. */
  noise?: boolean;
}

export interface SampleCode {
  label: string;
  code: string;
  expect: 'id-number' | 'sscard-number' | 'ec-voucher' | 'e-invoice' | 'unrecognised';
}

const ENDINGS: Record<LineEnding, string> = { CR: '\r', CRLF: '\r\n', LF: '\n' };

export function sampleCodesPath(): string {
  return path.resolve(__dirname, '../../resources/samples/scan-codes.json');
}

export function loadSampleCodes(file = sampleCodesPath()): SampleCode[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { codes: SampleCode[] };
  return parsed.codes;
}

export class ScannerSimulator {
  constructor(
    readonly transport: ByteTransport,
    private readonly options: ScannerSimulatorOptions = {},
  ) {}

  async start(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open();
  }

  /** Sends one code as the scanner would. */
  async scan(code: string, ending: LineEnding = this.options.ending ?? 'CR'): Promise<void> {
    const body = this.options.noise ? `\x02${code}\x03\x00` : code;
    const bytes = Buffer.from(body + ENDINGS[ending], 'utf8');
    const step = this.options.splitEvery && this.options.splitEvery > 0 ? this.options.splitEvery : bytes.length;
    for (let off = 0; off < bytes.length; off += step) {
      await this.transport.write(bytes.subarray(off, off + step));
      if (off + step < bytes.length && this.options.splitDelayMs) await sleep(this.options.splitDelayMs);
    }
  }

  /** Sends every sample code, pausing between them. */
  async scanSamples(pauseMs = 50, codes = loadSampleCodes()): Promise<void> {
    for (const c of codes) {
      await this.scan(c.code);
      await sleep(pauseMs);
    }
  }

  async stop(): Promise<void> {
    if (this.transport.isOpen) await this.transport.close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
