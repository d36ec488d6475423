/**
 * The device manager: owns the four configured devices (ID reader, 社保卡 reader, scanner, receipt
 * printer), opens each per its mode, polls for hot-plug every ≤ 2 s (a waiting device whose port or USB
 * id appears is opened at once; a connected one that vanishes is dropped and retried with backoff),
 * runs each kind's test action, lists what is attached (discovery), and applies configuration changes
 * (validated, persisted by the caller's save function, device reopened).
 */
import { AppError } from '../../contract/errors';
import type { DeviceStatus } from '../../contract/schemas';
import type { Discovery } from '../../contract/features/devices';
import { DEVICE_IDS, DEVICE_NAMES, type DeviceId } from '../../contract/vocabulary/devices';
import { CONFIG_KEY, type DeviceFactories, type DevicesConfig } from '../../services/devices/ports';
import type { IdReader } from '../../../native/devices/id-reader';
import type { ReceiptPrinter } from '../../../native/devices/receipt-printer';
import type { ScanResult } from '../../../shared/scanner/classify';
import type { Ga467Simulator } from '../../../native/simulators/ga467-simulator';
import type { PrinterSimulator } from '../../../native/simulators/printer-simulator';
import type { ScannerSimulator } from '../../../native/simulators/scanner-simulator';
import type { SsCardReaderSimulator } from '../../../native/simulators/sscard-simulator';
import { PrintJobStore, printJobsMigration } from '../../services/printing/print-job-store';
import { openDatabase, type Db } from '../../services/store/database';
import { DeviceConfig, LIBRARY_ONLY_SSCARD } from '../config';
import { SimulatorLink, type DeviceLink } from './device-links';
import { findInstalledDriver, listInstalledDrivers, type DriverListing } from './sscard-drivers';
import { discoverDevices } from './discovery';
import { idReaderDriver, idReaderLink, testIdReader } from './id-reader-port';
import { chineseMessage, ManagedDevice } from './managed-device';
import { PRINTER_HID_UNSUPPORTED, printerDriver, printerLink, PrintQueue, testPrinter } from './printer-device';
import { scannerDriver, scannerLink, testScanner, type ScannerSession } from './scanner-device';
import { ssCardDriver, ssCardLink, testSsCardReader, type SsCardSession } from './sscard-device';

export interface DeviceManagerOptions {
  config: DevicesConfig;
  env: DeviceFactories;
  /** Persist a changed devices configuration (config.json). */
  save(config: DevicesConfig): void;
  clock?: () => Date;
  /** The app database, where receipts waiting for the printer are kept; default: a private in-memory one. */
  db?: Db;
}

export interface ScanEvent {
  at: string;
  scan: ScanResult;
}

export class DeviceManager {
  readonly idReader: ManagedDevice<IdReader>;
  readonly ssCardReader: ManagedDevice<SsCardSession>;
  readonly scanner: ManagedDevice<ScannerSession>;
  readonly printer: ManagedDevice<ReceiptPrinter>;
  readonly printQueue: PrintQueue;
  private readonly ownDb: Db | null;
  private config: DevicesConfig;
  private readonly clock: () => Date;
  private pollTimer: NodeJS.Timeout | null = null;
  private polling = false;
  private closed = false;
  private lastScan: ScanEvent | null = null;
  private readonly scanListeners = new Set<(e: ScanEvent) => void>();

  constructor(private readonly opts: DeviceManagerOptions) {
    this.config = { ...opts.config };
    this.clock = opts.clock ?? (() => new Date());
    this.ownDb = opts.db ? null : openDatabase(':memory:', { migrations: [{ version: 1, ...printJobsMigration }] });
    this.printQueue = new PrintQueue(new PrintJobStore(opts.db ?? (this.ownDb as Db), this.clock));
    const policy = opts.env.reconnect;
    this.idReader = new ManagedDevice({ id: 'id-reader', kind: 'id-reader', label: DEVICE_NAMES['id-reader'] }, idReaderDriver, policy, this.clock);
    this.ssCardReader = new ManagedDevice(
      { id: 'sscard-reader', kind: 'sscard-reader', label: DEVICE_NAMES['sscard-reader'] },
      ssCardDriver(() => this.configOf('sscard-reader'), opts.env.driversFile),
      policy,
      this.clock,
    );
    this.scanner = new ManagedDevice({ id: 'scanner', kind: 'scanner', label: DEVICE_NAMES.scanner }, scannerDriver((scan) => this.scanned(scan)), policy, this.clock);
    this.printer = new ManagedDevice({ id: 'printer', kind: 'printer', label: DEVICE_NAMES.printer }, printerDriver(this.printQueue), policy, this.clock);
  }

  /** Opens every device (failures become device states, never exceptions) and starts hot-plug polling. */
  async start(): Promise<void> {
    await Promise.all(DEVICE_IDS.map((id) => this.open(id)));
    this.pollTimer = setInterval(() => void this.pollAll(), Math.min(this.opts.env.pollMs, 2000));
    this.pollTimer.unref?.();
  }

