/**
 * Starts a simulated printer or scanner on a fresh link and returns the host side for the app: a socat
 * pseudo-terminal pair when socat exists (the app then opens `hostPath` like any serial port), an
 * in-process link otherwise (the app uses `host` directly).
 */
import { createLinkedPair } from '../transports/in-process-link';
import { createPtyLink, socatAvailable } from '../transports/pty-link';
import { SerialTransport } from '../transports/serial-port';
import type { ByteTransport } from '../transports/transport';
import { PrinterSimulator, type PrinterSimulatorOptions } from './printer-simulator';
import { ScannerSimulator, type ScannerSimulatorOptions } from './scanner-simulator';

export interface SimulatedDevice<S> {
  link: 'pty' | 'in-process';
  /** Serial path the app opens (pty links only). */
  hostPath?: string;
  /** A transport for the host end, not yet opened. */
  host: ByteTransport;
  simulator: S;
  close(): Promise<void>;
}

async function startOn<S extends { start(): Promise<void>; stop(): Promise<void> }>(
  make: (device: ByteTransport) => S,
  preferPty: boolean,
  prefix: string,
): Promise<SimulatedDevice<S>> {
  if (preferPty && socatAvailable()) {
    const link = await createPtyLink({ prefix });
    const simulator = make(new SerialTransport({ path: link.devicePath, baudRate: 9600 }));
    try {
      await simulator.start();
    } catch (err) {
      await link.close();
      throw err;
    }
    return {
      link: 'pty',
      hostPath: link.hostPath,
      host: new SerialTransport({ path: link.hostPath, baudRate: 9600 }),
      simulator,
      async close() {
        await simulator.stop().catch(() => undefined);
        await link.close();
      },
    };
  }
  const [host, device] = createLinkedPair(prefix);
  const simulator = make(device);
  await simulator.start();
  return {
    link: 'in-process',
    host,
    simulator,
    async close() {
      await simulator.stop().catch(() => undefined);
    },
  };
}

export function startSimulatedPrinter(
  options: PrinterSimulatorOptions & { preferPty?: boolean } = {},
): Promise<SimulatedDevice<PrinterSimulator>> {
  return startOn((t) => new PrinterSimulator(t, options), options.preferPty ?? true, 'sim-printer-');
}

export function startSimulatedScanner(
  options: ScannerSimulatorOptions & { preferPty?: boolean } = {},
): Promise<SimulatedDevice<ScannerSimulator>> {
  return startOn((t) => new ScannerSimulator(t, options), options.preferPty ?? true, 'sim-scanner-');
}
