/**
 * A simulated 社保卡 reader: speaks the card-reader protocol (serial or HID framing) over a ByteTransport
 * and forwards APDUs to the SimulatedSsCard in its slot. Control: insert / remove a card and inject faults.
 */
import type { ByteTransport } from '../transports/transport';
import { serialReaderFraming } from '../protocols/sscard/serial-framing';
import { READER_CMD, READER_STATUS, type Deframer, type ReaderFraming } from '../protocols/sscard/reader-protocol';
import { SimulatedSsCard, type SimulatedSsCardOptions, type SsCardSample } from './simulated-sscard';

export interface SsCardReaderFaults {
  /** Bytes sent before every reply (noise on the line). */
  garbageBeforeReply?: Uint8Array;
  /** Corrupt the BCC of the next N replies (serial framing only). */
  badChecksumReplies?: number;
  /** Ignore the next N requests (Infinity: a dead reader). */
  noAnswer?: number;
  /** Pull the card out after this many more APDUs (a card pulled mid-read). */
  pullCardAfterApdus?: number;
  /** Send each reply in pieces of this many bytes (split reads). */
  chunkSize?: number;
}

export interface SsCardReaderSimulatorOptions {
  framing?: ReaderFraming;
  /** How to pull the plug (e.g. kill socat); defaults to closing the device transport. */
  unplug?: () => Promise<void>;
}

export class SsCardReaderSimulator {
  private readonly framing: ReaderFraming;
  private readonly deframer: Deframer;
  private card: SimulatedSsCard | undefined;
  private powered = false;
  /** The powered card was pulled out: answer "card removed" until the host powers on again. */
  private pulledWhilePowered = false;
  private faults: SsCardReaderFaults = {};
  private unsubscribe: Array<() => void> = [];
  private sendQueue: Promise<void> = Promise.resolve();
  /** Requests seen, by command name, for tests. */
  readonly counts: Record<string, number> = {};

  constructor(readonly transport: ByteTransport, private readonly options: SsCardReaderSimulatorOptions = {}) {
    this.framing = options.framing ?? serialReaderFraming;
    this.deframer = this.framing.createDeframer();
  }

  async start(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open();
    this.unsubscribe.push(this.transport.onData((chunk) => this.onBytes(chunk)));
  }

  insertCard(card: SsCardSample | SimulatedSsCard, options?: SimulatedSsCardOptions): SimulatedSsCard {
    this.card = card instanceof SimulatedSsCard ? card : new SimulatedSsCard(card, options);
    this.powered = false;
    this.pulledWhilePowered = false;
    return this.card;
  }

  removeCard(): void {
    if (this.card && this.powered) this.pulledWhilePowered = true;
    this.card = undefined;
    this.powered = false;
  }

  get currentCard(): SimulatedSsCard | undefined {
    return this.card;
  }

  setFaults(faults: SsCardReaderFaults): void {
    this.faults = { ...this.faults, ...faults };
  }

  clearFaults(): void {
    this.faults = {};
  }

  async unplug(): Promise<void> {
    if (this.options.unplug) await this.options.unplug();
    else await this.transport.close();
  }

  async close(): Promise<void> {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    await this.sendQueue.catch(() => undefined);
    if (this.transport.isOpen) await this.transport.close().catch(() => undefined);
  }

  private onBytes(chunk: Buffer): void {
    for (const ev of this.deframer.push(chunk)) {
      if (ev.type === 'error') {
        // A damaged request: say so without echoing (we cannot trust its SEQ/CMD).
        if (ev.code === 'bad-checksum') this.reply(Uint8Array.of(0, 0, READER_STATUS.badChecksum));
        continue;
      }
      const p = ev.payload;
      if (p.length < 2) continue;
      if ((this.faults.noAnswer ?? 0) > 0) {
        this.faults.noAnswer = (this.faults.noAnswer ?? 0) - 1;
        continue;
      }
      const [seq, cmd] = p;
      const { status, data } = this.answer(cmd, p.subarray(2));
      const out = new Uint8Array(3 + data.length);
      out.set([seq, cmd, status]);
      out.set(data, 3);
      this.reply(out);
    }
  }

  private answer(cmd: number, data: Uint8Array): { status: number; data: Uint8Array } {
    const none = new Uint8Array(0);
    const name = Object.entries(READER_CMD).find(([, v]) => v === cmd)?.[0] ?? 'unknown';
    this.counts[name] = (this.counts[name] ?? 0) + 1;
    switch (cmd) {
      case READER_CMD.powerOn:
        if (!this.card) return { status: READER_STATUS.noCard, data: none };
        this.powered = true;
        this.pulledWhilePowered = false;
        return { status: READER_STATUS.ok, data: this.card.reset() };
      case READER_CMD.powerOff:
        this.powered = false;
        this.pulledWhilePowered = false;
        return { status: READER_STATUS.ok, data: none };
      case READER_CMD.cardStatus:
        return { status: READER_STATUS.ok, data: Uint8Array.of(!this.card ? 0 : this.powered ? 2 : 1) };
      case READER_CMD.apdu: {
        if (this.faults.pullCardAfterApdus !== undefined) {
          if (this.faults.pullCardAfterApdus <= 0) {
            this.faults.pullCardAfterApdus = undefined;
            this.removeCard();
          } else this.faults.pullCardAfterApdus--;
        }
        if (!this.card) return { status: this.pulledWhilePowered ? READER_STATUS.cardRemoved : READER_STATUS.noCard, data: none };
        if (!this.powered) return { status: READER_STATUS.notPowered, data: none };
        if (data.length < 4) return { status: READER_STATUS.badLength, data: none };
        return { status: READER_STATUS.ok, data: this.card.process(data) };
      }
      default:
        return { status: READER_STATUS.unknownCommand, data: none };
    }
  }

  private reply(payload: Uint8Array): void {
    let frame = this.framing.encode(payload);
    if ((this.faults.badChecksumReplies ?? 0) > 0 && this.framing.name === 'serial') {
      this.faults.badChecksumReplies = (this.faults.badChecksumReplies ?? 0) - 1;
      frame = Uint8Array.from(frame);
      frame[frame.length - 2] ^= 0x5a;
    }
    const garbage = this.faults.garbageBeforeReply;
    const chunkSize = this.faults.chunkSize;
    this.sendQueue = this.sendQueue
      .then(async () => {
        if (!this.transport.isOpen) return;
        if (garbage && garbage.length > 0) await this.transport.write(garbage);
        if (chunkSize && chunkSize > 0) {
          for (let i = 0; i < frame.length; i += chunkSize) await this.transport.write(frame.subarray(i, i + chunkSize));
        } else await this.transport.write(frame);
      })
      .catch(() => undefined); // the host went away: nothing to answer
  }
}
