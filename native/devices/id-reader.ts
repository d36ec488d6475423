/**
 * GA 467 居民身份证 reader over any ByteTransport: polls find-card, then select and read, and turns the
 * reply into an IdCardIdentity. One request in flight at a time, each with its own reply timeout;
 * every failure is an IdReaderError with a Chinese message. Never throws from the data path.
 */
import {
  buildRequest,
  decodeReadData,
  formatSamId,
  Ga467Deframer,
  parseReply,
  rawWltDecoder,
  type DeframerResult,
  type Ga467CommandName,
  type Ga467Reply,
  type Ga467Status,
  type IdCardText,
  type WltDecoder,
} from '../protocols/ga467';
import { TransportError, type ByteTransport } from '../transports/transport';
import { fromGa467, ID_READER_MESSAGES, IdReaderError, sleep, statusError, throwIfAborted } from './id-reader-error';

export { IdReaderError } from './id-reader-error';

export interface IdCardIdentity extends IdCardText {
  photo: {
    format: 'wlt';
    base64: string;
    /** Present when a WltDecoder other than the raw one produced an image. */
    decoded?: { mime: string; base64: string };
  };
  /** Only for reads with fingerprint (30 10); empty string when the card holds none. */
  fingerprint?: { base64: string };
}

export interface IdReaderOptions {
  /** Reply timeout for short commands (find, select, SAM). */
  replyTimeoutMs?: number;
  /** Reply timeout for the read command (1,295 bytes take 1.35 s at 9600 baud). */
  readReplyTimeoutMs?: number;
  /** How long to wait for a good frame after a corrupted one before giving up on that reply. */
  checksumGraceMs?: number;
  /** Resend a request this many times after a corrupted reply or a rejected request. */
  requestRetries?: number;
  /** Re-run find/select/read this many times after select or read failures on a present card. */
  cardRetries?: number;
  /** Use 30 10 (text + photo + fingerprint) instead of 30 01. */
  withFingerprint?: boolean;
  wltDecoder?: WltDecoder;
}

export interface ReadCardOptions {
  timeoutMs?: number;
  pollIntervalMs?: number;
  signal?: AbortSignal;
}

export interface WatchOptions {
  pollIntervalMs?: number;
  onCard(identity: IdCardIdentity): void;
  onRemoved?(): void;
  /** Problems (bad card, timeouts); a lost link ('disconnected', 'not-found', 'open-failed') ends the watch. */
  onError?(error: IdReaderError): void;
}

export interface IdCardWatch {
  stop(): Promise<void>;
  /** Settles when the watch ends (stop() or disconnect). */
  readonly done: Promise<void>;
}

interface Pending {
  resolve(reply: Ga467Reply): void;
  reject(err: IdReaderError): void;
  corrupted: boolean;
  graceTimer?: NodeJS.Timeout;
}

const READ_COMMANDS = new Set<Ga467CommandName>(['readText', 'readWithFingerprint']);

export class IdReader {
  private readonly deframer = new Ga467Deframer();
  private pending: Pending | undefined;
  private busy = false;
  private readonly opts: Required<Omit<IdReaderOptions, 'wltDecoder'>> & { wltDecoder: WltDecoder };
  private readonly unsubscribe: Array<() => void>;

  constructor(
    readonly transport: ByteTransport,
    options: IdReaderOptions = {},
  ) {
    this.opts = {
      replyTimeoutMs: options.replyTimeoutMs ?? 1000,
      readReplyTimeoutMs: options.readReplyTimeoutMs ?? 3000,
      checksumGraceMs: options.checksumGraceMs ?? 100,
      requestRetries: options.requestRetries ?? 2,
      cardRetries: options.cardRetries ?? 2,
      withFingerprint: options.withFingerprint ?? false,
      wltDecoder: options.wltDecoder ?? rawWltDecoder,
    };
    this.unsubscribe = [
      transport.onData((chunk) => this.onBytes(chunk)),
      transport.onClose((err) => this.onLinkClosed(err)),
    ];
  }

  /** Reads one card: waits (polling) for a card until timeoutMs, then selects and reads it. */
  async readCard(options: ReadCardOptions = {}): Promise<IdCardIdentity> {
    return this.exclusive(() => this.readCardUnlocked(options));
  }

  /** Continuous mode for kiosks: emits each card once per placement until stop() or disconnect. */
  watch(options: WatchOptions): IdCardWatch {
    if (this.busy) throw new IdReaderError('busy', ID_READER_MESSAGES.busy);
    this.busy = true;
    const abort = new AbortController();
    const done = this.watchLoop(options, abort.signal).finally(() => {
      this.busy = false;
    });
    return {
      done,
      async stop() {
        abort.abort();
        await done;
      },
    };
  }

  /** One 寻卡 (find card): whether a card lies on the reader now (a kiosk watches for the card being taken away). */
  async cardPresent(): Promise<boolean> {
    return this.exclusive(async () => (await this.request('findCard')).status.kind === 'card-found');
  }

