/**
 * A ready-to-use simulated ID reader for the app's default configuration and for tests: over a socat
 * pty pair when socat exists (the app opens `portPath` with the same SerialTransport as real hardware),
 * over an in-process link otherwise.
 */
import { createLinkedPair } from '../transports/in-process-link';
import { createPtyLink, socatAvailable } from '../transports/pty-link';
import { SerialTransport } from '../transports/serial-port';
import type { ByteTransport } from '../transports/transport';
import { Ga467Simulator, type SimulatedCard } from './ga467-simulator';
import { sampleIdCard } from './sample-id-cards';

export interface SimulatedIdReaderOptions {
  /** Card placed at start; `null` starts with no card. Default: the first resident sample. */
  card?: SimulatedCard | null;
  /** 'auto' (default): pty when socat exists; 'pty' fails without socat; 'in-process' never uses socat. */
  link?: 'auto' | 'pty' | 'in-process';
  baudRate?: number;
  /** Pace the simulator's replies at the line speed (for benchmarks). */
  paceBaudRate?: number;
}

export interface SimulatedIdReader {
  /** The serial path the app opens (pty link only). */
  portPath?: string;
  /** The host end: give it to IdReader (unopened). */
  hostTransport: ByteTransport;
  simulator: Ga467Simulator;
  close(): Promise<void>;
}

export async function startSimulatedIdReader(options: SimulatedIdReaderOptions = {}): Promise<SimulatedIdReader> {
  const { link = 'auto', baudRate = 115200 } = options;
  const usePty = link === 'pty' || (link === 'auto' && socatAvailable());
  const card = options.card === undefined ? sampleIdCard() : options.card;

  if (usePty) {
    const pty = await createPtyLink({ prefix: 'counter-id-reader-' });
    const device = new SerialTransport({ path: pty.devicePath, baudRate });
    const simulator = new Ga467Simulator(device, { paceBaudRate: options.paceBaudRate, unplug: () => pty.close() });
    try {
      await simulator.start();
    } catch (err) {
      await pty.close();
      throw err;
    }
    if (card) simulator.placeCard(card);
    const hostTransport = new SerialTransport({ path: pty.hostPath, baudRate });
    return {
      portPath: pty.hostPath,
      hostTransport,
      simulator,
      async close() {
        await hostTransport.close().catch(() => undefined);
        await simulator.close().catch(() => undefined);
        await pty.close();
      },
    };
  }

  const [hostTransport, device] = createLinkedPair('simulated-id-reader');
  const simulator = new Ga467Simulator(device, { paceBaudRate: options.paceBaudRate });
  await simulator.start();
  if (card) simulator.placeCard(card);
  return {
    hostTransport,
    simulator,
    async close() {
      await hostTransport.close().catch(() => undefined);
      await simulator.close().catch(() => undefined);
    },
  };
}
