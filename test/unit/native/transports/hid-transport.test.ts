import { afterEach, describe, expect, it } from 'vitest';
import { IdReader } from '../../../../native/devices/id-reader';
import { Ga467Simulator } from '../../../../native/simulators/ga467-simulator';
import { sampleIdCard } from '../../../../native/simulators/sample-id-cards';
import { FakeHidBus, FakeHidDevice } from '../../../../native/simulators/fake-hid-device';
import { startSimulatedSsCardReader, type SimulatedSsCardReader } from '../../../../native/simulators/simulated-sscard-reader';
import { CardReaderClient } from '../../../../native/protocols/sscard/card-reader-client';
import { ReaderError } from '../../../../native/protocols/sscard/reader-protocol';
import { SsCardReader } from '../../../../native/protocols/sscard/sscard-reader';
import { ga467HidReportCodec } from '../../../../native/transports/hid-report-codec';
import { HidTransport, listHidDevices } from '../../../../native/transports/hid-transport';
import { TransportError } from '../../../../native/transports/transport';

const INFO = { path: 'fake-hid:id-reader', vendorId: 0x0400, productId: 0xc35a, interface: 0, product: '模拟身份证读卡器' };

function idReaderOnHid() {
  const bus = new FakeHidBus();
  const device = bus.add(new FakeHidDevice(INFO, ga467HidReportCodec()));
  const transport = new HidTransport({ path: INFO.path, codec: ga467HidReportCodec(), open: bus.open });
  return { bus, device, transport };
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

describe('HidTransport over the fake HID device', () => {
  it('lists devices by vendor/product and refuses a missing device with a typed error', async () => {
    const { bus } = idReaderOnHid();
    expect(bus.list({ vendorId: 0x0400 })).toHaveLength(1);
    expect(bus.list({ vendorId: 0x0400, productId: 1 })).toHaveLength(0);
    const t = new HidTransport({ path: 'fake-hid:nothing', codec: ga467HidReportCodec(), open: bus.open });
    const err = await t.open().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).code).toBe('not-found');
    expect((err as Error).message).toContain('未找到');
  });

  it('real node-hid enumeration works on this machine (no devices expected)', async () => {
    const all = await listHidDevices({ vendorId: 0xfffe });
    expect(Array.isArray(all)).toBe(true);
    const t = new HidTransport({ path: '/dev/hidraw-does-not-exist', codec: ga467HidReportCodec() });
    await expect(t.open()).rejects.toBeInstanceOf(TransportError);
  });

  it('carries GA 467 frames in reports: a find-card request arrives byte-exact, a reply comes back whole', async () => {
    const { device, transport } = idReaderOnHid();
    const firmwareGot: Buffer[] = [];
    device.deviceSide.onData((c) => firmwareGot.push(c));
    await transport.open();
    const got: Buffer[] = [];
    transport.onData((c) => got.push(c));
    await transport.write(Buffer.from('AAAAAA96690003200122', 'hex'));
    await new Promise((r) => setTimeout(r, 20));
    expect(firmwareGot.map((b) => b.toString('hex'))).toEqual(['aaaaaa96690003200122']);
    expect(device.written[0][0]).toBe(0x01);
    const reply = Buffer.alloc(1295, 0x5a);
    await device.deviceSide.write(reply);
    await new Promise((r) => setTimeout(r, 50));
    expect(Buffer.concat(got)).toEqual(reply);
    await transport.close();
  });

  it("the colleague's IdReader reads an ID card over HidTransport unchanged", async () => {
    const { device, transport } = idReaderOnHid();
    const sim = new Ga467Simulator(device.deviceSide);
    await sim.start();
    sim.placeCard(sampleIdCard());
    const reader = new IdReader(transport);
    cleanups.push(() => reader.close());
    const id = await reader.readCard({ timeoutMs: 3000 });
    expect(id.idNumber).toBe(sampleIdCard().idNumber);
    expect(id.name).toBe(sampleIdCard().name);
  });

  it('an unplug fires onClose with a disconnected TransportError and later writes fail', async () => {
    const { device, transport } = idReaderOnHid();
    await transport.open();
    const closed = new Promise<Error | undefined>((resolve) => transport.onClose(resolve));
    device.unplug();
    const err = await closed;
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).code).toBe('disconnected');
    expect(transport.isOpen).toBe(false);
    await expect(transport.write(Uint8Array.of(1))).rejects.toBeInstanceOf(TransportError);
  });

  it('a write into an unplugged device reports disconnected', async () => {
    const { device, transport } = idReaderOnHid();
    await transport.open();
    const closes: Array<Error | undefined> = [];
    transport.onClose((e) => closes.push(e));
    device.write = async () => {
      throw new Error('Cannot write to hid device');
    };
    const err = await transport.write(Uint8Array.of(1, 2)).then(() => undefined, (e: unknown) => e);
    expect((err as TransportError).code).toBe('disconnected');
    expect(closes).toHaveLength(1);
  });

  it('drops damaged reports and reports them; the next message still arrives', async () => {
    const { device, transport } = idReaderOnHid();
    await transport.open();
    const errors: string[] = [];
    transport.onReportError((e) => errors.push(e.code));
    const got: Buffer[] = [];
    transport.onData((c) => got.push(c));
    const [first, , third] = ga467HidReportCodec().encode(new Uint8Array(150).fill(1));
    device.pushReport(first);
    device.pushReport(third); // lost the second
    for (const r of ga467HidReportCodec().encode(Uint8Array.of(9, 9))) device.pushReport(r);
    await new Promise((r) => setTimeout(r, 20));
    expect(errors).toContain('out-of-sequence');
    expect(got.map((b) => b.toString('hex'))).toEqual(['0909']);
  });
});

describe('社保卡 reader over USB HID', () => {
  let sim: SimulatedSsCardReader;
  afterEach(async () => sim?.close());

  it('reads the card through HID reports', async () => {
    sim = await startSimulatedSsCardReader({ link: 'hid' });
    await sim.hostTransport.open();
    const client = new CardReaderClient(sim.hostTransport, sim.framing);
    expect(await client.cardStatus()).toBe('present');
    await client.powerOn();
    const id = await new SsCardReader(client).read();
    expect(id.cardNumber).toBe('A99010001');
    expect(sim.hidDevice!.written.every((r) => r.length === 64 && r[0] === 0x02)).toBe(true);
  });

  it('unplugged mid-read → ReaderError disconnected, not a hang', async () => {
    sim = await startSimulatedSsCardReader({ link: 'hid' });
    await sim.hostTransport.open();
    const client = new CardReaderClient(sim.hostTransport, sim.framing, { timeoutMs: 500 });
    await client.powerOn();
    let n = 0;
    const reader = new SsCardReader({
      transmit: (apdu) => {
        if (++n === 4) sim.hidDevice!.unplug();
        return client.transmit(apdu);
      },
    });
    const err = await reader.read().then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ReaderError);
    expect((err as ReaderError).code).toBe('disconnected');
    expect((err as Error).message).toContain('断开');
  });
});
