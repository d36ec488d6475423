/**
 * The ID reader (GA 467) as the device manager runs it: the driver for ManagedDevice, the link per
 * configuration (serial, USB HID with the GA 467 report codec, or the built-in simulator), the stable
 * IdReaderPort the reception service uses (it survives reconfiguration), and the simulator controls.
 */
import { AppError } from '../../contract/errors';
import type { IdCardIdentity } from '../../contract/schemas';
import type { DeviceFactories, IdCardSimulatorControl, IdReaderPort } from '../../services/devices/ports';
import { IdReader, IdReaderError } from '../../../native/devices/id-reader';
import { ga467HidReportCodec } from '../../../native/transports/hid-report-codec';
import type { Ga467Simulator } from '../../../native/simulators/ga467-simulator';
import { startSimulatedIdReader } from '../../../native/simulators/simulated-id-reader';
import { SAMPLE_ID_CARDS } from '../../../native/simulators/sample-id-cards';
import type { DeviceConfig } from '../config';
import { hidLink, serialLink, SimulatorLink, type DeviceLink } from './device-links';
import type { DeviceDriver, ManagedDevice } from './managed-device';

const CARD_TYPE_LABEL = { resident: '居民身份证', 'hk-mo-tw-residence': '港澳台居民居住证', 'foreign-permanent': '外国人永久居留身份证' } as const;

export const idReaderDriver: DeviceDriver<IdReader> = {
  attach: async (transport) => new IdReader(transport),
  detach: (reader) => reader.close(),
};

export async function idReaderLink(config: DeviceConfig, env: DeviceFactories): Promise<DeviceLink | null> {
  if (config.mode === 'off') return null;
  if (config.mode === 'serial') return serialLink(config.path, config.baudRate);
  if (config.mode === 'hid') return hidLink(config, () => ga467HidReportCodec(), env);
  return SimulatorLink.create<Ga467Simulator>(async () => {
    const sim = await startSimulatedIdReader({ card: null });
    return { simulator: sim.simulator, host: sim.hostTransport, portPath: sim.portPath, close: () => sim.close() };
  });
}

/** The 测试 button: ask the reader's SAM module for its status. */
export async function testIdReader(device: ManagedDevice<IdReader>): Promise<string> {
  return device.use(async (reader) => {
    const status = await reader.samStatus();
    if (!status.ok) throw new AppError('sam-error', `安全模块（SAM）状态异常：${status.message}`);
    return `安全模块（SAM）工作正常：${status.message}`;
  });
}

export async function readIdCard(device: ManagedDevice<IdReader>, timeoutMs: number, signal: AbortSignal): Promise<IdCardIdentity> {
  if (!device.connected) throw device.notConnected();
  return device.use(async (reader) => {
    try {
      const identity = await reader.readCard({ timeoutMs, signal });
      if (device.status.get().lastError) device.status.set({ lastError: null });
      return {
        name: identity.name,
        sex: identity.sex,
        sexCode: identity.sexCode,
        nation: identity.nation,
        nationCode: identity.nationCode,
        birthDate: identity.birthDate,
        address: identity.address,
        idNumber: identity.idNumber,
        issuer: identity.issuer,
        validFrom: identity.validFrom,
        validTo: identity.validTo,
        photo: { format: 'wlt', base64: identity.photo.base64 },
        cardType: identity.cardType,
      };
    } catch (err) {
      if (err instanceof IdReaderError) {
        if (err.code !== 'no-card' && err.code !== 'aborted') device.status.set({ lastError: err.message });
      }
      throw err;
    }
  });
}

export function idCardSimulatorControl(simulator: () => Ga467Simulator): IdCardSimulatorControl {
  return {
    samples: () => SAMPLE_ID_CARDS.map((c, i) => ({ id: String(i), label: `${c.name}（${CARD_TYPE_LABEL[c.cardType]}）` })),
    place(sampleId) {
      const card = SAMPLE_ID_CARDS[Number(sampleId)];
      if (!/^\d+$/.test(sampleId) || !card) throw new AppError('invalid-input', `没有编号为 ${sampleId} 的样例身份证`);
      simulator().placeCard(card);
    },
    remove: () => simulator().removeCard(),
    fault(kind) {
      const sim = simulator();
      sim.clearFaults();
      if (kind === 'garbage') sim.setFaults({ garbageBeforeReply: Buffer.from([0x00, 0x13, 0xaa, 0x96, 0xff]) });
      else if (kind === 'bad-checksum') sim.setFaults({ badChecksumReplies: Infinity });
      else if (kind === 'silent') sim.setFaults({ silent: true });
      else if (kind === 'split') sim.setFaults({ chunkSize: 7, chunkDelayMs: 2 });
      else if (kind === 'unplug') void sim.unplug();
    },
  };
}

/**
 * The port the reception service holds. It reads whichever reader is configured now, so reconfiguring
 * the device never leaves the service with a dead reader.
 */
export function idReaderPort(device: ManagedDevice<IdReader>, simulator: () => Ga467Simulator | null): IdReaderPort {
  const control = idCardSimulatorControl(() => {
    const sim = simulator();
    if (!sim) throw new AppError('no-simulator', '身份证阅读器不是模拟器，无法模拟放卡');
    return sim;
  });
  return {
    status: () => device.status.get(),
    onStatus: (l) => device.status.subscribe(l),
    read: ({ timeoutMs, signal }) => readIdCard(device, timeoutMs, signal),
    get simulator() {
      return simulator() ? control : undefined;
    },
    close: async () => undefined, // the device manager owns the device
  };
}
