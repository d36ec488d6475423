/**
 * The 社保卡 reader as the device manager runs it: serial framing on a serial port or the simulator's pty,
 * HID framing on a USB HID reader. Reads go through the colleagues' readSsCard session on the open link.
 */
import { AppError } from '../../contract/errors';
import type { SsCardPerson } from '../../contract/features/devices';
import type { DeviceFactories } from '../../services/devices/ports';
import { maskIdNumber } from '../../../native/protocols/id-number';
import { CardReaderClient } from '../../../native/protocols/sscard/card-reader-client';
import { SsCardError } from '../../../native/protocols/sscard/errors';
import { hidReaderFraming } from '../../../native/protocols/sscard/hid-framing';
import type { SsCardIdentity } from '../../../native/protocols/sscard/identity';
import { ReaderError, type ReaderFraming } from '../../../native/protocols/sscard/reader-protocol';
import { serialReaderFraming } from '../../../native/protocols/sscard/serial-framing';
import { readSsCard } from '../../../native/protocols/sscard/sscard-session';
import { sscardHidReportCodec } from '../../../native/transports/hid-report-codec';
import { TransportError, type ByteTransport } from '../../../native/transports/transport';
import { SAMPLE_SS_CARDS } from '../../../native/simulators/simulated-sscard';
import type { SsCardReaderSimulator } from '../../../native/simulators/sscard-simulator';
import { startSimulatedSsCardReader } from '../../../native/simulators/simulated-sscard-reader';
import type { DeviceConfig } from '../config';
import { hidLink, serialLink, SimulatorLink, type DeviceLink } from './device-links';
import type { DeviceDriver, ManagedDevice } from './managed-device';

export const SSCARD_READER_LABEL = '社保卡读卡器';

export interface SsCardSession {
  transport: ByteTransport;
  framing: ReaderFraming;
}

export function ssCardDriver(framing: () => ReaderFraming): DeviceDriver<SsCardSession> {
  return {
    attach: async (transport) => ({ transport, framing: framing() }),
    detach: (s) => s.transport.close(),
  };
}

export function framingFor(config: DeviceConfig): ReaderFraming {
  return config.mode === 'hid' ? hidReaderFraming : serialReaderFraming;
}

export async function ssCardLink(config: DeviceConfig, env: DeviceFactories): Promise<DeviceLink | null> {
  if (config.mode === 'off') return null;
  if (config.mode === 'serial') return serialLink(config.path, config.baudRate);
  if (config.mode === 'hid') return hidLink(config, () => sscardHidReportCodec(), env);
  return SimulatorLink.create<SsCardReaderSimulator>(async () => {
    const sim = await startSimulatedSsCardReader({ card: null });
    return { simulator: sim.simulator, host: sim.hostTransport, portPath: sim.portPath, close: () => sim.close() };
  });
}

const TYPED = [ReaderError, SsCardError, TransportError];
const asAppError = (err: unknown) =>
  TYPED.some((T) => err instanceof T) ? new AppError((err as { code: string }).code, (err as Error).message) : err;

/** The 测试 button: card status; with a card present, power it on and off and show the ATR. */
export async function testSsCardReader(device: ManagedDevice<SsCardSession>): Promise<string> {
  return device.use(async ({ transport, framing }) => {
    const client = new CardReaderClient(transport, framing, { timeoutMs: 2000 });
    try {
      const presence = await client.cardStatus();
      if (presence === 'absent') return '读卡器应答正常；卡座中没有卡';
      const atr = Buffer.from(await client.powerOn()).toString('hex').toUpperCase();
      await client.powerOff().catch(() => undefined);
      return `读卡器应答正常；卡片已上电，复位信息（ATR）${atr}`;
    } catch (err) {
      throw asAppError(err);
    } finally {
      client.dispose();
    }
  });
}

export async function readSsCardPerson(device: ManagedDevice<SsCardSession>, waitForCardMs: number): Promise<SsCardPerson> {
  if (!device.connected) throw device.notConnected();
  return device.use(async ({ transport, framing }) => {
    try {
      const identity = await readSsCard(transport, framing, { waitForCardMs, keepOpen: true });
      if (device.status.get().lastError) device.status.set({ lastError: null });
      return toPerson(identity);
    } catch (err) {
      if (err instanceof ReaderError && err.code !== 'no-card') device.status.set({ lastError: err.message });
      throw asAppError(err);
    }
  });
}

const isoDate = (yyyymmdd: string) => (/^\d{8}$/.test(yyyymmdd) ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` : yyyymmdd);

export function toPerson(id: SsCardIdentity): SsCardPerson {
  return {
    name: id.name,
    sex: id.sex,
    sexCode: id.sexCode,
    nation: id.nation,
    birthDate: isoDate(id.birthDate),
    ssn: id.ssn,
    ssnMasked: /^\d{17}[\dX]$/.test(id.ssn) ? maskIdNumber(id.ssn) : `${id.ssn.slice(0, 2)}****${id.ssn.slice(-2)}`,
    cardNumber: id.cardNumber,
    cardId: id.cardId,
    cardIdMasked: `${id.cardId.slice(0, 6)}${'*'.repeat(Math.max(0, id.cardId.length - 10))}${id.cardId.slice(-4)}`,
    specVersion: id.specVersion,
    issueDate: isoDate(id.issueDate),
    expiryDate: isoDate(id.expiryDate),
    issuerRegion: id.issuerRegion,
  };
}

export const ssCardSamples = () => SAMPLE_SS_CARDS.map((c, i) => ({ id: String(i), label: `${c.name}（卡号 ${c.cardNumber}）` }));

export function insertSampleSsCard(sim: SsCardReaderSimulator, sampleId: string): void {
  const card = /^\d+$/.test(sampleId) ? SAMPLE_SS_CARDS[Number(sampleId)] : undefined;
  if (!card) throw new AppError('invalid-input', `没有编号为 ${sampleId} 的样例社保卡`);
  sim.insertCard(card);
}
