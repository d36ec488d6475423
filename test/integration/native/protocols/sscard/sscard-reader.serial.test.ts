/** The full 社保卡 read over a real socat pty pair against the simulated reader, including faults. */
import { afterEach, describe, expect, it } from 'vitest';
import { CardReaderClient } from '../../../../../native/protocols/sscard/card-reader-client';
import { SsCardError } from '../../../../../native/protocols/sscard/errors';
import { ReaderError } from '../../../../../native/protocols/sscard/reader-protocol';
import { serialReaderFraming } from '../../../../../native/protocols/sscard/serial-framing';
import { readSsCard } from '../../../../../native/protocols/sscard/sscard-session';
import { SsCardReader } from '../../../../../native/protocols/sscard/sscard-reader';
import { sampleSsCard } from '../../../../../native/simulators/simulated-sscard';
import { startSimulatedSsCardReader, type SimulatedSsCardReader } from '../../../../../native/simulators/simulated-sscard-reader';

let sim: SimulatedSsCardReader | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function connect(options: Parameters<typeof startSimulatedSsCardReader>[0] = {}, timeoutMs = 400) {
  sim = await startSimulatedSsCardReader({ link: 'pty', ...options });
  await sim.hostTransport.open();
  const client = new CardReaderClient(sim.hostTransport, serialReaderFraming, { timeoutMs });
  return { sim, client };
}

async function failure(p: Promise<unknown>): Promise<Error> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(Error);
  return e as Error;
}

describe('社保卡 reader over a socat serial pair', () => {
  it('reads the whole identity with readSsCard (status poll, power on, APDUs, power off)', async () => {
    sim = await startSimulatedSsCardReader({ link: 'pty', card: sampleSsCard(3) });
    expect(sim.portPath).toMatch(/host$/);
    const id = await readSsCard(sim.hostTransport, serialReaderFraming, { waitForCardMs: 2000 });
    expect(id).toMatchObject({ name: '赵六', cardNumber: 'A99010004', nationCode: '03', nation: '回族', atr: sampleSsCard(3).atr });
    expect(sim.simulator.counts).toMatchObject({ cardStatus: 1, powerOn: 1, powerOff: 1 });
    expect(sim.hostTransport.isOpen).toBe(false);
  });

  it('no card → a clear error after the wait', async () => {
    sim = await startSimulatedSsCardReader({ link: 'pty', card: null });
    const e = await failure(readSsCard(sim.hostTransport, serialReaderFraming, { waitForCardMs: 300, pollIntervalMs: 50 }));
    expect((e as ReaderError).code).toBe('no-card');
    expect(e.message).toContain('没有社会保障卡');
  });

  it('waits for a card inserted while polling', async () => {
    sim = await startSimulatedSsCardReader({ link: 'pty', card: null });
    const s = sim;
    const reading = readSsCard(s.hostTransport, serialReaderFraming, { waitForCardMs: 5000, pollIntervalMs: 50 });
    const off = s.simulator.transport.onData(() => {
      if ((s.simulator.counts.cardStatus ?? 0) >= 2 && !s.simulator.currentCard) s.simulator.insertCard(sampleSsCard(1));
    });
    const id = await reading;
    off();
    expect(id.name).toBe('李四');
  });

  it('survives garbage before every reply and replies split into 3-byte pieces', async () => {
    const { sim: s, client } = await connect();
    s.simulator.setFaults({ garbageBeforeReply: Uint8Array.of(0x02, 0x01, 0xf0, 0x55, 0x03, 0x02), chunkSize: 3 });
    await client.powerOn();
    expect((await new SsCardReader(client).read()).cardNumber).toBe('A99010001');
  });

  it('recovers from replies with a wrong checksum by asking again', async () => {
    const { sim: s, client } = await connect();
    await client.powerOn();
    s.simulator.setFaults({ badChecksumReplies: 2 });
    expect((await new SsCardReader(client).read()).ssn).toBe('990102196003150018');
    expect(s.simulator.counts.apdu).toBe(17 + 2); // 17 APDUs in a read, 2 resent
  });

  it('recovers from a lost reply (timeout, then retry)', async () => {
    const { sim: s, client } = await connect({}, 200);
    await client.powerOn();
    s.simulator.setFaults({ noAnswer: 1 });
    expect((await new SsCardReader(client).read()).name).toBe('张三');
  });

  it('a dead reader → timeout error after the retries', async () => {
    const { sim: s, client } = await connect({}, 100);
    s.simulator.setFaults({ noAnswer: Infinity });
    const e = await failure(client.powerOn());
    expect((e as ReaderError).code).toBe('timeout');
    expect(e.message).toContain('无应答');
  });

  it('the reader answers "bad checksum" to a damaged request → the host resends', async () => {
    const { sim: s, client } = await connect();
    // Write a corrupted frame ourselves, then a normal request: the reader's 00 00 03 must not derail it.
    await s.hostTransport.write(Uint8Array.of(0x02, 0x00, 0x02, 0x01, 0x33, 0x99, 0x03));
    expect(await client.cardStatus()).toBe('present');
  });

  it('card pulled out mid-read → ReaderError card-removed; after reinsertion the next read works', async () => {
    const { sim: s, client } = await connect();
    await client.powerOn();
    s.simulator.setFaults({ pullCardAfterApdus: 5 });
    const e = await failure(new SsCardReader(client).read());
    expect(e).toBeInstanceOf(ReaderError);
    expect((e as ReaderError).code).toBe('card-removed');
    expect(e.message).toContain('拔出');
    s.simulator.insertCard(sampleSsCard(2));
    await client.powerOn();
    expect((await new SsCardReader(client).read()).name).toBe('王五');
  });

  it('APDU without power on → card-not-powered', async () => {
    const { client } = await connect();
    const e = await failure(new SsCardReader(client).read());
    expect((e as ReaderError).code).toBe('card-not-powered');
  });

  it('a PSAM-protected card over the wire → SsCardError needs-psam', async () => {
    const { client } = await connect({ cardOptions: { psamRequired: true } });
    await client.powerOn();
    const e = await failure(new SsCardReader(client).read());
    expect(e).toBeInstanceOf(SsCardError);
    expect((e as SsCardError).code).toBe('needs-psam');
  });

  it('reader unplugged mid-read (socat killed) → disconnected, no hang', async () => {
    const { sim: s, client } = await connect({}, 2000);
    await client.powerOn();
    let n = 0;
    const reader = new SsCardReader({
      transmit: async (apdu) => {
        if (++n === 3) await s.simulator.unplug();
        return client.transmit(apdu);
      },
    });
    const e = await failure(reader.read());
    expect(e).toBeInstanceOf(ReaderError);
    expect((e as ReaderError).code).toBe('disconnected');
  });

  it('readSsCard on a port that does not exist → TransportError not-found', async () => {
    const { SerialTransport } = await import('../../../../../native/transports/serial-port');
    const e = await failure(readSsCard(new SerialTransport({ path: '/dev/does-not-exist-sscard' }), serialReaderFraming));
    expect(e.message).toContain('不存在');
  });
});

describe('in-process link fallback', () => {
  it('reads over the in-process link when no pty is wanted', async () => {
    sim = await startSimulatedSsCardReader({ link: 'in-process' });
    expect(sim.portPath).toBeUndefined();
    expect((await readSsCard(sim.hostTransport, sim.framing)).cardId).toBe(sampleSsCard().cardId);
  });
});
