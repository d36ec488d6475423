/**
 * A fake USB HID device for machines without one: it behaves like node-hid's HIDAsync handle
 * (write(report) → Promise, 'data' reports, 'error' on unplug, close()) and speaks the real report format.
 * Its firmware side is a ByteTransport (`deviceSide`), so any simulator written for a serial link
 * (the 社保卡 reader, the GA 467 ID reader) runs inside it unchanged.
 */
import { EventEmitter } from 'node:events';
import type { ReportCodec } from '../transports/hid-report-codec';
import type { HidDeviceHandle, HidDeviceInfo, HidOpener } from '../transports/hid-transport';
import type { ByteTransport } from '../transports/transport';

export class FakeHidDevice extends EventEmitter implements HidDeviceHandle {
  private plugged = true;
  private opened = false;
  /** Every output report the host wrote, for tests. */
  readonly written: Buffer[] = [];
  private readonly firmwareData = new Set<(chunk: Buffer) => void>();
  private readonly firmwareClose = new Set<(err?: Error) => void>();
  /** Firmware-side problems decoding host reports (for tests). */
  readonly decodeErrors: string[] = [];

  constructor(
    readonly info: HidDeviceInfo,
    /** Codec for the firmware side: the device decodes output reports and encodes its replies with it. */
    private readonly codec: ReportCodec,
  ) {
    super();
  }

  get isPlugged(): boolean {
    return this.plugged;
  }

  /** Called by the fake bus when the host opens the device. */
  attach(): void {
    if (!this.plugged) throw new Error(`cannot open device with path ${this.info.path}`);
    this.opened = true;
  }

  async write(report: number[] | Buffer): Promise<number> {
    if (!this.plugged) {
      this.opened = false;
      throw new Error('Cannot write to hid device');
    }
    if (!this.opened) throw new Error('device is closed');
    const buf = Buffer.from(report);
    this.written.push(buf);
    const res = this.codec.decode(buf);
    if (res.error) this.decodeErrors.push(res.error.code);
    if (res.message && res.message.length > 0) {
      const chunk = Buffer.from(res.message);
      setImmediate(() => this.firmwareData.forEach((l) => l(chunk)));
    }
    return buf.length;
  }

  async close(): Promise<void> {
    this.opened = false;
    this.removeAllListeners();
  }

  /** Deliver raw input reports exactly as given (fault injection: bad reports, lost ones). */
  pushReport(report: Buffer): void {
    if (!this.plugged) return;
    setImmediate(() => {
      if (this.plugged && this.opened) this.emit('data', report);
    });
  }

  /** Pull the plug: the reader thread fails like hidraw does, later writes reject. */
  unplug(): void {
    if (!this.plugged) return;
    this.plugged = false;
    const wasOpen = this.opened;
    // Like node-hid: the read thread fails with an 'error' event, unless the host closed the handle first.
    if (wasOpen) setImmediate(() => this.opened && this.emit('error', new Error('could not read from HID device')));
    this.firmwareClose.forEach((l) => l(new Error('unplugged')));
  }

  plugIn(): void {
    this.plugged = true;
  }

  /** The firmware's view: bytes the host sent, and a way to answer (encoded into input reports). */
  readonly deviceSide: ByteTransport = {
    id: 'fake-hid-firmware',
    get isOpen() {
      return true;
    },
    open: async () => undefined,
    write: async (bytes: Uint8Array) => {
      for (const r of this.codec.encode(bytes)) this.pushReport(r);
    },
    onData: (listener) => {
      this.firmwareData.add(listener);
      return () => this.firmwareData.delete(listener);
    },
    onClose: (listener) => {
      this.firmwareClose.add(listener);
      return () => this.firmwareClose.delete(listener);
    },
    close: async () => undefined,
  };
}

/** A set of fake devices with node-hid's discovery and open semantics. */
export class FakeHidBus {
  private readonly devices = new Map<string, FakeHidDevice>();

  add(device: FakeHidDevice): FakeHidDevice {
    this.devices.set(device.info.path, device);
    return device;
  }

  list(filter: { vendorId?: number; productId?: number } = {}): HidDeviceInfo[] {
    return [...this.devices.values()]
      .filter((d) => d.isPlugged)
      .map((d) => d.info)
      .filter((i) => (filter.vendorId === undefined || i.vendorId === filter.vendorId) && (filter.productId === undefined || i.productId === filter.productId));
  }

  readonly open: HidOpener = async (path) => {
    const device = this.devices.get(path);
    if (!device || !device.isPlugged) throw new Error(`cannot open device with path ${path}`);
    device.attach();
    return device;
  };
}
