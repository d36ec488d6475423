/**
 * ByteTransport over the `serialport` package (real serial ports and socat pseudo-terminals alike).
 * Failures become TransportError with Chinese messages; an unplug (read error) fires onClose(err) once.
 */
import fs from 'node:fs';
import { SerialPort } from 'serialport';
import { LinkEvents } from './link-events';
import { listLinuxSerialPorts } from './linux-serial-ports';
import { TransportError, type ByteTransport } from './transport';

export interface SerialTransportOptions {
  path: string;
  /** Default 115200 (GA 467 readers); some readers ship at 9600. */
  baudRate?: number;
}

export interface SerialPortInfo {
  path: string;
  /** Other names of the same port (Linux: /dev/serial/by-id links). */
  aliases?: string[];
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

/**
 * The serial ports present now. Linux reads sysfs (./linux-serial-ports): serialport's list spawns `udevadm`,
 * which minimal machines lack. Windows and macOS keep serialport's own listing (SetupAPI / IOKit, no helper).
 */
export async function listSerialPorts(platform: NodeJS.Platform = process.platform): Promise<SerialPortInfo[]> {
  if (platform === 'linux') {
    return listLinuxSerialPorts().map((p) => ({
      path: p.path,
      aliases: p.aliases,
      manufacturer: p.manufacturer ?? p.product,
      serialNumber: p.serialNumber,
      vendorId: p.vendorId,
      productId: p.productId,
    }));
  }
  const ports = await SerialPort.list();
  return ports.map((p) => ({
    path: p.path,
    manufacturer: p.manufacturer,
    serialNumber: p.serialNumber,
    vendorId: p.vendorId,
    productId: p.productId,
  }));
}

const disconnected = (path: string) =>
  new TransportError(`串口 ${path} 已断开（设备被拔出或连接中断）`, 'disconnected');

/** How often an open port checks that its device node still exists (POSIX). */
const PRESENCE_CHECK_MS = 500;

export class SerialTransport implements ByteTransport {
  readonly id: string;
  private port: SerialPort | undefined;
  private readonly events = new LinkEvents();
  private presenceTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: SerialTransportOptions) {
    this.id = options.path;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  get baudRate(): number {
    return this.options.baudRate ?? 115200;
  }

  async open(): Promise<void> {
    if (this.isOpen) return;
    const { path } = this.options;
    // POSIX device nodes can be checked up front; Windows COM names cannot.
    if (process.platform !== 'win32' && !fs.existsSync(path)) {
      throw new TransportError(`串口 ${path} 不存在，请检查设备连接和端口设置`, 'not-found');
    }
    const port = new SerialPort({ path, baudRate: this.baudRate, dataBits: 8, parity: 'none', stopBits: 1, autoOpen: false });
    await new Promise<void>((resolve, reject) => {
      port.open((err) => {
        if (!err) return resolve();
        const busy = /lock|busy|EBUSY|Access denied/i.test(err.message);
        const notFound = /ENOENT|cannot find|File not found/i.test(err.message);
        reject(
          new TransportError(
            busy
              ? `串口 ${path} 被其他程序占用`
              : notFound
                ? `串口 ${path} 不存在，请检查设备连接和端口设置`
                : `无法打开串口 ${path}: ${err.message}`,
            busy ? 'busy' : notFound ? 'not-found' : 'open-failed',
          ),
        );
      });
    });
    this.port = port;
    this.events.rearm();
    port.on('data', (chunk: Buffer) => this.events.emitData(chunk));
    port.on('close', (err: (Error & { disconnected?: boolean }) | null) => {
      this.events.emitClose(err ? disconnected(path) : undefined);
    });
    // Errors after open (e.g. EIO when a pty's other end vanishes) mean the link is gone.
    port.on('error', () => this.lose(port, path));
    this.watchPresence(port, path);
  }

  /**
   * An unplugged USB adapter or a vanished pty does not always surface as a read error (the binding may
   * keep reading zero bytes), but its device node disappears: check for it while the port is open.
   */
  private watchPresence(port: SerialPort, path: string): void {
    if (process.platform === 'win32') return;
    clearInterval(this.presenceTimer);
    this.presenceTimer = setInterval(() => {
      if (!fs.existsSync(path)) this.lose(port, path);
    }, PRESENCE_CHECK_MS);
    this.presenceTimer.unref();
    port.once('close', () => clearInterval(this.presenceTimer));
  }

  private lose(port: SerialPort, path: string): void {
    clearInterval(this.presenceTimer);
    this.events.emitClose(disconnected(path));
    if (port.isOpen) port.close(() => undefined);
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port || !port.isOpen) throw new TransportError(`串口 ${this.id} 未打开`, 'write-failed');
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(bytes), (err) => {
        if (err) return reject(new TransportError(`向串口 ${this.id} 写入失败: ${err.message}`, 'write-failed'));
        port.drain((drainErr) =>
          drainErr ? reject(new TransportError(`向串口 ${this.id} 写入失败: ${drainErr.message}`, 'write-failed')) : resolve(),
        );
      });
    });
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    return this.events.onClose(listener);
  }

  async close(): Promise<void> {
    clearInterval(this.presenceTimer);
    const port = this.port;
    if (!port || !port.isOpen) {
      this.events.emitClose();
      return;
    }
    await new Promise<void>((resolve) => port.close(() => resolve()));
    this.events.emitClose();
  }
}
