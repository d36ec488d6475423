/** `counter print-test` spawned for real against the printer simulator on a pty pair. */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrinterSimulator } from '../../../../../../native/simulators/printer-simulator';
import { startSimulatedPrinter, type SimulatedDevice } from '../../../../../../native/simulators/start-simulated-devices';
import { SerialTransport } from '../../../../../../native/transports/serial-port';
import { createPtyPair } from '../../../../../helpers/pty-pair';

function cli(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn('node_modules/.bin/tsx', ['electron/host/cli/main.ts', ...args]);
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let sim: SimulatedDevice<PrinterSimulator>;
beforeAll(async () => {
  sim = await startSimulatedPrinter({ paper: 58, idleJobMs: 200 });
});
afterAll(async () => {
  await sim?.close();
});

describe('counter print-test', () => {
  it('queries status and prints a 58 mm test page the simulator can show', async () => {
    const job = new Promise<string>((r) => sim.simulator.onJob((j) => r(j.text)));
    const r = await cli(['print-test', '--port', sim.hostPath!, '--width', '58']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ printed: true, width: 58, status: { online: true, paperOut: false } });
    const text = await job;
    expect(text).toContain('纸宽 58mm · 32 列');
    expect(text).toContain('右对齐：ABC 123');
    expect(text).toMatch(/✂-+$/);
  });

  it('exits non-zero with a clear message when out of paper, and prints again after paper is loaded', async () => {
    sim.simulator.setState({ paperOut: true });
    const r = await cli(['print-test', '--port', sim.hostPath!]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toBe('错误: 打印机缺纸，请装纸后重试\n');
    sim.simulator.setState({ paperOut: false });
    expect((await cli(['print-test', '--port', sim.hostPath!])).code).toBe(0);
  });

  it('exits non-zero when offline or when nothing answers', async () => {
    sim.simulator.setState({ online: false });
    const off = await cli(['print-test', '--port', sim.hostPath!]);
    sim.simulator.setState({ online: true });
    expect(off.stderr).toContain('错误: 打印机离线');
    const pair = await createPtyPair();
    const silent = new SerialTransport({ path: pair.a });
    await silent.open();
    try {
      const r = await cli(['print-test', '--port', pair.b, '--status-timeout', '0.3']);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toBe('错误: 打印机无响应，请检查电源和连接线\n');
    } finally {
      await silent.close();
      await pair.close();
    }
  });

  it('rejects a bad width and a missing port', async () => {
    expect((await cli(['print-test', '--port', sim.hostPath!, '--width', '76'])).stderr).toContain('错误: 纸宽只能是 58 或 80');
    expect((await cli(['print-test', '--port', '/dev/no-such-printer'])).stderr).toMatch(/错误: 串口 .* 不存在/);
  });
});
