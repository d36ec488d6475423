/**
 * The 社保卡 reader as the device manager runs it: serial framing on a serial port or the simulator's pty,
 * HID framing on a USB HID reader (reads go through readSsCard on the open link), or the provincial
 * reader library behind its out-of-process driver (JSON lines; a crashed or hung driver is replaced by a
 * fresh one on the next call).
 */
import { AppError } from '../../contract/errors';
import type { SsCardPerson } from '../../contract/features/devices';
import type { DeviceFactories } from '../../services/devices/ports';
import { maskIdNumber } from '../../../shared/id-number';
import { CardReaderClient } from '../../../native/protocols/sscard/card-reader-client';
import { ProvincialLibraryDriver } from '../../../native/protocols/sscard/library-driver';
import { identityFromProvincial, parseProvincialCardInfo, ProvincialLibraryError } from '../../../native/protocols/sscard/provincial-library';
import { hidReaderFraming } from '../../../native/protocols/sscard/hid-framing';
import type { SsCardIdentity } from '../../../native/protocols/sscard/identity';
import { ReaderError, type ReaderFraming } from '../../../native/protocols/sscard/reader-protocol';
import { serialReaderFraming } from '../../../native/protocols/sscard/serial-framing';
import { readSsCard } from '../../../native/protocols/sscard/sscard-session';
import { sscardHidReportCodec } from '../../../native/transports/hid-report-codec';
import type { ByteTransport } from '../../../native/transports/transport';
import { SAMPLE_SS_CARDS } from '../../../native/simulators/simulated-sscard';
import type { SsCardReaderSimulator } from '../../../native/simulators/sscard-simulator';
import { startSimulatedSsCardReader } from '../../../native/simulators/simulated-sscard-reader';
import type { DeviceConfig } from '../config';
import { findInstalledDriver } from './sscard-drivers';
import { hidLink, PresenceTransport, serialLink, SimulatorLink, type DeviceLink } from './device-links';
import type { DeviceDriver, ManagedDevice } from './managed-device';


/** APDUs over a byte link, or the provincial library's driver process (its link carries no bytes). */
export type SsCardSession =
  | { kind: 'apdu'; transport: ByteTransport; framing: ReaderFraming }
  | { kind: 'library'; transport: ByteTransport; driver: ProvincialLibraryDriver };

/**
 * config: the reader's current configuration (framing and driver depend on it). driversFile: where the
 * administrator's installed drivers are read; the driver id is looked up there at every (re)connect, so a
 * driver the administrator removed is never started again.
 */
export function ssCardDriver(config: () => DeviceConfig, driversFile?: string): DeviceDriver<SsCardSession> {
  return {
    async attach(transport) {
      const c = config();
      if (c.mode !== 'library') return { kind: 'apdu', transport, framing: framingFor(c) };
      const installed = findInstalledDriver(c.driver, driversFile);
      const driver = new ProvincialLibraryDriver({ command: installed.command, env: installed.env, timeoutMs: c.timeoutMs });
      try {
        // Connected means the driver answers; any reply (a card, or the library's "no card") will do.
        await driver.call('readCardBas');
      } catch (err) {
        await driver.close().catch(() => undefined);
        throw err;
      }
      return { kind: 'library', transport, driver };
    },
    async detach(s) {
      if (s.kind === 'library') await s.driver.close().catch(() => undefined);
      await s.transport.close();
    },
  };
}

export function framingFor(config: DeviceConfig): ReaderFraming {
  return config.mode === 'hid' ? hidReaderFraming : serialReaderFraming;
}

/** The library mode's link: nothing to open or plug in; the driver process is the session. */
export function libraryLink(driverName: string): DeviceLink {
  return {
    location: `读卡库驱动 ${driverName}`,
    simulated: false,
    transport: async () => new PresenceTransport('sscard-library'),
    present: async () => true,
    close: async () => undefined,
  };
}

