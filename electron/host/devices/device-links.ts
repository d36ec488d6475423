/**
 * How a configured device is reached: a serial path, a USB HID device found by vendor/product id, or a
 * built-in simulator on a socat pty pair (in-process link without socat). A link hands out fresh
 * transports (for reconnects) and says whether the device is present now (for hot-plug polling).
 */
import fs from 'node:fs';
import { HidTransport } from '../../../native/transports/hid-transport';
import type { ReportCodec } from '../../../native/transports/hid-report-codec';
import { SerialTransport } from '../../../native/transports/serial-port';
import { TransportError, type ByteTransport } from '../../../native/transports/transport';
import { UsbPrinterTransport } from '../../../native/transports/usb-printer-transport';
import type { DeviceFactories } from '../../services/devices/ports';

export interface DeviceLink {
  readonly location: string;
  readonly simulated: boolean;
  /** A fresh, unopened transport; throws TransportError (Chinese message) when the device is absent. */
  transport(): Promise<ByteTransport>;
  /** Whether the device is there now; hot-plug polling opens a waiting device as soon as this turns true. */
  present(): Promise<boolean>;
  close(): Promise<void>;
}

export const hex4 = (n: number) => n.toString(16).padStart(4, '0');
export const describeUsbId = (vendorId: number, productId: number) => `USB ${hex4(vendorId)}:${hex4(productId)}`;

/** A serial port (or a socat pty, or a Linux usblp printer device file for printers). */
export function serialLink(path: string, baudRate: number, options: { usbPrinterFiles?: boolean } = {}): DeviceLink {
  const usbPrinterFile = options.usbPrinterFiles && /^\/dev\/usb\/lp\d+$/.test(path);
  return {
    location: path,
    simulated: false,
    async transport() {
      return usbPrinterFile ? new UsbPrinterTransport(path) : new SerialTransport({ path, baudRate });
    },
    // POSIX device nodes (and pty symlinks) appear and vanish with the device; Windows COM names cannot be checked.
    present: async () => process.platform === 'win32' || fs.existsSync(path),
    close: async () => undefined,
  };
}

/** A USB HID device chosen by vendor/product id (and path, when several match). */
export function hidLink(spec: { vendorId: number; productId: number; path?: string }, codec: () => ReportCodec, env: DeviceFactories): DeviceLink {
  const find = async () => {
    const all = await env.listHidDevices();
    return all.find((d) => d.vendorId === spec.vendorId && d.productId === spec.productId && (!spec.path || d.path === spec.path));
  };
  return {
    location: `${describeUsbId(spec.vendorId, spec.productId)}${spec.path ? ` (${spec.path})` : ''}`,
    simulated: false,
    async transport() {
      const found = await find();
      if (!found) {
        throw new TransportError(`未找到 USB 设备（厂商号:产品号 ${hex4(spec.vendorId)}:${hex4(spec.productId)}），请检查设备是否已插好`, 'not-found');
      }
      return new HidTransport({ path: found.path, codec: codec(), open: env.openHid });
    },
    present: async () => (await find().catch(() => undefined)) !== undefined,
    close: async () => undefined,
  };
}

/** A device that needs no data link of its own (a keyboard-wedge scanner): "open" while it is plugged in. */
export function presenceLink(inner: DeviceLink, label: string): DeviceLink {
  return {
    location: `${inner.location}（键盘模式，由界面捕获）`,
    simulated: false,
    async transport() {
      if (!(await inner.present())) throw new TransportError(`未找到${label}，请检查设备是否已插好`, 'not-found');
      return new PresenceTransport(inner.location);
    },
    present: () => inner.present(),
    close: () => inner.close(),
  };
}

export class PresenceTransport implements ByteTransport {
  private open_ = false;
  private readonly closeListeners = new Set<(err?: Error) => void>();
  constructor(readonly id: string) {}
  get isOpen() {
    return this.open_;
  }
  async open() {
    this.open_ = true;
  }
  async write() {
    throw new TransportError('键盘模式的设备不接收数据', 'write-failed');
  }
  onData() {
    return () => undefined;
  }
  onClose(l: (err?: Error) => void) {
    this.closeListeners.add(l);
    return () => this.closeListeners.delete(l);
  }
  async close() {
    if (!this.open_) return;
    this.open_ = false;
    for (const l of [...this.closeListeners]) l();
  }
}

/** One running simulator: the host end of its link and how to stop it. */
export interface SimulatorInstance<S> {
  simulator: S;
  /** Unopened host end (a SerialTransport on the pty, or an in-process link end). */
  host: ByteTransport;
  /** The pty path the app opens (pty links only). */
  portPath?: string;
  close(): Promise<void>;
}

/**
 * The built-in simulator of a device kind. The first connection uses the simulator's own host end; a
 * reconnect reopens the pty path while it exists, and otherwise starts a fresh simulator — the
 * simulated equivalent of plugging the device back in.
 */
export class SimulatorLink<S> implements DeviceLink {
  readonly simulated = true;
  private fresh = true;
  private closed = false;

  private constructor(
    private readonly start: () => Promise<SimulatorInstance<S>>,
    private current_: SimulatorInstance<S>,
  ) {}

  static async create<S>(start: () => Promise<SimulatorInstance<S>>): Promise<SimulatorLink<S>> {
    return new SimulatorLink(start, await start());
  }

  get current(): SimulatorInstance<S> {
    return this.current_;
  }

  get location(): string {
    return this.current_.portPath ?? '进程内链路';
  }

  private alive(): boolean {
    return this.current_.portPath !== undefined && fs.existsSync(this.current_.portPath);
  }

  async transport(): Promise<ByteTransport> {
    if (this.closed) throw new TransportError('模拟器已关闭', 'open-failed');
    if (this.fresh) {
      this.fresh = false;
      return this.current_.host;
    }
    if (this.alive()) return new SerialTransport({ path: this.current_.portPath as string, baudRate: 115200 });
    const old = this.current_;
    await old.close().catch(() => undefined);
    this.current_ = await this.start();
    return this.current_.host;
  }

  async present(): Promise<boolean> {
    return !this.closed && (this.fresh || this.alive());
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.current_.close().catch(() => undefined);
  }
}
