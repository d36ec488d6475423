/**
 * USB printer-class transport for Linux: the kernel's usblp driver exposes each printer as /dev/usb/lpN.
 * We use it write-only: many receipt printers' usblp read side never returns status, so DLE EOT status
 * queries need a bidirectional link (a serial port, or a vendor USB-serial/CDC mode). `bidirectional`
 * is false, and ReceiptPrinter skips its status check on this transport.
 */
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { TransportError, type ByteTransport } from './transport';
import { LinkEvents } from './link-events';

export class UsbPrinterTransport implements ByteTransport {
  readonly id: string;
  /** Status replies cannot be read back over this link. */
  readonly bidirectional = false;
  private handle: FileHandle | undefined;
  private readonly events = new LinkEvents();

  constructor(readonly path: string) {
    this.id = `usb-lp:${path}`;
  }

  get isOpen(): boolean {
    return this.handle !== undefined;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    try {
      // 'r+' would need a readable printer; 'a' keeps regular files (tests, spool files) appending.
      this.handle = await fs.promises.open(this.path, fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_NOCTTY);
      this.events.rearm();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO')
        throw new TransportError(`USB 打印机 ${this.path} 不存在，请检查连接`, 'not-found');
      if (code === 'EBUSY') throw new TransportError(`USB 打印机 ${this.path} 被其他程序占用`, 'busy');
      if (code === 'EACCES' || code === 'EPERM')
        throw new TransportError(`没有权限打开 USB 打印机 ${this.path}（需加入 lp 用户组）`, 'open-failed');
      throw new TransportError(`无法打开 USB 打印机 ${this.path}: ${(err as Error).message}`, 'open-failed');
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    const h = this.handle;
    if (!h) throw new TransportError(`USB 打印机 ${this.path} 未打开`, 'write-failed');
    try {
      let off = 0;
      while (off < bytes.length) {
        const { bytesWritten } = await h.write(bytes, off, bytes.length - off);
        off += bytesWritten;
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const gone = code === 'ENODEV' || code === 'EIO' || code === 'ENXIO';
      const error = new TransportError(`向 USB 打印机 ${this.path} 写入失败: ${(err as Error).message}`, gone ? 'disconnected' : 'write-failed');
      if (gone) await this.shut(error);
      throw error;
    }
  }

  /** Never called: the link is write-only. */
  onData(): () => void {
    return () => undefined;
  }

  onClose(listener: (err?: Error) => void): () => void {
    return this.events.onClose(listener);
  }

  async close(): Promise<void> {
    await this.shut();
  }

  private async shut(err?: Error): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    if (h) await h.close().catch(() => undefined);
    this.events.emitClose(err);
  }
}
