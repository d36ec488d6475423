/**
 * The configured ID reader as the services see it: a real serial reader (reopened with backoff after an
 * unplug), the built-in simulator behind the same serial transport, or nothing.
 */
import { AppError } from '../../contract/errors';
import type { IdCardIdentity } from '../../contract/schemas';
import type { IdCardSimulatorControl, IdReaderPort } from '../../services/devices/ports';
import { IdReader, IdReaderError } from '../../../native/devices/id-reader';
import { SerialTransport } from '../../../native/transports/serial-port';
import type { ByteTransport } from '../../../native/transports/transport';
import { startSimulatedIdReader } from '../../../native/simulators/simulated-id-reader';
import { SAMPLE_ID_CARDS } from '../../../native/simulators/sample-id-cards';
import type { DeviceConfig } from '../config';
import { StatusCell } from './device-status';

const LABEL = '身份证阅读器';
const CARD_TYPE_LABEL = { resident: '居民身份证', 'hk-mo-tw-residence': '港澳台居民居住证', 'foreign-permanent': '外国人永久居留身份证' } as const;

export interface ReconnectPolicy {
  initialMs: number;
  maxMs: number;
}

/** A reader on a transport that can be reopened: owns the IdReader and the reconnect loop. */
class ReopeningReader {
  private reader: IdReader | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private delay: number;

  constructor(
    private makeTransport: () => ByteTransport,
    readonly status: StatusCell,
    private policy: ReconnectPolicy,
  ) {
    this.delay = policy.initialMs;
  }

  async connect(): Promise<void> {
    if (this.closed) return;
    this.status.set({ state: 'connecting' });
    const transport = this.makeTransport();
    try {
      await transport.open();
    } catch (err) {
      this.status.set({ state: 'disconnected', lastError: (err as Error).message });
      this.scheduleReconnect();
      return;
    }
    const reader = new IdReader(transport);
    transport.onClose((err) => {
      if (this.reader !== reader) return;
      this.reader = null;
      if (this.closed) return;
      this.status.set({ state: 'disconnected', lastError: err ? '读卡器已断开连接，请检查数据线' : null });
      this.scheduleReconnect();
    });
    this.reader = reader;
    this.delay = this.policy.initialMs;
    this.status.set({ state: 'connected', lastError: null });
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.delay);
    this.retryTimer.unref?.();
    this.delay = Math.min(this.delay * 2, this.policy.maxMs);
  }

  async read(timeoutMs: number, signal: AbortSignal): Promise<IdCardIdentity> {
    if (!this.reader) {
      throw new AppError('disconnected', `身份证阅读器未连接${this.status.get().lastError ? `：${this.status.get().lastError}` : ''}，请检查连接后重试`);
    }
    try {
      const identity = await this.reader.readCard({ timeoutMs, signal });
      if (this.status.get().lastError) this.status.set({ lastError: null });
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
        if (err.code !== 'no-card' && err.code !== 'aborted') this.status.set({ lastError: err.message });
        throw new AppError(err.code, err.message);
      }
      throw err;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const reader = this.reader;
    this.reader = null;
    await reader?.close().catch(() => undefined);
  }
}

export async function openIdReaderPort(config: DeviceConfig, policy: ReconnectPolicy = { initialMs: 1000, maxMs: 10_000 }): Promise<IdReaderPort> {
  if (config.mode === 'off' || config.mode === 'hid') {
    const status = new StatusCell({
      id: 'id-reader', kind: 'id-reader', label: LABEL, state: 'disabled', location: config.mode === 'hid' ? 'USB HID' : '—',
      simulated: false, lastError: config.mode === 'hid' ? 'USB HID 身份证阅读器尚未接入设备管理' : null,
    });
    return {
      status: () => status.get(),
      onStatus: (l) => status.subscribe(l),
      read: async () => {
        throw new AppError('disabled', '身份证阅读器未启用，请在设备设置中配置');
      },
      close: async () => undefined,
    };
  }

  if (config.mode === 'serial') {
    const status = new StatusCell({ id: 'id-reader', kind: 'id-reader', label: LABEL, state: 'connecting', location: config.path, simulated: false, lastError: null });
    const reader = new ReopeningReader(() => new SerialTransport({ path: config.path, baudRate: config.baudRate }), status, policy);
    await reader.connect();
    return {
      status: () => status.get(),
      onStatus: (l) => status.subscribe(l),
      read: ({ timeoutMs, signal }) => reader.read(timeoutMs, signal),
      close: () => reader.close(),
    };
  }

  // The simulator: a GA 467 reader speaking real frames on the far end of a pty pair (or in-process link).
  const sim = await startSimulatedIdReader({ card: null });
  const status = new StatusCell({
    id: 'id-reader', kind: 'id-reader', label: LABEL, state: 'connecting', location: sim.portPath ?? '进程内链路', simulated: true, lastError: null,
  });
  let first = true;
  const reader = new ReopeningReader(
    () => {
      // The first connection uses the simulator's host end; later ones reopen the same pty path.
      if (first || !sim.portPath) {
        first = false;
        return sim.hostTransport;
      }
      return new SerialTransport({ path: sim.portPath, baudRate: 115200 });
    },
    status,
    policy,
  );
  await reader.connect();
  const simulator: IdCardSimulatorControl = {
    samples: () => SAMPLE_ID_CARDS.map((c, i) => ({ id: String(i), label: `${c.name}（${CARD_TYPE_LABEL[c.cardType]}）` })),
    place(sampleId) {
      const card = SAMPLE_ID_CARDS[Number(sampleId)];
      if (!card) throw new AppError('invalid-input', `没有编号为 ${sampleId} 的样例身份证`);
      sim.simulator.placeCard(card);
    },
    remove: () => sim.simulator.removeCard(),
    fault(kind) {
      sim.simulator.clearFaults();
      if (kind === 'garbage') sim.simulator.setFaults({ garbageBeforeReply: Buffer.from([0x00, 0x13, 0xaa, 0x96, 0xff]) });
      else if (kind === 'bad-checksum') sim.simulator.setFaults({ badChecksumReplies: Infinity });
      else if (kind === 'silent') sim.simulator.setFaults({ silent: true });
      else if (kind === 'split') sim.simulator.setFaults({ chunkSize: 7, chunkDelayMs: 2 });
      else if (kind === 'unplug') void sim.simulator.unplug?.();
    },
  };
  return {
    status: () => status.get(),
    onStatus: (l) => status.subscribe(l),
    read: ({ timeoutMs, signal }) => reader.read(timeoutMs, signal),
    simulator,
    async close() {
      await reader.close();
      await sim.close();
    },
  };
}
