/** The provincial-library driver protocol against a real child process (the simulated driver). */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ProvincialLibraryDriver, splitCommandLine } from '../../../../../native/protocols/sscard/library-driver';
import { ProvincialLibraryError } from '../../../../../native/protocols/sscard/provincial-library';

const ROOT = path.resolve(__dirname, '../../../../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const SCRIPT = path.join(ROOT, 'native/simulators/sscard-library-driver.ts');

const drivers: ProvincialLibraryDriver[] = [];
function driver(args: string[] = [], timeoutMs = 8000): ProvincialLibraryDriver {
  const d = new ProvincialLibraryDriver({ command: [TSX, SCRIPT, ...args], timeoutMs });
  drivers.push(d);
  return d;
}
afterEach(async () => {
  while (drivers.length) await drivers.pop()!.close();
});

async function failure(p: Promise<unknown>): Promise<ProvincialLibraryError> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e).toBeInstanceOf(ProvincialLibraryError);
  return e as ProvincialLibraryError;
}

describe('provincial library driver (out of process)', () => {
  it('reads the identity, repeatedly, from one driver process; log lines on stdout are ignored', async () => {
    const d = driver(['--card', '1', '--noise']);
    const id = await d.readIdentity();
    expect(id).toMatchObject({ name: '李四', cardNumber: 'A99010002', ssn: '990102198507220023', issuerRegion: '990100', sexCode: '2', source: 'library' });
    expect((await d.readCardInfo()).terminalDeviceNo).toBe('D99010001');
    expect(d.running).toBe(true);
  });

  it('a library failure code → library-error with code and message', async () => {
    const e = await failure(driver(['--no-card']).readCardInfo());
    expect(e.code).toBe('library-error');
    expect(e.libraryCode).toBe(-11);
    expect(e.message).toContain('读卡器内无卡');
  });

  it('malformed library output → format error', async () => {
    const e = await failure(driver(['--bad-output', '990100|1|2|']).readCardInfo());
    expect(e.code).toBe('format');
  });

  it('a crashing driver → driver-crashed; the next call starts a fresh driver', async () => {
    const d = driver(['--crash-after', '1']);
    await d.readCardInfo();
    const e = await failure(d.readCardInfo());
    expect(e.code).toBe('driver-crashed');
    expect(e.message).toContain('退出码 3');
    expect((await d.readIdentity()).name).toBe('张三');
  });

  it('a hung library call → timeout, the driver is killed', async () => {
    const d = driver(['--hang'], 1500);
    const e = await failure(d.readCardInfo());
    expect(e.code).toBe('timeout');
    expect(e.message).toContain('没有响应');
    expect(d.running).toBe(false);
  });

  it('a driver that cannot start → driver-failed', async () => {
    const d = new ProvincialLibraryDriver({ command: ['/nonexistent/sscard-driver.exe'], timeoutMs: 2000 });
    const e = await failure(d.readCardInfo());
    expect(e.code).toBe('driver-failed');
    expect(e.message).toContain('无法启动');
  });

  it('splits configured command lines with quotes', () => {
    expect(splitCommandLine('"C:\\Program Files\\sscard\\drv.exe" --port USB1 \'a b\'')).toEqual(['C:\\Program Files\\sscard\\drv.exe', '--port', 'USB1', 'a b']);
  });
});
