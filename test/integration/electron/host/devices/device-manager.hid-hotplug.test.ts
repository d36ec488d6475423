/**
 * A USB HID 社保卡 reader chosen by vendor/product id: found on the (fake) HID bus, read with the real HID
 * report framing, unplugged (disconnected, Chinese message) and plugged back (connected by hot-plug
 * polling). The fake device is the only fake here: no HID hardware exists on a test machine.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { DeviceManager } from '../../../../../electron/host/devices/device-manager';
import { readSsCardPerson } from '../../../../../electron/host/devices/sscard-device';
import { defaultDeviceFactories } from '../../../../../electron/host/default-devices';
import type { DevicesConfig } from '../../../../../electron/services/devices/ports';
import { hidReaderFraming } from '../../../../../native/protocols/sscard/hid-framing';
import { FakeHidBus, FakeHidDevice } from '../../../../../native/simulators/fake-hid-device';
import { sampleSsCard } from '../../../../../native/simulators/simulated-sscard';
import { SsCardReaderSimulator } from '../../../../../native/simulators/sscard-simulator';
import { sscardHidReportCodec } from '../../../../../native/transports/hid-report-codec';

const VID = 0x1d99;
const PID = 0x5c01;
const bus = new FakeHidBus();
let saved: DevicesConfig | undefined;
const sims: SsCardReaderSimulator[] = [];
let current: FakeHidDevice | undefined;

async function plugReader(): Promise<FakeHidDevice> {
  const device = bus.add(new FakeHidDevice({ path: 'fake-hid:1', vendorId: VID, productId: PID, product: '模拟社保卡读卡器', interface: 0 }, sscardHidReportCodec()));
  const sim = new SsCardReaderSimulator(device.deviceSide, { framing: hidReaderFraming });
  await sim.start();
  sim.insertCard(sampleSsCard(1));
  sims.push(sim);
  current = device;
  return device;
}

const manager = new DeviceManager({
  config: {
    idReader: { mode: 'off' },
    ssCardReader: { mode: 'hid', vendorId: VID, productId: PID },
    scanner: { mode: 'hid', vendorId: 0x0c2e, productId: 0x0b61 },
    printer: { mode: 'hid', vendorId: 1, productId: 2 },
  },
  env: defaultDeviceFactories({
    listHidDevices: async () => bus.list(),
    listSerialPorts: async () => [],
    openHid: bus.open,
    pollMs: 100,
    reconnect: { initialMs: 5000, maxMs: 5000 }, // long: reconnection below must come from hot-plug polling
  }),
  save: (c) => (saved = c),
});

afterAll(async () => {
  await manager.close();
  for (const s of sims) await s.close().catch(() => undefined);
});

describe('USB HID devices by vendor/product id', () => {
  it('starts with the reader absent: disconnected with a Chinese message; off and unsupported kinds are disabled', async () => {
    await manager.start();
    const [id, sscard, scanner, printer] = manager.list();
    expect(id).toMatchObject({ state: 'disabled', lastError: null });
    expect(sscard).toMatchObject({ state: 'disconnected', location: 'USB 1d99:5c01' });
    expect(sscard.lastError).toMatch(/未找到 USB 设备/);
    expect(scanner.state).toBe('disconnected');
    expect(printer).toMatchObject({ state: 'disabled', lastError: expect.stringMatching(/不走 USB HID/) });
    await expect(readSsCardPerson(manager.ssCardReader, 1000)).rejects.toThrow(/社保卡读卡器未连接/);
  });

  it('hot-plug: the reader appearing on the bus is opened and read with HID framing', async () => {
    const device = await plugReader();
    await expect.poll(() => manager.ssCardReader.status.get().state, { timeout: 5000 }).toBe('connected');
    const person = await readSsCardPerson(manager.ssCardReader, 2000);
    expect(person).toMatchObject({ name: sampleSsCard(1).name, cardNumber: sampleSsCard(1).cardNumber });
    expect(device.written.length).toBeGreaterThan(0);
    const found = await manager.discover();
    expect(found.hidDevices).toEqual([expect.objectContaining({ vendorId: VID, productId: PID, matches: ['sscard-reader'] })]);
  });

  it('unplug → disconnected; plugged back → connected again without waiting for the backoff', async () => {
    current?.unplug();
    await expect.poll(() => manager.ssCardReader.status.get().state, { timeout: 5000 }).toBe('disconnected');
    expect(manager.ssCardReader.status.get().lastError).toMatch(/断开/);
    await plugReader();
    await expect.poll(() => manager.ssCardReader.status.get().state, { timeout: 3000 }).toBe('connected');
    await expect(readSsCardPerson(manager.ssCardReader, 2000)).resolves.toMatchObject({ name: sampleSsCard(1).name });
  });

  it('configure validates before saving', async () => {
    await expect(manager.configure('scanner', { mode: 'serial', path: '' })).rejects.toThrow(/设备配置有误/);
    expect(saved).toBeUndefined();
    await manager.configure('scanner', { mode: 'off' });
    expect(saved?.scanner).toEqual({ mode: 'off' });
    expect(manager.scanner.status.get().state).toBe('disabled');
  });
});
