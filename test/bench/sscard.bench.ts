/** 社保卡: parser throughput and whole-card read latency over a socat pair, the in-process link and fake HID. */
import type { BenchRow } from './run';
import { encodeSerialFrame, SerialFrameDeframer } from '../../native/protocols/sscard/serial-framing';
import { parseBerTlv, encodeTlv } from '../../native/protocols/apdu/tlv';
import { CardReaderClient } from '../../native/protocols/sscard/card-reader-client';
import { SsCardReader } from '../../native/protocols/sscard/sscard-reader';
import { startSimulatedSsCardReader } from '../../native/simulators/simulated-sscard-reader';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function readLatency(link: 'pty' | 'in-process' | 'hid', runs: number): Promise<number> {
  const sim = await startSimulatedSsCardReader({ link });
  try {
    await sim.hostTransport.open();
    const client = new CardReaderClient(sim.hostTransport, sim.framing);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await client.powerOn();
      await new SsCardReader(client).read();
      times.push(performance.now() - t0);
    }
    client.dispose();
    return median(times);
  } finally {
    await sim.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];

  const frame = Buffer.from(encodeSerialFrame(new Uint8Array(258).fill(0x41)));
  const stream = Buffer.concat(Array.from({ length: 4000 }, () => frame));
  const d = new SerialFrameDeframer();
  const t0 = performance.now();
  let frames = 0;
  for (let i = 0; i < stream.length; i += 61) for (const e of d.push(stream.subarray(i, i + 61))) if (e.type === 'frame') frames++;
  const mbps = stream.length / 1e6 / ((performance.now() - t0) / 1000);
  rows.push({ benchmark: 'sscard serial deframer (61-byte chunks)', result: `${mbps.toFixed(1)} MB/s (${frames} frames)`, goal: '≥ 1 MB/s (line: 11.5 KB/s)', ok: mbps >= 1 });

  const rec = Buffer.concat([encodeTlv(0x07, Buffer.from('A99010001')), encodeTlv(0x09, Buffer.alloc(30, 0x41))]);
  const t1 = performance.now();
  const n = 200_000;
  for (let i = 0; i < n; i++) parseBerTlv(rec);
  const perSec = n / ((performance.now() - t1) / 1000);
  rows.push({ benchmark: 'BER-TLV parse (2 records)', result: `${Math.round(perSec).toLocaleString('en')} /s`, goal: '≥ 100,000 /s', ok: perSec >= 100_000 });

  for (const link of ['pty', 'in-process', 'hid'] as const) {
    const ms = await readLatency(link, 15);
    rows.push({ benchmark: `社保卡 full read, ${link} (17 APDUs, median of 15)`, result: `${ms.toFixed(1)} ms`, goal: '≤ 500 ms', ok: ms <= 500 });
  }
  return rows;
}
