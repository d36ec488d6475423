/**
 * Device manager: start-up of all four simulated devices over socat ptys, hot-plug reconnect latency
 * (unplug and replug a serial ID reader at the same path, 1 s polling as shipped), and the time from a
 * paper-out printer getting paper back to its queued 受理回执 being printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DeviceManager } from '../../electron/host/devices/device-manager';
import { printOrQueue } from '../../electron/host/devices/printer-device';
import { defaultDeviceFactories } from '../../electron/host/default-devices';
import { renderAcceptanceReceipt } from '../../native/protocols/escpos/receipt';
import { Ga467Simulator } from '../../native/simulators/ga467-simulator';
import { SerialTransport } from '../../native/transports/serial-port';
import { ptyPairAt } from '../helpers/pty-at';
import type { BenchRow } from './run';

const until = async (cond: () => boolean, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const env = defaultDeviceFactories(); // 1 s polling, 1–10 s backoff: as shipped

  // 1. Start-up with the default configuration (four simulators, four socat pairs).
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const m = new DeviceManager({
      config: { idReader: { mode: 'simulator' }, ssCardReader: { mode: 'simulator' }, scanner: { mode: 'simulator' }, printer: { mode: 'simulator' } },
      env,
      save: () => undefined,
    });
    await m.start();
    await until(() => m.list().every((d) => d.state === 'connected'));
    starts.push(performance.now() - t0);
    if (i === 2) {
      // 3. Paper back → queued receipt printed.
      const sim = m.simulatorOf('printer')!;
      sim.setState({ paperOut: true });
      await m.printer.poll();
      const bytes = renderAcceptanceReceipt({
        office: '测试', caseNumber: 'B1', applicantName: '张三', idNumber: '33010619850312001X', items: [{ name: '异地就医备案' }],
        materials: [], acceptedAt: '2024-03-15 09:30', clerk: '柜员一', committedDate: '2024-03-20',
      });
      await printOrQueue(m.printer, m.printQueue, { what: '回执', bytes });
      const before = sim.jobs.length;
      const t1 = performance.now();
      sim.setState({ paperOut: false });
      await until(() => sim.jobs.length > before);
      rows.push({ benchmark: 'device manager: paper back → queued receipt printed', result: `${(performance.now() - t1).toFixed(0)} ms`, goal: '≤ 2000 ms (poll 1 s)', ok: performance.now() - t1 <= 2000 });
    }
    await m.close();
  }
  rows.push({ benchmark: 'device manager: start 4 simulated devices (median of 3)', result: `${median(starts).toFixed(0)} ms`, goal: '≤ 3000 ms', ok: median(starts) <= 3000 });

  // 2. Hot-plug: replug a serial reader at the same path.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hotplug-'));
  const device = path.join(dir, 'dev');
  const host = path.join(dir, 'host');
  const m = new DeviceManager({
    config: { idReader: { mode: 'serial', path: host, baudRate: 115200 }, ssCardReader: { mode: 'off' }, scanner: { mode: 'off' }, printer: { mode: 'off' } },
    env,
    save: () => undefined,
  });
  await m.start();
  const latencies: number[] = [];
  for (let i = 0; i < 5; i++) {
    const pair = await ptyPairAt(device, host);
    const sim = new Ga467Simulator(new SerialTransport({ path: device }));
    await sim.start();
    const t0 = performance.now();
    await until(() => m.idReader.status.get().state === 'connected');
    latencies.push(performance.now() - t0);
    await pair.close();
    await sim.close().catch(() => undefined);
    await until(() => m.idReader.status.get().state !== 'connected');
  }
  await m.close();
  fs.rmSync(dir, { recursive: true, force: true });
  rows.push({
    benchmark: 'device manager: serial reader replugged → connected (median of 5)',
    result: `${median(latencies).toFixed(0)} ms (max ${Math.max(...latencies).toFixed(0)})`,
    goal: '≤ 2000 ms',
    ok: Math.max(...latencies) <= 2000,
  });
  return rows;
}
