/**
 * A simulated GA 467 ID reader on the device end of a ByteTransport. It parses the real request
 * frames and answers with real reply frames (a 1,295-byte read reply), and lets tests and demos place
 * or remove a card and inject faults.
 */
import {
  commandOf,
  encodeFrame,
  encodeReadData,
  encodeReplyBody,
  encodeTextBlock,
  FINGERPRINT_LENGTH,
  Ga467Deframer,
  SW3,
  WLT_LENGTH,
  type Ga467CommandName,
  type IdCardFields,
} from '../protocols/ga467';
import type { ByteTransport } from '../transports/transport';

export interface SimulatedCard extends IdCardFields {
  /** Raw WLT photo (1,024 bytes); a deterministic fake when absent. */
  wlt?: Buffer;
  /** Fingerprint block for 30 10; empty (length 0) when absent, as for a card without fingerprints. */
  fingerprint?: Buffer;
  /** Replaces the encoded text block (for malformed or unsupported cards). */
  rawTextBlock?: Buffer;
}

export interface Ga467Faults {
  /** Bytes sent before every reply (noise on the line). */
  garbageBeforeReply?: Buffer;
  /** Corrupt the checksum of the next N replies (Infinity: all). */
  badChecksumReplies?: number;
  /** Never answer. */
  silent?: boolean;
  /** Send replies in chunks of this many bytes … */
  chunkSize?: number;
  /** … with this pause between chunks. */
  chunkDelayMs?: number;
  /** The secure access module fails: every command answers 60 (self-test) or 66 (unauthorised). */
  sam?: 'self-test-failed' | 'unauthorised';
  /** The next N reads answer 41 (read failed). */
  readFailures?: number;
}

export interface Ga467SimulatorOptions {
  /** Pace replies at this line speed (8N1: 10 bits a byte), as a real UART would. Off by default. */
  paceBaudRate?: number;
  /** How to pull the plug (e.g. kill socat); defaults to closing the device transport. */
  unplug?: () => Promise<void>;
  /** SAM id reported by 12 FF. */
  samId?: Buffer;
}

export interface SimulatorRequestEvent {
  command: Ga467CommandName | 'unknown';
  at: number;
}

const DEFAULT_SAM_ID = Buffer.from('0500010098a8ac0087d612004e61bc00', 'hex');

/** A deterministic pseudo-WLT image derived from the ID number (real WLT needs a licensed decoder anyway). */
export function fakeWlt(seedText: string): Buffer {
  let seed = 2166136261;
  for (const ch of seedText) seed = Math.imul(seed ^ ch.charCodeAt(0), 16777619) >>> 0;
  const out = Buffer.alloc(WLT_LENGTH);
  out.write('WLT', 0, 'latin1');
  for (let i = 3; i < out.length; i++) {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    out[i] = seed >>> 24;
  }
  return out;
}

export class Ga467Simulator {
  private readonly deframer = new Ga467Deframer();
  private card: SimulatedCard | undefined;
  private found = false;
  private selected = false;
  private faults: Ga467Faults = {};
  private sendQueue: Promise<void> = Promise.resolve();
  private readonly requestListeners = new Set<(e: SimulatorRequestEvent) => void>();
  private unsubscribe: Array<() => void> = [];
  readonly counts: Record<string, number> = {};

  constructor(
    readonly transport: ByteTransport,
    private readonly options: Ga467SimulatorOptions = {},
  ) {}

  async start(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open();
    this.unsubscribe.push(this.transport.onData((chunk) => this.onBytes(chunk)));
  }

  placeCard(card: SimulatedCard): void {
    this.card = card;
    this.found = this.selected = false;
  }

  removeCard(): void {
    this.card = undefined;
    this.found = this.selected = false;
  }

  get cardPresent(): boolean {
    return this.card !== undefined;
  }

  get currentCard(): SimulatedCard | undefined {
    return this.card;
  }

  /** Merge faults into the active set; pass `undefined` values to clear single ones. */
  setFaults(faults: Ga467Faults): void {
    this.faults = { ...this.faults, ...faults };
  }

  clearFaults(): void {
    this.faults = {};
  }

  onRequest(listener: (e: SimulatorRequestEvent) => void): () => void {
    this.requestListeners.add(listener);
    return () => this.requestListeners.delete(listener);
  }

  /** Pull the plug: the host sees its link vanish. */
  async unplug(): Promise<void> {
    if (this.options.unplug) await this.options.unplug();
    else await this.transport.close();
  }