export async function ssCardLink(config: DeviceConfig, env: DeviceFactories): Promise<DeviceLink | null> {
  if (config.mode === 'off') return null;
  if (config.mode === 'library') return libraryLink(findInstalledDriver(config.driver, env.driversFile).name);
  if (config.mode === 'serial') return serialLink(config.path, config.baudRate);
  if (config.mode === 'hid') return hidLink(config, () => sscardHidReportCodec(), env);
  return SimulatorLink.create<SsCardReaderSimulator>(async () => {
    const sim = await startSimulatedSsCardReader({ card: null });
    return { simulator: sim.simulator, host: sim.hostTransport, portPath: sim.portPath, close: () => sim.close() };
  });
}

/** The driver died, hung or broke protocol: 故障 with its message (the next call starts a fresh driver). */
const isDriverFault = (err: unknown) => err instanceof ProvincialLibraryError && ['timeout', 'driver-crashed', 'driver-failed'].includes(err.code);

/** One library call with the reader's state kept honest: a fault → 'error', any answer → 'connected'. */
async function libraryCall<T>(device: ManagedDevice<SsCardSession>, fn: () => Promise<T>): Promise<T> {
  try {
    const out = await fn();
    device.status.set({ state: 'connected', lastError: null });
    return out;
  } catch (err) {
    if (isDriverFault(err)) device.status.set({ state: 'error', lastError: (err as Error).message });
    else if (err instanceof ProvincialLibraryError && device.status.get().state === 'error') device.status.set({ state: 'connected', lastError: null });
    throw err;
  }
}

/** The 测试 button, library mode: one basic read through the driver; the library's own refusal still proves it answers. */
async function testLibrary(device: ManagedDevice<SsCardSession>, driver: ProvincialLibraryDriver): Promise<string> {
  const reply = await libraryCall(device, () => driver.call('readCardBas'));
  if (!reply.ok) return `读卡驱动应答正常；读卡库返回（代码 ${reply.code}）：${reply.message}`;
  const info = parseProvincialCardInfo(reply.output);
  return `读卡驱动应答正常；已读到社保卡（卡号 ${info.cardNumber}，规范版本 ${info.specVersion}）`;
}

/** The 测试 button: card status; with a card present, power it on and off and show the ATR. */
export async function testSsCardReader(device: ManagedDevice<SsCardSession>): Promise<string> {
  return device.use(async (session) => {
    if (session.kind === 'library') return testLibrary(device, session.driver);
    const { transport, framing } = session;
    const client = new CardReaderClient(transport, framing, { timeoutMs: 2000 });
    try {
      const presence = await client.cardStatus();
      if (presence === 'absent') return '读卡器应答正常；卡座中没有卡';
      const atr = Buffer.from(await client.powerOn()).toString('hex').toUpperCase();
      await client.powerOff().catch(() => undefined);
      return `读卡器应答正常；卡片已上电，复位信息（ATR）${atr}`;
    } finally {
      client.dispose();
    }
  });
}

export async function readSsCardPerson(device: ManagedDevice<SsCardSession>, waitForCardMs: number): Promise<SsCardPerson> {
  if (!device.connected) throw device.notConnected();
  return device.use(async (session) => {
    if (session.kind === 'library') {
      const identity = await libraryCall(device, () => session.driver.readCardInfo().then(identityFromProvincial));
      if (!identity.birthDate) throw new AppError('invalid-card', '该社保卡的社会保障号码不是有效的身份证号码，无法确定出生日期，请改用身份证读取');
      return toPerson(identity);
    }
    const { transport, framing } = session;
    try {
      const identity = await readSsCard(transport, framing, { waitForCardMs, keepOpen: true });
      if (device.status.get().lastError) device.status.set({ lastError: null });
      return toPerson(identity);
    } catch (err) {
      if (err instanceof ReaderError && err.code !== 'no-card') device.status.set({ lastError: err.message });
      throw err;
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
