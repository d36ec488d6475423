/**
 * An ESC/POS receipt printer over a ByteTransport. Before each job it asks the printer for its real-time
 * status (DLE EOT 1, 2, 4) and refuses with a typed PrinterError when paper is out, the cover is open or
 * it is offline; the next job asks again, so loading paper is all the clerk has to do (automatic
 * recovery). `printWhenReady` waits for recovery itself. Write-only links (USB printer class device files)
 * cannot answer status: on those the check is skipped.
 */
import { CMD } from '../protocols/escpos/commands';
import { combineStatus, isStatusByte, parseStatusByte, type PrinterStatus, type StatusQuery } from '../protocols/escpos/status';
import type { ByteTransport } from '../transports/transport';
import { PrinterError, PRINTER_ERROR_MESSAGES } from './printer-error';

export interface ReceiptPrinterOptions {
  /** Wait for each status reply byte, ms (default 1000). */
  statusTimeoutMs?: number;
  /** Longest wait for a job's bytes to be written, ms (default 30000). */
  writeTimeoutMs?: number;
}

interface Pending {
  resolve(byte: number): void;
  reject(err: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class ReceiptPrinter {
  private readonly statusTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  private unsubscribe: Array<() => void> = [];
  private readonly statusListeners = new Set<(s: PrinterStatus | PrinterError) => void>();

  constructor(
    readonly transport: ByteTransport,
    options: ReceiptPrinterOptions = {},
  ) {
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1000;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
  }

  /** True when the link can carry status replies back (false for write-only USB device files). */
  get canQueryStatus(): boolean {
    return (this.transport as { bidirectional?: boolean }).bidirectional !== false;
  }

  async open(): Promise<void> {
    this.closed = false;
    if (this.unsubscribe.length === 0) {
      this.unsubscribe = [
        this.transport.onData((chunk) => this.handleData(chunk)),
        this.transport.onClose(() => {
          this.closed = true;
          this.failPending(new PrinterError('disconnected'));
        }),
      ];
    }
    if (!this.transport.isOpen) await this.transport.open();
  }

  /** Every status seen (or the error that replaced it), for a device panel. */
  onStatus(listener: (s: PrinterStatus | PrinterError) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Real-time status. Throws PrinterError 'timeout' or 'disconnected'. */
  queryStatus(): Promise<PrinterStatus> {
    return this.exclusive(async () => {
      try {
        const r1 = parseStatusByte(1, await this.ask(1));
        const r2 = parseStatusByte(2, await this.ask(2));
        const r4 = parseStatusByte(4, await this.ask(4));
        const status = combineStatus(r1, r2, r4);
        this.emit(status);
        return status;
      } catch (err) {
        if (err instanceof PrinterError) this.emit(err);
        throw err;
      }
    });
  }

  /** Checks status (when the link allows), then sends the job. Throws PrinterError. */
  async print(job: Uint8Array): Promise<void> {
    if (this.canQueryStatus) assertReady(await this.queryStatus());
    await this.exclusive(() => this.writeJob(job));
  }

  /**
   * Prints as soon as the printer is ready: polls status every pollMs until paper is loaded / the cover
   * closed / it is back online, or gives up after timeoutMs with the last error.
   */
  async printWhenReady(job: Uint8Array, options: { pollMs?: number; timeoutMs?: number; onWaiting?: (e: PrinterError) => void } = {}): Promise<void> {
    const { pollMs = 1000, timeoutMs = 120_000, onWaiting } = options;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await this.print(job);
      } catch (err) {
        if (!(err instanceof PrinterError) || err.code === 'disconnected' || Date.now() + pollMs > deadline) throw err;
        onWaiting?.(err);
        await new Promise((r) => setTimeout(r, pollMs));
      }
    }
  }

  async close(): Promise<void> {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.failPending(new PrinterError('disconnected'));
    this.closed = true;
    if (this.transport.isOpen) await this.transport.close();
  }

  private async writeJob(job: Uint8Array): Promise<void> {
    if (this.closed || !this.transport.isOpen) throw new PrinterError('disconnected');
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        this.transport.write(job),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new PrinterError('timeout')), this.writeTimeoutMs);
        }),
      ]);
    } catch (err) {
      if (err instanceof PrinterError) throw err;
      throw new PrinterError('disconnected', `${PRINTER_ERROR_MESSAGES.disconnected}（${(err as Error).message}）`);
    } finally {
      clearTimeout(timer);
    }
  }

  private ask(n: StatusQuery): Promise<number> {
    if (this.closed || !this.transport.isOpen) return Promise.reject(new PrinterError('disconnected'));
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(new PrinterError('timeout'));
      }, this.statusTimeoutMs);
      this.pending = { resolve, reject, timer };
      this.transport.write(Uint8Array.from(CMD.status(n))).catch(() => this.failPending(new PrinterError('disconnected')));
    });
  }

  private handleData(chunk: Uint8Array): void {
    for (const b of chunk) {
      // Anything that is not a status byte (or arrives unasked) is ignored.
      if (!this.pending || !isStatusByte(b)) continue;
      const p = this.pending;
      this.pending = undefined;
      clearTimeout(p.timer);
      p.resolve(b);
    }
  }

  private failPending(err: Error): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    p.reject(err);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private emit(s: PrinterStatus | PrinterError): void {
    for (const l of [...this.statusListeners]) l(s);
  }
}

/** Throws the PrinterError that keeps this status from printing (paper first: it is the common one). */
export function assertReady(s: PrinterStatus): void {
  if (s.paperOut) throw new PrinterError('paper-out');
  if (s.coverOpen) throw new PrinterError('cover-open');
  if (!s.online) throw new PrinterError('offline');
}