  device(id: DeviceId): ManagedDevice<unknown> {
    const map = { 'id-reader': this.idReader, 'sscard-reader': this.ssCardReader, scanner: this.scanner, printer: this.printer };
    return map[id] as ManagedDevice<unknown>;
  }

  list(): DeviceStatus[] {
    return DEVICE_IDS.map((id) => this.device(id).status.get());
  }

  /** Every status change of every device. */
  onStatus(listener: (s: DeviceStatus) => void): () => void {
    const offs = DEVICE_IDS.map((id) => this.device(id).status.subscribe(listener));
    return () => offs.forEach((off) => off());
  }

  /** Scans from a serial scanner (classified). */
  onScan(listener: (e: ScanEvent) => void): () => void {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  getConfig(): DevicesConfig {
    return { ...this.config };
  }

  configOf(id: DeviceId): DeviceConfig {
    return this.config[CONFIG_KEY[id]];
  }

  /** Validates, persists and reopens one device; returns its new status. */
  async configure(id: DeviceId, input: unknown): Promise<DeviceStatus> {
    const parsed = DeviceConfig.safeParse(input);
    if (!parsed.success) {
      throw new AppError('invalid-input', `设备配置有误 — ${parsed.error.issues.map((i) => `${i.path.join('.') || '配置'}: ${i.message}`).join('; ')}`);
    }
    if (parsed.data.mode === 'library' && id !== 'sscard-reader') {
      throw new AppError('invalid-input', `${this.device(id).label}不能使用读卡库：${LIBRARY_ONLY_SSCARD}`);
    }
    if (parsed.data.mode === 'library') {
      try {
        findInstalledDriver(parsed.data.driver, this.opts.env.driversFile);
      } catch (err) {
        throw new AppError('invalid-input', (err as Error).message);
      }
    }
    const next = { ...this.config, [CONFIG_KEY[id]]: parsed.data };
    this.opts.save(next);
    this.config = next;
    await this.open(id);
    return this.device(id).status.get();
  }

  async test(id: DeviceId): Promise<{ ok: boolean; message: string }> {
    try {
      const message = await this.runTest(id);
      return { ok: true, message };
    } catch (err) {
      return { ok: false, message: chineseMessage(err, '测试失败') };
    }
  }

  /** The installed 社保卡 reader-library drivers (re-read on every call: the administrator may add one). */
  drivers(): DriverListing {
    return listInstalledDrivers({ file: this.opts.env.driversFile });
  }

  async discover(): Promise<Discovery> {
    return discoverDevices(this.opts.env, this.config);
  }

  /** The running simulator of a device, or null when the device is not simulated. */
  simulatorOf(id: 'id-reader'): Ga467Simulator | null;
  simulatorOf(id: 'sscard-reader'): SsCardReaderSimulator | null;
  simulatorOf(id: 'scanner'): ScannerSimulator | null;
  simulatorOf(id: 'printer'): PrinterSimulator | null;
  simulatorOf(id: DeviceId): unknown {
    const link: DeviceLink | null = this.device(id).currentLink;
    return link instanceof SimulatorLink ? link.current.simulator : null;
  }

  get lastScanEvent(): ScanEvent | null {
    return this.lastScan;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    await Promise.all(DEVICE_IDS.map((id) => this.device(id).stop()));
    this.ownDb?.close();
  }

  private async open(id: DeviceId): Promise<void> {
    const config = this.configOf(id);
    const device = this.device(id);
    if (config.mode === 'library' && id !== 'sscard-reader') return device.start(null, LIBRARY_ONLY_SSCARD);
    let link: DeviceLink | null;
    try {
      link = await this.linkFor(id, config);
    } catch (err) {
      // A simulator that cannot start (e.g. socat failing) must not stop the app.
      await device.start(null, chineseMessage(err, '无法启动模拟器'));
      device.status.set({ state: 'error' });
      return;
    }
    const reason = config.mode === 'hid' && id === 'printer' ? PRINTER_HID_UNSUPPORTED : null;
    await device.start(link, reason);
  }

  private linkFor(id: DeviceId, config: DeviceConfig): Promise<DeviceLink | null> {
    const env = this.opts.env;
    switch (id) {
      case 'id-reader':
        return idReaderLink(config, env);
      case 'sscard-reader':
        return ssCardLink(config, env);
      case 'scanner':
        return scannerLink(config, env);
      case 'printer':
        return printerLink(config);
    }
  }

  private runTest(id: DeviceId): Promise<string> {
    switch (id) {
      case 'id-reader':
        return testIdReader(this.idReader);
      case 'sscard-reader':
        return testSsCardReader(this.ssCardReader);
      case 'scanner':
        return testScanner(this.scanner, this.lastScan);
      case 'printer':
        return testPrinter(this.printer, this.printQueue, this.clock());
    }
  }

  private scanned(scan: ScanResult): void {
    this.lastScan = { at: this.clock().toISOString(), scan };
    for (const l of [...this.scanListeners]) l(this.lastScan);
  }

  private async pollAll(): Promise<void> {
    if (this.polling || this.closed) return;
    this.polling = true;
    try {
      await Promise.all(DEVICE_IDS.map((id) => this.device(id).poll().catch(() => undefined)));
    } finally {
      this.polling = false;
    }
  }
}