  async close(): Promise<void> {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    await this.sendQueue.catch(() => undefined);
    if (this.transport.isOpen) await this.transport.close();
  }

  private onBytes(chunk: Buffer): void {
    for (const r of this.deframer.push(chunk)) {
      if (!r.ok) {
        this.reply(encodeReplyBody(r.error.code === 'checksum' ? SW3.requestChecksum : SW3.requestLength));
        continue;
      }
      const command = commandOf(r.frame.body);
      this.counts[command ?? 'unknown'] = (this.counts[command ?? 'unknown'] ?? 0) + 1;
      for (const l of this.requestListeners) l({ command: command ?? 'unknown', at: performance.now() });
      this.reply(this.answer(command));
    }
  }

  private answer(command: Ga467CommandName | undefined): Buffer {
    if (command === undefined) return encodeReplyBody(SW3.requestCommand);
    if (this.faults.sam) return encodeReplyBody(this.faults.sam === 'self-test-failed' ? SW3.samSelfTest : SW3.samUnauthorised);
    switch (command) {
      case 'reset':
      case 'samStatus':
        return encodeReplyBody(SW3.ok);
      case 'samId':
        return encodeReplyBody(SW3.ok, this.options.samId ?? DEFAULT_SAM_ID);
      case 'findCard':
        this.found = this.card !== undefined;
        if (!this.found) this.selected = false;
        return this.found ? encodeReplyBody(SW3.cardFound, Buffer.alloc(4)) : encodeReplyBody(SW3.noCard);
      case 'selectCard':
        this.selected = this.found && this.card !== undefined;
        return this.selected ? encodeReplyBody(SW3.ok, Buffer.alloc(8)) : encodeReplyBody(SW3.selectFailed);
      case 'readText':
      case 'readWithFingerprint': {
        const card = this.card;
        if (!card || !this.selected) return encodeReplyBody(SW3.readFailed);
        if ((this.faults.readFailures ?? 0) > 0) {
          this.faults.readFailures = (this.faults.readFailures ?? 0) - 1;
          return encodeReplyBody(SW3.readFailed);
        }
        const text = card.rawTextBlock ?? encodeTextBlock(card);
        const wlt = card.wlt ?? fakeWlt(card.idNumber);
        const fp = command === 'readWithFingerprint' ? (card.fingerprint ?? Buffer.alloc(0)) : undefined;
        if (fp && fp.length > 2 * FINGERPRINT_LENGTH) throw new RangeError('fingerprint block too long');
        return encodeReplyBody(SW3.ok, encodeReadData(text, wlt, fp));
      }
    }
  }

  private reply(body: Buffer): void {
    const f = this.faults;
    if (f.silent) return;
    const frame = encodeFrame(body);
    if ((f.badChecksumReplies ?? 0) > 0) {
      frame[frame.length - 1] ^= 0x5a;
      f.badChecksumReplies = (f.badChecksumReplies ?? 0) - 1;
    }
    const bytes = f.garbageBeforeReply ? Buffer.concat([f.garbageBeforeReply, frame]) : frame;
    const chunkSize = f.chunkSize;
    const chunkDelayMs = f.chunkDelayMs ?? 0;
    this.sendQueue = this.sendQueue
      .then(() => this.send(bytes, chunkSize, chunkDelayMs))
      .catch(() => undefined); // the host went away: nothing to answer to
  }

  private async send(bytes: Buffer, chunkSize: number | undefined, chunkDelayMs: number): Promise<void> {
    const baud = this.options.paceBaudRate;
    if (baud) return this.sendPaced(bytes, baud);
    if (!chunkSize || chunkSize >= bytes.length) return this.transport.write(bytes);
    for (let i = 0; i < bytes.length; i += chunkSize) {
      if (i > 0 && chunkDelayMs > 0) await sleep(chunkDelayMs);
      await this.transport.write(bytes.subarray(i, i + chunkSize));
    }
  }

  /** Releases each chunk when its last byte would have left a UART at `baud` (10 bits a byte). */
  private async sendPaced(bytes: Buffer, baud: number): Promise<void> {
    const msPerByte = 10_000 / baud;
    const chunk = Math.max(1, Math.round(4 / msPerByte)); // about one chunk every 4 ms
    const t0 = performance.now();
    for (let i = 0; i < bytes.length; i += chunk) {
      const end = Math.min(bytes.length, i + chunk);
      const due = t0 + end * msPerByte;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      await this.transport.write(bytes.subarray(i, end));
    }
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
