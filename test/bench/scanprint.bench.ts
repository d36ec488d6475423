/** Scanners and printers: parser throughput, scan and print latency over a socat pair, A4 PDF time. */
import type { BenchRow } from './run';
import { sampleA4Receipt } from '../helpers/a4-fixtures';
import { classifyScan } from '../../shared/scanner/classify';
import { ScanLineFramer } from '../../native/protocols/scanner/line-framer';
import { WedgeDetector } from '../../shared/scanner/wedge-detector';
import { EscPosDecoder } from '../../native/protocols/escpos/decode';
import { renderAcceptanceReceipt } from '../../native/protocols/escpos/receipt';
import { SerialScanner } from '../../native/devices/serial-scanner';
import { ReceiptPrinter } from '../../native/devices/receipt-printer';
import { loadSampleCodes } from '../../native/simulators/scanner-simulator';
import { startSimulatedPrinter, startSimulatedScanner } from '../../native/simulators/start-simulated-devices';
import { renderAcceptanceReceiptHtml, renderPdf } from '../../electron/services/printing/a4';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const perSec = (n: number, t0: number) => n / ((performance.now() - t0) / 1000);
const fmt = (n: number) => Math.round(n).toLocaleString('en');

const receipt = sampleA4Receipt(12);

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const codes = loadSampleCodes().map((c) => c.code);

  let t0 = performance.now();
  const n = 200_000;
  for (let i = 0; i < n; i++) classifyScan(codes[i % codes.length]);
  const cps = perSec(n, t0);
  rows.push({ benchmark: 'classifyScan (sample mix)', result: `${fmt(cps)} /s`, goal: '≥ 100,000 /s', ok: cps >= 100_000 });

  const lines = Buffer.from(codes.map((c) => c + '\r\n').join('').repeat(2000));
  const framer = new ScanLineFramer();
  t0 = performance.now();
  for (let i = 0; i < lines.length; i += 64) framer.push(lines.subarray(i, i + 64));
  const fmbps = lines.length / 1e6 / ((performance.now() - t0) / 1000);
  rows.push({ benchmark: 'scan line framer (64-byte chunks)', result: `${fmbps.toFixed(1)} MB/s`, goal: '≥ 1 MB/s', ok: fmbps >= 1 });

  const wedge = new WedgeDetector();
  t0 = performance.now();
  const keys = 500_000;
  for (let i = 0; i < keys; i++) wedge.feed({ key: i % 20 === 19 ? 'Enter' : 'A', time: i * 3 });
  const kps = perSec(keys, t0);
  rows.push({ benchmark: 'wedge detector', result: `${fmt(kps)} keys/s`, goal: '≥ 100,000 keys/s', ok: kps >= 100_000 });

  const job = renderAcceptanceReceipt(receipt, 80);
  t0 = performance.now();
  const renders = 20_000;
  for (let i = 0; i < renders; i++) renderAcceptanceReceipt(receipt, 80);
  const rps = perSec(renders, t0);
  rows.push({ benchmark: '受理回执 ESC/POS render (80 mm)', result: `${fmt(rps)} /s (${job.length} bytes)`, goal: '≥ 1,000 /s', ok: rps >= 1000 });

  const stream = Buffer.concat(Array.from({ length: 500 }, () => Buffer.from(job)));
  const dec = new EscPosDecoder();
  t0 = performance.now();
  for (let i = 0; i < stream.length; i += 256) dec.push(stream.subarray(i, i + 256));
  const dmbps = stream.length / 1e6 / ((performance.now() - t0) / 1000);
  rows.push({ benchmark: 'ESC/POS decoder', result: `${dmbps.toFixed(1)} MB/s`, goal: '≥ 1 MB/s (9600 baud: 1 KB/s)', ok: dmbps >= 1 });

  // Scan latency: simulator write → classified event, over a socat pty pair.
  const sc = await startSimulatedScanner();
  try {
    const scanner = new SerialScanner(sc.host);
    await scanner.start();
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const got = new Promise<void>((r) => {
        const off = scanner.onScan(() => {
          off();
          r();
        });
      });
      const s = performance.now();
      await sc.simulator.scan(codes[i % codes.length]);
      await got;
      times.push(performance.now() - s);
    }
    await scanner.stop();
    const ms = median(times);
    rows.push({ benchmark: `scan latency, ${sc.link} (median of 30)`, result: `${ms.toFixed(2)} ms`, goal: '≤ 50 ms', ok: ms <= 50 });
  } finally {
    await sc.close();
  }

  // Print latency: 3 status queries + receipt bytes until the simulator has the whole job.
  const pr = await startSimulatedPrinter({ idleJobMs: 10_000 });
  try {
    const printer = new ReceiptPrinter(pr.host);
    await printer.open();
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const done = new Promise<void>((r) => {
        const off = pr.simulator.onJob(() => {
          off();
          r();
        });
      });
      const s = performance.now();
      await printer.print(job);
      await done;
      times.push(performance.now() - s);
    }
    await printer.close();
    const ms = median(times);
    rows.push({ benchmark: `status check + receipt job, ${pr.link} (median of 10)`, result: `${ms.toFixed(1)} ms`, goal: '≤ 500 ms', ok: ms <= 500 });
  } finally {
    await pr.close();
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pdf-'));
  try {
    t0 = performance.now();
    await renderPdf(renderAcceptanceReceiptHtml(receipt), path.join(dir, 'r.pdf'));
    const ms = performance.now() - t0;
    rows.push({ benchmark: 'A4 受理回执 → PDF (Chromium cold start)', result: `${fmt(ms)} ms`, goal: '≤ 5,000 ms', ok: ms <= 5000 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
