/**
 * A ready-to-use simulated 社保卡 reader (the counterpart of startSimulatedIdReader): over a socat pty
 * pair when socat exists (the app opens `portPath` with the same SerialTransport as real hardware),
 * over an in-process link otherwise; or inside a fake USB HID device (`link: 'hid'`).
 */
import { sscardHidReportCodec } from '../transports/hid-report-codec';
import { HidTransport } from '../transports/hid-transport';
import { createLinkedPair } from '../transports/in-process-link';
import { createPtyLink, socatAvailable } from '../transports/pty-link';
import { SerialTransport } from '../transports/serial-port';
import type { ByteTransport } from '../transports/transport';
import { hidReaderFraming } from '../protocols/sscard/hid-framing';
import { serialReaderFraming } from '../protocols/sscard/serial-framing';
import type { ReaderFraming } from '../protocols/sscard/reader-protocol';
import { FakeHidBus, FakeHidDevice } from './fake-hid-device';
import { sampleSsCard, type SimulatedSsCardOptions, type SsCardSample } from './simulated-sscard';
import { SsCardReaderSimulator } from './sscard-simulator';

export interface SimulatedSsCardReaderOptions {
  /** Card inserted at start; `null` starts empty. Default: the first sample card. */
  card?: SsCardSample | null;
  cardOptions?: SimulatedSsCardOptions;
  /** 'auto' (default): pty when socat exists; 'pty' fails without socat; 'in-process'; 'hid' = fake USB HID device. */
  link?: 'auto' | 'pty' | 'in-process' | 'hid';
  baudRate?: number;
}

export interface SimulatedSsCardReader {
  /** The serial path the app opens (pty link only). */
  portPath?: string;
  /** The host end (unopened): give it to CardReaderClient with `framing`. */
  hostTransport: ByteTransport;
  framing: ReaderFraming;
  simulator: SsCardReaderSimulator;
  /** The fake USB device (hid link only): unplug() it to test hot-unplug. */
  hidDevice?: FakeHidDevice;
  close(): Promise<void>;
}

export const SIMULATED_HID_READER = { vendorId: 0x1d99, productId: 0x5c01, path: 'fake-hid:sscard-reader' } as const;

export async function startSimulatedSsCardReader(options: SimulatedSsCardReaderOptions = {}): Promise<SimulatedSsCardReader> {
  const { link = 'auto', baudRate = 115200 } = options;
  const card = options.card === undefined ? sampleSsCard() : options.card;
  const insert = (sim: SsCardReaderSimulator) => {
    if (card) sim.insertCard(card, options.cardOptions);
  };

  if (link === 'hid') {
    const bus = new FakeHidBus();
    const device = bus.add(
      new FakeHidDevice(
        { path: SIMULATED_HID_READER.path, vendorId: SIMULATED_HID_READER.vendorId, productId: SIMULATED_HID_READER.productId, product: '模拟社保卡读卡器', interface: 0 },
        sscardHidReportCodec(),
      ),
    );
    const simulator = new SsCardReaderSimulator(device.deviceSide, { framing: hidReaderFraming, unplug: async () => device.unplug() });
    await simulator.start();
    insert(simulator);
    const hostTransport = new HidTransport({ path: SIMULATED_HID_READER.path, codec: sscardHidReportCodec(), open: bus.open });
    return {
      hostTransport,
      framing: hidReaderFraming,
      simulator,
      hidDevice: device,
      async close() {
        await hostTransport.close().catch(() => undefined);
        await simulator.close();
      },
    };
  }

  const usePty = link === 'pty' || (link === 'auto' && socatAvailable());
  if (usePty) {
    const pty = await createPtyLink({ prefix: 'counter-sscard-reader-' });
    const device = new SerialTransport({ path: pty.devicePath, baudRate });
    const simulator = new SsCardReaderSimulator(device, { unplug: () => pty.close() });
    try {
      await simulator.start();
    } catch (err) {
      await pty.close();
      throw err;
    }
    insert(simulator);
    const hostTransport = new SerialTransport({ path: pty.hostPath, baudRate });
    return {
      portPath: pty.hostPath,
      hostTransport,
      framing: serialReaderFraming,
      simulator,
      async close() {
        await hostTransport.close().catch(() => undefined);
        await simulator.close();
        await pty.close();
      },
    };
  }

  const [hostTransport, device] = createLinkedPair('simulated-sscard-reader');
  const simulator = new SsCardReaderSimulator(device);
  await simulator.start();
  insert(simulator);
  return {
    hostTransport,
    framing: serialReaderFraming,
    simulator,
    async close() {
      await hostTransport.close().catch(() => undefined);
      await simulator.close();
    },
  };
}
