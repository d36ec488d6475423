/** A serial scanner over a real socat pty pair, fed by the scanner simulator. */
import { afterEach, describe, expect, it } from 'vitest';
import { SerialScanner } from '../../../../native/devices/serial-scanner';
import type { ScanResult } from '../../../../shared/scanner/classify';
import { loadSampleCodes, ScannerSimulator } from '../../../../native/simulators/scanner-simulator';
import { startSimulatedScanner } from '../../../../native/simulators/start-simulated-devices';
import { SerialTransport } from '../../../../native/transports/serial-port';
import { createPtyPair, type PtyPair } from '../../../helpers/pty-pair';

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  cleanup = [];
});

async function rig(options: ConstructorParameters<typeof ScannerSimulator>[1] = {}, maxLineBytes?: number) {
  const pair: PtyPair = await createPtyPair();
  const sim = new ScannerSimulator(new SerialTransport({ path: pair.a, baudRate: 9600 }), options);
  const scanner = new SerialScanner(new SerialTransport({ path: pair.b, baudRate: 9600 }), { maxLineBytes });
  cleanup.push(() => sim.stop(), () => scanner.stop(), () => pair.close());
  await sim.start();
  await scanner.start();
  const scans: ScanResult[] = [];
  scanner.onScan((s) => scans.push(s));
  const waitFor = async (n: number) => {
    for (let i = 0; i < 500 && scans.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    return scans;
  };
  return { pair, sim, scanner, scans, waitFor };
}

describe('SerialScanner over a pty pair', () => {
  it('classifies every sample code sent with CR line ends', async () => {
    const { sim, waitFor } = await rig();
    const samples = loadSampleCodes();
    for (const s of samples) await sim.scan(s.code);
    const scans = await waitFor(samples.length);
    expect(scans.map((s) => s.kind)).toEqual(samples.map((s) => s.expect));
  });

  it('handles CR LF split into tiny writes with STX/ETX/NUL noise', async () => {
    const { sim, waitFor } = await rig({ ending: 'CRLF', splitEvery: 3, splitDelayMs: 2, noise: true });
    await sim.scan('A12345678');
    await sim.scan('11010519491231002X');
    const scans = await waitFor(2);
    expect(scans).toEqual([
      { kind: 'sscard-number', raw: 'A12345678', cardNumber: 'A12345678' },
      expect.objectContaining({ kind: 'id-number', idNumber: '11010519491231002X' }),
    ]);
  });

  it('reports an overlong line as unrecognised and keeps working', async () => {
    const { sim, waitFor } = await rig({ ending: 'LF' }, 32);
    await sim.scan('X'.repeat(100));
    await sim.scan('A12345678');
    const scans = await waitFor(2);
    expect(scans[0]).toMatchObject({ kind: 'unrecognised', reason: expect.stringMatching(/过长/) });
    expect(scans[1]).toMatchObject({ kind: 'sscard-number' });
  });

  it('tells its owner when the scanner link goes away', async () => {
    // A pty gives a passive reader no hang-up notice, so the loss is simulated on the in-process link.
    const sim = await startSimulatedScanner({ preferPty: false });
    const scanner = new SerialScanner(sim.host);
    await scanner.start();
    const closed = new Promise<Error | undefined>((resolve) => scanner.onClose(resolve));
    await sim.close();
    expect((await closed)?.message).toMatch(/断开/);
  });

  it('fails to start with a Chinese message when the port does not exist', async () => {
    const scanner = new SerialScanner(new SerialTransport({ path: '/dev/does-not-exist-scan' }));
    await expect(scanner.start()).rejects.toThrow(/不存在/);
  });

  it('startSimulatedScanner works over the in-process link too', async () => {
    const sim = await startSimulatedScanner({ preferPty: false });
    cleanup.push(() => sim.close());
    expect(sim.link).toBe('in-process');
    const scanner = new SerialScanner(sim.host);
    await scanner.start();
    const got = new Promise<ScanResult>((resolve) => scanner.onScan(resolve));
    await sim.simulator.scan('01,33060124,0001234567,a1B2c3,20240315,1234.50');
    expect(await got).toMatchObject({ kind: 'e-invoice', invoice: { amountFen: 123450 } });
  });
});
