/**
 * The barcode/QR scanner as the device manager runs it. A serial scanner (or the simulator's pty) sends
 * lines that are classified here and published as 'scanner.scan'. A USB HID scanner types like a
 * keyboard: the renderer's wedge hook captures it, so here it is only watched for presence.
 */
import { DEVICE_NAMES } from '../../contract/vocabulary/devices';
import type { DeviceFactories } from '../../services/devices/ports';
import { SerialScanner } from '../../../native/devices/serial-scanner';
import { redactScan, type ScanResult } from '../../../shared/scanner/classify';
import { loadSampleCodes, type ScannerSimulator } from '../../../native/simulators/scanner-simulator';
import { startSimulatedScanner } from '../../../native/simulators/start-simulated-devices';
import type { DeviceConfig } from '../config';
import { hidLink, presenceLink, PresenceTransport, serialLink, SimulatorLink, type DeviceLink } from './device-links';
import type { DeviceDriver, ManagedDevice } from './managed-device';
import { ChunkedReportCodec } from '../../../native/transports/hid-report-codec';


export interface ScannerSession {
  scanner: SerialScanner | null;
}

export function scannerDriver(onScan: (scan: ScanResult) => void): DeviceDriver<ScannerSession> {
  return {
    async attach(transport) {
      // A keyboard-mode (HID) scanner has nothing to read here.
      if (transport instanceof PresenceTransport) return { scanner: null };
      const scanner = new SerialScanner(transport);
      scanner.onScan(onScan);
      await scanner.start();
      return { scanner };
    },
    async detach(session) {
      await session.scanner?.stop().catch(() => undefined);
    },
  };
}

export async function scannerLink(config: DeviceConfig, env: DeviceFactories): Promise<DeviceLink | null> {
  if (config.mode === 'off') return null;
  if (config.mode === 'serial') return serialLink(config.path, config.baudRate);
  // The codec is never used: presence only.
  if (config.mode === 'hid') return presenceLink(hidLink(config, () => new ChunkedReportCodec({ reportId: 1 }), env), DEVICE_NAMES.scanner);
  return SimulatorLink.create<ScannerSimulator>(async () => {
    const sim = await startSimulatedScanner();
    return { simulator: sim.simulator, host: sim.host, portPath: sim.hostPath, close: () => sim.close() };
  });
}

/** Short Chinese description of a scan for the device panel (ID numbers masked). */
export function describeScan(scan: ScanResult): string {
  const s = redactScan(scan);
  switch (s.kind) {
    case 'id-number':
      return `身份证号码 ${s.idNumber}`;
    case 'sscard-number':
      return `社保卡卡号 ${s.cardNumber}`;
    case 'ec-voucher':
      return '医保电子凭证';
    case 'e-invoice':
      return `电子票据 ${s.invoice.billCode}-${s.invoice.billNumber}`;
    default:
      return `无法识别的条码（${s.reason}）`;
  }
}

/** The 测试 button: the scanner cannot be asked anything; say it is listening and show the last scan. */
export async function testScanner(device: ManagedDevice<ScannerSession>, last: { at: string; scan: ScanResult } | null): Promise<string> {
  return device.use(async (session) => {
    const mode = session.scanner ? '串口扫码枪正在监听' : '键盘模式扫码枪已插入，扫码由界面直接捕获';
    return `${mode}；${last ? `最近一次扫描（${last.at.slice(11, 19)}）：${describeScan(last.scan)}` : '尚未收到扫描，请扫一个条码'}`;
  });
}

export const scannerSamples = () => loadSampleCodes().map((c) => ({ label: c.label, code: c.code }));
