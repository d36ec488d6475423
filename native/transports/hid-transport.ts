/**
 * USB HID as a ByteTransport: node-hid's async API (hidraw on Linux) underneath, a ReportCodec turning
 * each write into output reports and input reports back into messages. One onData chunk = one decoded
 * message, so message-oriented protocols (the 社保卡 reader) and stream protocols (GA 467) both work.
 */
import { LinkEvents } from './link-events';
import { TransportError, type ByteTransport } from './transport';
import type { ReportCodec, ReportDecodeResult } from './hid-report-codec';

/** The slice of node-hid's HIDAsync that we use; the fake HID device implements the same. */
export interface HidDeviceHandle {
  write(report: number[] | Buffer): Promise<number>;
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
  close(): Promise<void>;
}

export type HidOpener = (path: string) => Promise<HidDeviceHandle>;

export interface HidDeviceInfo {
  path: string;
  vendorId: number;
  productId: number;
  product?: string;
  manufacturer?: string;
  serialNumber?: string;
  interface: number;
  usagePage?: number;
}

async function loadNodeHid(): Promise<typeof import('node-hid')> {
  try {
    return await import('node-hid');
  } catch (err) {
    throw new TransportError(`无法加载 USB HID 驱动模块（node-hid）：${(err as Error).message}`, 'open-failed');
  }
}

const nodeHidOpener: HidOpener = async (path) => {
  const hid = await loadNodeHid();
  return (await hid.HIDAsync.open(path)) as unknown as HidDeviceHandle;
};

/** HID devices present now, optionally only one vendor / product. */
export async function listHidDevices(filter: { vendorId?: number; productId?: number } = {}): Promise<HidDeviceInfo[]> {
  const hid = await loadNodeHid();
  const all = await hid.devicesAsync();
  return all
    .filter((d) => d.path !== undefined)
    .filter((d) => filter.vendorId === undefined || d.vendorId === filter.vendorId)
    .filter((d) => filter.productId === undefined || d.productId === filter.productId)
    .map((d) => ({
      path: d.path as string,
      vendorId: d.vendorId,
      productId: d.productId,
      product: d.product,
      manufacturer: d.manufacturer,
      serialNumber: d.serialNumber,
      interface: d.interface,
      usagePage: d.usagePage,
    }));
}

export interface HidTransportOptions {
  path: string;
  codec: ReportCodec;
  /** Defaults to node-hid's HIDAsync.open; tests pass the fake HID bus. */
  open?: HidOpener;
  id?: string;
}

export class HidTransport implements ByteTransport {
  readonly id: string;
  private device: HidDeviceHandle | null = null;
  private readonly events = new LinkEvents();
  private readonly reportErrorListeners = new Set<(err: NonNullable<ReportDecodeResult['error']>) => void>();

  constructor(private readonly options: HidTransportOptions) {
    this.id = options.id ?? `hid:${options.path}`;
  }

  get isOpen(): boolean {
    return this.device !== null;
  }

  async open(): Promise<void> {
    if (this.device) return;
    let device: HidDeviceHandle;
    try {
      device = await (this.options.open ?? nodeHidOpener)(this.options.path);
    } catch (err) {
      if (err instanceof TransportError) throw err;
      throw new TransportError(`未找到或无法打开 USB 读卡设备 ${this.options.path}：请检查设备是否已连接（${(err as Error).message}）`, 'not-found');
    }
    this.events.rearm();
    this.options.codec.reset();
    this.device = device;
    device.on('data', (report) => this.onReport(report));
    device.on('error', (err) => this.lose(new TransportError(`USB 设备已断开：${this.options.path}（${err.message}）`, 'disconnected')));
  }

  async write(bytes: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device) throw new TransportError('USB 设备未打开', 'write-failed');
    for (const report of this.options.codec.encode(bytes)) {
      try {
        await device.write(report);
      } catch (err) {
        const lost = new TransportError(`向 USB 设备写入失败，设备可能已拔出（${(err as Error).message}）`, 'disconnected');
        this.lose(lost);
        throw lost;
      }
    }
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    return this.events.onClose(listener);
  }

  /** Report-level problems (sequence gaps, bad lengths): for diagnostics; the data is dropped. */
  onReportError(listener: (err: NonNullable<ReportDecodeResult['error']>) => void): () => void {
    this.reportErrorListeners.add(listener);
    return () => this.reportErrorListeners.delete(listener);
  }

  async close(): Promise<void> {
    const device = this.device;
    if (!device) return;
    this.detach();
    try {
      await device.close();
    } finally {
      this.events.emitClose();
    }
  }

  private onReport(report: Buffer): void {
    const res = this.options.codec.decode(report);
    if (res.error) for (const l of this.reportErrorListeners) l(res.error);
    if (res.message && res.message.length > 0) this.events.emitData(Buffer.from(res.message));
  }

  private lose(err: TransportError): void {
    const device = this.device;
    if (!device) return;
    this.detach();
    device.close().catch(() => undefined); // the handle is dead; closing only frees it
    this.events.emitClose(err);
  }

  private detach(): void {
    const device = this.device;
    if (device) {
      device.removeAllListeners('data');
      device.removeAllListeners('error');
      device.on('error', () => undefined); // a dying handle may still report; never let that throw
    }
    this.device = null;
    this.options.codec.reset();
  }
}
