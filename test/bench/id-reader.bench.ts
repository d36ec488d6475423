/**
 * ID reader benchmarks:
 *  1. "card found" → identity over a socat pty with the simulator pacing its replies at 115200 baud
 *     (socat ptys do not enforce baud timing, so the simulator releases bytes at UART speed itself).
 *     "Card found" is taken as the moment the select request reaches the simulator (sent right after the
 *     9F reply); the wire time that follows is select reply (19 B) + read reply (1,295 B) = 114.1 ms.
 *  2. Deframer + decoder throughput on a noisy stream (read replies mixed with random garbage).
 */
import { IdReader } from '../../native/devices/id-reader';
import { decodeReadData, Ga467Deframer, parseReply } from '../../native/protocols/ga467';
import { startSimulatedIdReader } from '../../native/simulators/simulated-id-reader';
import { prng, randomBytes, readReplyFrame } from '../helpers/ga467-fixtures';
import type { BenchRow } from './run';

const BAUD = 115200;
const wireMs = (bytes: number) => (bytes * 10 * 1000) / BAUD;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

async function cardFoundToIdentity(paced: boolean, runs: number): Promise<number[]> {
  const sim = await startSimulatedIdReader({ link: 'pty', paceBaudRate: paced ? BAUD : undefined });
  const reader = new IdReader(sim.hostTransport);
  let foundAt = 0;
  sim.simulator.onRequest((e) => {
    if (e.command === 'selectCard') foundAt = e.at;
  });
  const out: number[] = [];
  try {
    await reader.readCard(); // warm-up
    for (let i = 0; i < runs; i++) {
      await reader.readCard();
      out.push(performance.now() - foundAt);
    }
  } finally {
    await reader.close();
    await sim.close();
  }
  return out;
}

function throughput(): { mbps: number; framesPerS: number; noiseShare: number } {
  const rand = prng(42);
  const frame = readReplyFrame();
  const parts: Buffer[] = [];
  let noise = 0;
  let frames = 0;
  let size = 0;
  while (size < 32 * 1024 * 1024) {
    const g = randomBytes(rand, Math.floor(rand() * 1200));
    noise += g.length;
    parts.push(g, frame);
    size += g.length + frame.length;
    frames++;
  }
  const stream = Buffer.concat(parts);
  const d = new Ga467Deframer();
  let decoded = 0;
  const t0 = performance.now();
  for (let off = 0; off < stream.length; off += 4096) {
    for (const r of d.push(stream.subarray(off, off + 4096))) {
      if (r.ok) {
        decodeReadData(parseReply(r.frame).data);
        decoded++;
      }
    }
  }
  const s = (performance.now() - t0) / 1000;
  if (decoded < frames * 0.99) throw new Error(`lost frames: ${decoded}/${frames}`);
  return { mbps: stream.length / 1024 / 1024 / s, framesPerS: decoded / s, noiseShare: noise / stream.length };
}

export async function run(): Promise<BenchRow[]> {
  const pacedWire = wireMs(19 + 1295);
  const paced = await cardFoundToIdentity(true, 20);
  const fast = await cardFoundToIdentity(false, 50);
  const p50 = percentile(paced, 0.5);
  const p95 = percentile(paced, 0.95);
  const tp = throughput();
  return [
    {
      benchmark: 'ID read, card found → identity, pty paced at 115200 (p50 / p95)',
      result: `${p50.toFixed(1)} / ${p95.toFixed(1)} ms (wire ${pacedWire.toFixed(1)} ms → +${(p50 - pacedWire).toFixed(1)} / +${(p95 - pacedWire).toFixed(1)} ms)`,
      goal: `≤ wire + 20 ms (${(pacedWire + 20).toFixed(1)} ms)`,
      ok: p95 <= pacedWire + 20,
    },
    {
      benchmark: 'ID read, card found → identity, pty unpaced (p50 / p95)',
      result: `${percentile(fast, 0.5).toFixed(1)} / ${percentile(fast, 0.95).toFixed(1)} ms`,
    },
    {
      benchmark: `GA 467 deframe + decode, noisy stream (${Math.round(tp.noiseShare * 100)}% garbage, 4 KiB chunks)`,
      result: `${tp.mbps.toFixed(0)} MB/s, ${Math.round(tp.framesPerS).toLocaleString('en')} read replies/s`,
      goal: '≥ 1 MB/s (115200 baud = 0.011 MB/s)',
      ok: tp.mbps >= 1,
    },
  ];
}