  async samStatus(): Promise<Ga467Status> {
    return this.exclusive(async () => (await this.request('samStatus')).status);
  }

  /** The reader's SAM number, e.g. "05.01-20101010-0012345678-1234567890". */
  async samId(): Promise<string> {
    return this.exclusive(async () => {
      const reply = await this.request('samId');
      if (!reply.status.ok) throw statusError(reply.status);
      try {
        return formatSamId(reply.data);
      } catch (err) {
        throw fromGa467(err);
      }
    });
  }

  async reset(): Promise<Ga467Status> {
    return this.exclusive(async () => (await this.request('reset')).status);
  }

  /** Stops listening; closes the transport too unless keepTransportOpen. */
  async close(keepTransportOpen = false): Promise<void> {
    for (const u of this.unsubscribe) u();
    this.failPending(new IdReaderError('aborted', ID_READER_MESSAGES.aborted));
    if (!keepTransportOpen) await this.transport.close();
  }

  // ---- card flow ----

  private async readCardUnlocked({ timeoutMs = 10_000, pollIntervalMs = 400, signal }: ReadCardOptions): Promise<IdCardIdentity> {
    const deadline = Date.now() + timeoutMs;
    let cardFailures = 0;
    for (;;) {
      throwIfAborted(signal);
      const found = await this.request('findCard', signal);
      if (found.status.kind === 'card-found') {
        const outcome = await this.selectAndRead(signal);
        if (outcome.identity) return outcome.identity;
        if (++cardFailures > this.opts.cardRetries) throw outcome.error;
        continue;
      }
      if (found.status.kind !== 'no-card') throw statusError(found.status);
      const left = deadline - Date.now();
      if (left <= 0) throw new IdReaderError('no-card', ID_READER_MESSAGES['no-card']);
      await sleep(Math.min(pollIntervalMs, left), signal);
    }
  }

  /** Select + read a found card. Transient card failures come back as `error` for the caller to retry. */
  private async selectAndRead(signal?: AbortSignal): Promise<{ identity?: IdCardIdentity; error: IdReaderError }> {
    const selected = await this.request('selectCard', signal);
    if (selected.status.kind === 'select-failed') return { error: statusError(selected.status) };
    if (!selected.status.ok) throw statusError(selected.status);
    const read = await this.request(this.opts.withFingerprint ? 'readWithFingerprint' : 'readText', signal);
    if (read.status.kind === 'read-failed') return { error: statusError(read.status) };
    if (!read.status.ok) throw statusError(read.status);
    return { identity: await this.toIdentity(read.data), error: statusError(read.status) };
  }

  private async toIdentity(data: Buffer): Promise<IdCardIdentity> {
    let decoded;
    try {
      decoded = decodeReadData(data, this.opts.withFingerprint);
    } catch (err) {
      throw fromGa467(err);
    }
    const identity: IdCardIdentity = { ...decoded.card, photo: { format: 'wlt', base64: decoded.wlt.toString('base64') } };
    if (decoded.fingerprint) identity.fingerprint = { base64: decoded.fingerprint.toString('base64') };
    if (this.opts.wltDecoder !== rawWltDecoder && decoded.wlt.length > 0) {
      try {
        const image = await this.opts.wltDecoder.decode(decoded.wlt);
        identity.photo.decoded = { mime: image.mime, base64: image.data.toString('base64') };
      } catch {
        // A failing vendor decoder must not lose the identity: the raw WLT is still there.
      }
    }
    return identity;
  }

  private async watchLoop(options: WatchOptions, stopSignal: AbortSignal): Promise<void> {
    const pollIntervalMs = options.pollIntervalMs ?? 400;
    let present = false;
    let failures = 0;
    const report = (err: IdReaderError) => {
      try {
        options.onError?.(err);
      } catch {
        // a listener's bug must not end the watch
      }
    };
    // The link going away ends the watch (reported once), even while it sleeps between polls.
    const ended = new AbortController();
    const signal = AbortSignal.any([stopSignal, ended.signal]);
    let endReported = false;
    const end = (err: IdReaderError) => {
      if (!endReported && !stopSignal.aborted) report(err);
      endReported = true;
      ended.abort();
    };
    const offClose = this.transport.onClose((cause) =>
      end(new IdReaderError('disconnected', ID_READER_MESSAGES.disconnected, cause?.message)),
    );
    try {
      while (!signal.aborted) {
        try {
          const found = await this.request('findCard', signal);
          if (found.status.kind === 'card-found') {
            if (!present) {
              const outcome = await this.selectAndRead(signal);
              if (outcome.identity) {
                present = true;
                failures = 0;
                options.onCard(outcome.identity);
                continue;
              }
              if (++failures > this.opts.cardRetries) {
                present = true; // report a bad card once per placement, not every poll
                report(outcome.error);
              }
              continue;
            }
          } else if (found.status.kind === 'no-card') {
            if (present) options.onRemoved?.();
            present = false;
            failures = 0;
          } else {
            report(statusError(found.status));
          }
        } catch (err) {
          const e = err instanceof IdReaderError ? err : new IdReaderError('device', String(err));
          if (e.code === 'aborted') return;
          if (e.code === 'disconnected' || e.code === 'not-found' || e.code === 'open-failed') return end(e);
          if (e.code === 'bad-card' || e.code === 'unsupported-card') present = true;
          report(e);
        }
        try {
          await sleep(pollIntervalMs, signal);
        } catch {
          return;
        }
      }
    } finally {
      offClose();
    }
  }

