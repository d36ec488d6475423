/**
 * A serial barcode/QR scanner over any ByteTransport: bytes → lines (CR, CR LF or LF) → classified scans.
 * An overlong line is reported as an 'unrecognised' scan, never truncated and classified.
 */
import { ScanLineFramer } from '../protocols/scanner/line-framer';
import { classifyScan, type ClassifyOptions, type ScanResult } from '../../shared/scanner/classify';
import type { ByteTransport } from '../transports/transport';

export interface SerialScannerOptions {
  classify?: ClassifyOptions;
  /** Longest line accepted, bytes (default 4096). */
  maxLineBytes?: number;
}

export class SerialScanner {
  private readonly framer: ScanLineFramer;
  private readonly scanListeners = new Set<(scan: ScanResult) => void>();
  private readonly closeListeners = new Set<(err?: Error) => void>();
  private unsubscribe: Array<() => void> = [];

  constructor(
    readonly transport: ByteTransport,
    private readonly options: SerialScannerOptions = {},
  ) {
    this.framer = new ScanLineFramer({ maxLineBytes: options.maxLineBytes });
  }

  /** Subscribes to the transport (opening it if needed). */
  async start(): Promise<void> {
    if (this.unsubscribe.length > 0) return;
    this.unsubscribe = [
      this.transport.onData((chunk) => this.handle(chunk)),
      this.transport.onClose((err) => {
        this.detach();
        for (const l of [...this.closeListeners]) l(err);
      }),
    ];
    if (!this.transport.isOpen) {
      try {
        await this.transport.open();
      } catch (err) {
        this.detach();
        throw err;
      }
    }
  }

  onScan(listener: (scan: ScanResult) => void): () => void {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  /** The scanner went away (unplugged: err set; closed by us: err undefined). */
  onClose(listener: (err?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Detaches and closes the transport. */
  async stop(): Promise<void> {
    this.detach();
    if (this.transport.isOpen) await this.transport.close();
  }

  private detach(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.framer.reset();
  }

  private handle(chunk: Uint8Array): void {
    for (const ev of this.framer.push(chunk)) {
      const scan: ScanResult =
        ev.type === 'line'
          ? classifyScan(ev.text, this.options.classify)
          : { kind: 'unrecognised', raw: '', reason: `扫描内容过长（${ev.bytes} 字节），已丢弃` };
      for (const l of [...this.scanListeners]) l(scan);
    }
  }
}
