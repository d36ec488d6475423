/** `counter scan` spawned for real against the scanner simulator on a pty pair. */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedScanner, type SimulatedDevice } from '../../../../../../native/simulators/start-simulated-devices';
import type { ScannerSimulator } from '../../../../../../native/simulators/scanner-simulator';

function cli(args: string[], onStarted?: () => void) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const p = spawn('node_modules/.bin/tsx', ['electron/host/cli/main.ts', ...args]);
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('exit', (code) => resolve({ code, stdout, stderr }));
    onStarted?.();
  });
}

let sim: SimulatedDevice<ScannerSimulator>;
beforeAll(async () => {
  sim = await startSimulatedScanner({ ending: 'CRLF' });
});
afterAll(async () => {
  await sim?.close();
});

describe('counter scan', () => {
  it('prints one JSON line per code, ID numbers masked, and stops after --count', async () => {
    // Keep sending until the CLI has opened the port (bytes sent before that are lost, as on a real line).
    let stop = false;
    const run = cli(['scan', '--port', sim.hostPath!, '--count', '2', '--timeout', '20'], async () => {
      while (!stop) {
        await sim.simulator.scan('11010519491231002X');
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    const r = await run;
    stop = true;
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ kind: 'id-number', idNumber: '110105********002X' });
    expect(r.stdout).not.toContain('19491231');
  });

  it('fails with a clear message when --count is not reached before --timeout', async () => {
    const r = await cli(['scan', '--port', sim.hostPath!, '--count', '1', '--timeout', '1']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('错误: 等待扫码超时');
  });

  it('rejects a missing port and bad options in Chinese', async () => {
    const missing = await cli(['scan', '--port', '/dev/no-such-scanner', '--timeout', '1']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/错误: 串口 .* 不存在/);
    const badBaud = await cli(['scan', '--port', sim.hostPath!, '--baud', 'fast']);
    expect(badBaud.stderr).toContain('错误: 波特率无效');
    const badCount = await cli(['scan', '--port', sim.hostPath!, '--count', '0']);
    expect(badCount.stderr).toContain('错误: 条码个数无效');
  });
});