  // ---- request/reply ----

  private async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    if (this.busy) throw new IdReaderError('busy', ID_READER_MESSAGES.busy);
    this.busy = true;
    try {
      return await fn();
    } finally {
      this.busy = false;
    }
  }

  private async ensureOpen(): Promise<void> {
    if (this.transport.isOpen) return;
    try {
      await this.transport.open();
    } catch (err) {
      if (err instanceof TransportError) {
        const code = err.code === 'not-found' ? 'not-found' : 'open-failed';
        throw new IdReaderError(code, err.message);
      }
      throw new IdReaderError('open-failed', `无法打开读卡器: ${(err as Error).message}`);
    }
  }

  /** Sends a request and resolves with its reply, resending after corrupted replies or rejected requests. */
  private async request(name: Ga467CommandName, signal?: AbortSignal): Promise<Ga467Reply> {
    await this.ensureOpen();
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = await this.requestOnce(name, signal);
        const k = reply.status.kind;
        const rejected = k === 'request-checksum' || k === 'request-length';
        if (rejected && attempt < this.opts.requestRetries) continue;
        return reply;
      } catch (err) {
        if (err instanceof IdReaderError && err.code === 'checksum' && attempt < this.opts.requestRetries) continue;
        throw err;
      }
    }
  }

  private requestOnce(name: Ga467CommandName, signal?: AbortSignal): Promise<Ga467Reply> {
    throwIfAborted(signal);
    const timeoutMs = READ_COMMANDS.has(name) ? this.opts.readReplyTimeoutMs : this.opts.replyTimeoutMs;
    return new Promise<Ga467Reply>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const finish = () => {
        clearTimeout(timer);
        if (p.graceTimer) clearTimeout(p.graceTimer);
        signal?.removeEventListener('abort', onAbort);
        if (this.pending === p) this.pending = undefined;
      };
      const p: Pending = {
        corrupted: false,
        resolve: (r) => {
          finish();
          resolve(r);
        },
        reject: (e) => {
          finish();
          reject(e);
        },
      };
      const onAbort = () => p.reject(new IdReaderError('aborted', ID_READER_MESSAGES.aborted));
      signal?.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(() => {
        // A fake preamble in line noise may be holding a real reply hostage: look inside it first.
        this.deliver(this.deframer.flushStalled());
        if (this.pending !== p) return;
        p.reject(
          p.corrupted
            ? new IdReaderError('checksum', ID_READER_MESSAGES.checksum)
            : new IdReaderError('timeout', ID_READER_MESSAGES.timeout, `no reply to ${name} within ${timeoutMs} ms`),
        );
      }, timeoutMs);
      this.deframer.reset();
      this.pending = p;
      this.transport.write(buildRequest(name)).catch((err: unknown) => {
        const closed = !this.transport.isOpen;
        p.reject(
          new IdReaderError(
            closed ? 'disconnected' : 'device',
            closed ? ID_READER_MESSAGES.disconnected : `向读卡器发送命令失败: ${(err as Error).message}`,
          ),
        );
      });
    });
  }

  private onBytes(chunk: Buffer): void {
    try {
      this.deliver(this.deframer.push(chunk));
    } catch {
      // Unreachable by design (the deframer never throws); a reader must survive any bytes regardless.
      this.deframer.reset();
    }
  }

  private deliver(results: DeframerResult[]): void {
    for (const r of results) {
      const p = this.pending;
      if (!p) return; // unsolicited bytes: nobody asked
      if (r.ok) {
        try {
          p.resolve(parseReply(r.frame));
        } catch {
          p.corrupted = true; // a frame too short to be a reply: treat like a corrupted one
        }
        continue;
      }
      if (r.error.code === 'checksum') {
        p.corrupted = true;
        // Give a real reply hidden behind noise a moment to arrive before declaring this reply bad.
        p.graceTimer ??= setTimeout(() => {
          if (this.pending === p) p.reject(new IdReaderError('checksum', ID_READER_MESSAGES.checksum));
        }, this.opts.checksumGraceMs);
      }
    }
  }

  private onLinkClosed(err?: Error): void {
    this.failPending(new IdReaderError('disconnected', ID_READER_MESSAGES.disconnected, err?.message));
  }

  private failPending(err: IdReaderError): void {
    this.pending?.reject(err);
    this.deframer.reset();
  }
}
