/**
 * A simulated provincial-library driver (run with tsx): answers the JSON-lines driver protocol with the
 * 11-field output of a sample card, so the host side is tested against a real child process.
 *
 *   tsx native/simulators/sscard-library-driver.ts [--card N] [--no-card] [--error CODE:MESSAGE]
 *       [--crash-after N] [--hang] [--hang-after N] [--bad-output TEXT] [--noise]
 */
import readline from 'node:readline';
import { sampleSsCard } from './simulated-sscard';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const has = (name: string) => process.argv.includes(name);

const card = sampleSsCard(Number(arg('--card') ?? 0));
let callsLeft = arg('--crash-after') !== undefined ? Number(arg('--crash-after')) : Infinity;
// A DLL call that never returns once N calls were answered (a probe answers, a later read hangs).
let answersBeforeHang = arg('--hang-after') !== undefined ? Number(arg('--hang-after')) : Infinity;

export function libraryOutput(c = card): string {
  return [c.issuerRegion, c.ssn, c.cardNumber, c.cardId, c.name, c.atr, c.specVersion, c.issueDate, c.expiryDate, 'T0001', 'D99010001'].join('|') + '|';
}

function send(obj: unknown): void {
  process.stdout.write(JSON.stringify(obj) + '\n');
}

if (has('--noise')) process.stdout.write('driver v1.0 loaded (simulated)\n');

const rl = readline.createInterface({ input: process.stdin });
rl.on('line', (line) => {
  let req: { id?: number; call?: string };
  try {
    req = JSON.parse(line);
  } catch {
    return;
  }
  if (callsLeft-- <= 0) process.exit(3); // a crashing DLL takes the driver down
  if (has('--hang') || answersBeforeHang-- <= 0) return;
  const id = req.id;
  if (req.call !== 'readCardBas') return send({ id, ok: false, code: -1, message: `不支持的调用 ${req.call}` });
  if (has('--no-card')) return send({ id, ok: false, code: -11, message: '读卡器内无卡' });
  const error = arg('--error');
  if (error) {
    const [code, ...msg] = error.split(':');
    return send({ id, ok: false, code: Number(code), message: msg.join(':') });
  }
  send({ id, ok: true, output: arg('--bad-output') ?? libraryOutput() });
});
rl.on('close', () => process.exit(0));
