/**
 * IdReader against the GA 467 simulator over a real socat pty pair (SerialTransport on both ends).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { IdReader, IdReaderError, type IdReaderOptions } from '../../../../native/devices/id-reader';
import { encodeTextBlock, PREAMBLE, type WltDecoder } from '../../../../native/protocols/ga467';
import { SAMPLE_ID_CARDS, sampleIdCard } from '../../../../native/simulators/sample-id-cards';
import { startSimulatedIdReader, type SimulatedIdReader } from '../../../../native/simulators/simulated-id-reader';
import type { SimulatedCard } from '../../../../native/simulators/ga467-simulator';
import { SerialTransport } from '../../../../native/transports/serial-port';

const FAST: IdReaderOptions = { replyTimeoutMs: 400, readReplyTimeoutMs: 1500, checksumGraceMs: 50 };

let rig: { sim: SimulatedIdReader; reader: IdReader } | undefined;

async function setup(card: SimulatedCard | null = sampleIdCard(), options: IdReaderOptions = FAST) {
  const sim = await startSimulatedIdReader({ card, link: 'pty' });
  const reader = new IdReader(sim.hostTransport, options);
  rig = { sim, reader };
  return rig;
}

afterEach(async () => {
  if (!rig) return;
  await rig.reader.close().catch(() => undefined);
  await rig.sim.close();
  rig = undefined;
});

async function readError(p: Promise<unknown>): Promise<IdReaderError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(IdReaderError);
    return err as IdReaderError;
  }
  throw new Error('expected the read to fail');
}

describe('IdReader over a socat pty with the simulator', () => {
  it('reads a resident card: find → select → read, full identity and raw WLT photo', async () => {
    const { sim, reader } = await setup();
    expect(sim.portPath).toMatch(/host$/);
    const id = await reader.readCard();
    expect(id).toMatchObject({
      name: '张伟明',
      sex: '男',
      sexCode: '1',
      nation: '汉',
      nationCode: '01',
      birthDate: '1985-03-12',
      idNumber: '110101198503120017',
      validTo: '2036-07-01',
      cardType: 'resident',
    });
    const wlt = Buffer.from(id.photo.base64, 'base64');
    expect(id.photo.format).toBe('wlt');
    expect(wlt.length).toBe(1024);
    expect(id.photo.decoded).toBeUndefined();
    expect(sim.simulator.counts).toMatchObject({ findCard: 1, selectCard: 1, readText: 1 });
  });

  it('reads every sample card type the simulator ships', async () => {
    const { sim, reader } = await setup(null);
    for (const card of SAMPLE_ID_CARDS) {
      sim.simulator.placeCard(card);
      const id = await reader.readCard();
      expect(id.idNumber).toBe(card.idNumber);
      expect(id.cardType).toBe(card.cardType);
    }
  });

  it('polls find-card until a card is placed', async () => {
    const { sim, reader } = await setup(null);
    let finds = 0;
    sim.simulator.onRequest((e) => {
      if (e.command === 'findCard' && ++finds === 3) sim.simulator.placeCard(sampleIdCard('resident', 1));
    });
    const id = await reader.readCard({ timeoutMs: 10_000, pollIntervalMs: 20 });
    expect(id.validTo).toBe('长期');
    expect(finds).toBe(3); // the card appeared while the third find was in flight
  });

  it('gives up with no-card when nothing is placed before the deadline', async () => {
    const { sim, reader } = await setup(null);
    const err = await readError(reader.readCard({ timeoutMs: 200, pollIntervalMs: 40 }));
    expect(err.code).toBe('no-card');
    expect(err.message).toBe('未检测到身份证，请将身份证放在读卡区');
    expect(sim.simulator.counts.findCard).toBeGreaterThanOrEqual(2);
    expect(sim.simulator.counts.selectCard).toBeUndefined();
  });

  it('resynchronises through garbage before every reply', async () => {
    const { sim, reader } = await setup();
    sim.simulator.setFaults({ garbageBeforeReply: Buffer.from([0x00, 0xaa, 0xaa, 0x55, 0xaa, 0xaa, 0xaa, 0x96, 0xff, 0x13]) });
    expect((await reader.readCard()).name).toBe('张伟明');
  });

  it('finds replies hidden behind a fake header in the noise', async () => {
    const { sim, reader } = await setup();
    sim.simulator.setFaults({ garbageBeforeReply: Buffer.concat([PREAMBLE, Buffer.from([0x0f, 0xa0])]) });
    expect((await reader.readCard()).name).toBe('张伟明');
  });

  it('resends after one corrupted reply and succeeds', async () => {
    const { sim, reader } = await setup();
    sim.simulator.setFaults({ badChecksumReplies: 1 });
    expect((await reader.readCard()).name).toBe('张伟明');
    expect(sim.simulator.counts.findCard).toBe(2);
  });

  it('fails with checksum when every reply is corrupted', async () => {
    const { sim, reader } = await setup();
    sim.simulator.setFaults({ badChecksumReplies: Infinity });
    const err = await readError(reader.readCard());
    expect(err.code).toBe('checksum');
    expect(err.message).toMatch(/校验错误/);
  });

  it('fails with timeout when the reader never answers', async () => {
    const { sim, reader } = await setup();
    sim.simulator.setFaults({ silent: true });
    const err = await readError(reader.readCard());
    expect(err.code).toBe('timeout');
    expect(err.message).toBe('读卡器无响应，请检查读卡器连接和电源');
  });

  it('reassembles replies arriving in small delayed chunks', async () => {
    const { sim, reader } = await setup(sampleIdCard(), { ...FAST, readReplyTimeoutMs: 20_000 });
    sim.simulator.setFaults({ chunkSize: 13, chunkDelayMs: 1 });
    expect((await reader.readCard()).idNumber).toBe('110101198503120017');
  });

  it.each([
    ['self-test-failed', /自检失败/],
    ['unauthorised', /未经授权/],
  ] as const)('reports a SAM failure (%s) as a device error', async (sam, message) => {
    const { sim, reader } = await setup();
    sim.simulator.setFaults({ sam });
    const err = await readError(reader.readCard());
    expect(err.code).toBe('device');
    expect(err.message).toMatch(message);
    expect((await reader.samStatus()).ok).toBe(false);
  });

  it('reports SAM status and id from a healthy reader', async () => {
    const { reader } = await setup();
    expect((await reader.samStatus()).kind).toBe('ok');
    expect(await reader.samId()).toMatch(/^\d{2}\.\d{2}-\d{8}-\d{10}-\d{10}$/);
    expect((await reader.reset()).ok).toBe(true);
  });

  it('retries a transient read failure, and fails with bad-card when it persists', async () => {
    const { sim, reader } = await setup();
    sim.simulator.setFaults({ readFailures: 1 });
    expect((await reader.readCard()).name).toBe('张伟明');
    sim.simulator.setFaults({ readFailures: 100 });
    const err = await readError(reader.readCard());
    expect(err.code).toBe('bad-card');
    expect(err.message).toBe('读取身份证失败，请重新放置身份证');
  });

  it('refuses an unsupported card type instead of mis-parsing it', async () => {
    const block = encodeTextBlock(sampleIdCard());
    Buffer.from('Y', 'utf16le').copy(block, 248);
    const { reader } = await setup({ ...sampleIdCard(), rawTextBlock: block });
    const err = await readError(reader.readCard());
    expect(err.code).toBe('unsupported-card');
    expect(err.message).toMatch(/2023版/);
  });

  it('rejects a card whose data is invalid as bad-card', async () => {
    const block = encodeTextBlock(sampleIdCard());
    Buffer.from('110101198503120018', 'utf16le').copy(block, 122);
    const { reader } = await setup({ ...sampleIdCard(), rawTextBlock: block });
    const err = await readError(reader.readCard());
    expect(err.code).toBe('bad-card');
    expect(err.message).toMatch(/校验位错误/);
  });

  it('reads the fingerprint variant (30 10)', async () => {
    const fingerprint = Buffer.alloc(1024, 0x46);
    const { sim, reader } = await setup({ ...sampleIdCard(), fingerprint }, { ...FAST, withFingerprint: true });
    const id = await reader.readCard();
    expect(Buffer.from(id.fingerprint!.base64, 'base64')).toEqual(fingerprint);
    expect(sim.simulator.counts.readWithFingerprint).toBe(1);
  });

  it('hands the WLT bytes to a decoder plug-in, and keeps the identity when the decoder fails', async () => {
    const seen: Buffer[] = [];
    const decoder: WltDecoder = {
      async decode(wlt) {
        seen.push(wlt);
        return { mime: 'image/bmp', data: Buffer.from('BM-fake') };
      },
    };
    const { sim, reader } = await setup(sampleIdCard(), { ...FAST, wltDecoder: decoder });
    const id = await reader.readCard();
    expect(seen[0].length).toBe(1024);
    expect(id.photo.decoded).toEqual({ mime: 'image/bmp', base64: Buffer.from('BM-fake').toString('base64') });
    await reader.close();

    const failing = new IdReader(sim.hostTransport, {
      ...FAST,
      wltDecoder: { decode: () => Promise.reject(new Error('licence missing')) },
    });
    rig!.reader = failing;
    const id2 = await failing.readCard();
    expect(id2.photo.decoded).toBeUndefined();
    expect(id2.photo.base64).toBe(id.photo.base64);
  });

  it('is busy while a read runs, and a read can be aborted', async () => {
    const { reader } = await setup(null);
    const ac = new AbortController();
    const first = reader.readCard({ timeoutMs: 30_000, pollIntervalMs: 20, signal: ac.signal });
    expect((await readError(reader.readCard())).code).toBe('busy');
    ac.abort();
    expect((await readError(first)).code).toBe('aborted');
  });

  it('fails with disconnected when the reader is unplugged mid-read (socat killed)', async () => {
    const { sim, reader } = await setup();
    sim.simulator.setFaults({ chunkSize: 16, chunkDelayMs: 5 });
    sim.simulator.onRequest((e) => {
      if (e.command === 'readText') void sim.simulator.unplug();
    });
    const err = await readError(reader.readCard());
    expect(err.code).toBe('disconnected');
    expect(err.message).toBe('读卡器已断开连接，请检查数据线');
    // The port is gone: the next attempt says so instead of hanging.
    const again = await readError(reader.readCard());
    expect(again.code).toBe('not-found');
  });

  it('reports a port that does not exist', async () => {
    const reader = new IdReader(new SerialTransport({ path: '/dev/ttyDOES-NOT-EXIST' }), FAST);
    const err = await readError(reader.readCard());
    expect(err.code).toBe('not-found');
    expect(err.message).toBe('串口 /dev/ttyDOES-NOT-EXIST 不存在，请检查设备连接和端口设置');
  });

  it('watch mode emits each card once per placement and notices removal', async () => {
    const { sim, reader } = await setup(null);
    const cards: string[] = [];
    let removed = 0;
    let next: (() => void) | undefined;
    const wait = () => new Promise<void>((r) => (next = r));
    const watch = reader.watch({
      pollIntervalMs: 10,
      onCard: (id) => {
        cards.push(id.idNumber);
        next?.();
      },
      onRemoved: () => {
        removed++;
        next?.();
      },
    });
    let w = wait();
    sim.simulator.placeCard(SAMPLE_ID_CARDS[0]);
    await w;
    // Still on the reader for many polls: no second event.
    const findsBefore = sim.simulator.counts.findCard ?? 0;
    await new Promise<void>((r) => {
      const off = sim.simulator.onRequest(() => {
        if ((sim.simulator.counts.findCard ?? 0) >= findsBefore + 5) {
          off();
          r();
        }
      });
    });
    expect(cards).toHaveLength(1);
    w = wait();
    sim.simulator.removeCard();
    await w;
    w = wait();
    sim.simulator.placeCard(SAMPLE_ID_CARDS[1]);
    await w;
    expect((await readError(reader.readCard())).code).toBe('busy');
    await watch.stop();
    expect(cards).toEqual([SAMPLE_ID_CARDS[0].idNumber, SAMPLE_ID_CARDS[1].idNumber]);
    expect(removed).toBe(1);
  });

  it('watch mode reports a bad card once and ends on disconnect', async () => {
    const block = encodeTextBlock(sampleIdCard());
    Buffer.from('Q', 'utf16le').copy(block, 248);
    const { sim, reader } = await setup({ ...sampleIdCard(), rawTextBlock: block });
    const errors: string[] = [];
    let firstError!: () => void;
    const gotError = new Promise<void>((r) => (firstError = r));
    const watch = reader.watch({
      pollIntervalMs: 10,
      onCard: () => undefined,
      onError: (e) => {
        errors.push(e.code);
        firstError();
      },
    });
    await gotError;
    await sim.simulator.unplug();
    await watch.done;
    expect(errors[0]).toBe('unsupported-card');
    expect(errors.filter((c) => c === 'unsupported-card')).toHaveLength(1);
    expect(errors.at(-1)).toBe('disconnected');
  });
});

describe('startSimulatedIdReader without socat', () => {
  it('works over an in-process link', async () => {
    const sim = await startSimulatedIdReader({ link: 'in-process' });
    try {
      expect(sim.portPath).toBeUndefined();
      const reader = new IdReader(sim.hostTransport, FAST);
      expect((await reader.readCard()).name).toBe('张伟明');
      sim.simulator.setFaults({ chunkSize: 3 });
      sim.simulator.placeCard(sampleIdCard('foreign-permanent'));
      expect((await reader.readCard()).foreign?.nationality).toBe('USA');
    } finally {
      await sim.close();
    }
  });
});
