/** `counter read-id` and `counter simulate id-reader`, spawned for real over socat ptys. */
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeTextBlock } from '../../../../../../native/protocols/ga467';
import { sampleIdCard } from '../../../../../../native/simulators/sample-id-cards';
import { startSimulatedIdReader, type SimulatedIdReader } from '../../../../../../native/simulators/simulated-id-reader';

const TSX = 'node_modules/.bin/tsx';
const CLI = 'electron/host/cli/main.ts';

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let sim: SimulatedIdReader | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('counter read-id', () => {
  it('reads a card over a pty and prints exactly the documented JSON fields (--full-id: the whole ID number)', async () => {
    sim = await startSimulatedIdReader({ link: 'pty' });
    const r = await runCli(['read-id', '--port', sim.portPath!, '--timeout', '5', '--full-id']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual([
      'name', 'sex', 'sexCode', 'nation', 'nationCode', 'birthDate', 'address',
      'idNumber', 'issuer', 'validFrom', 'validTo', 'photo',
    ]);
    expect(out).toMatchObject({ name: '张伟明', sex: '男', nation: '汉', idNumber: '110101198503120017' });
    expect(Object.keys(out.photo)).toEqual(['format', 'base64']);
    expect(Buffer.from(out.photo.base64, 'base64').length).toBe(1024);
  });

  it('masks the ID number unless --full-id is given', async () => {
    sim = await startSimulatedIdReader({ link: 'pty' });
    const r = await runCli(['read-id', '--port', sim.portPath!, '--timeout', '5']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).idNumber).toBe('110101********0017');
    expect(r.stdout).not.toContain('110101198503120017');
  });

  it('exits non-zero with a clear message when no card is placed before the timeout', async () => {
    sim = await startSimulatedIdReader({ link: 'pty', card: null });
    const r = await runCli(['read-id', '--port', sim.portPath!, '--timeout', '0.3']);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('错误: 未检测到身份证，请将身份证放在读卡区\n');
  });

  it('exits non-zero on a bad card', async () => {
    const block = encodeTextBlock(sampleIdCard());
    Buffer.from('99', 'utf16le').copy(block, 32);
    sim = await startSimulatedIdReader({ link: 'pty', card: { ...sampleIdCard(), rawTextBlock: block } });
    const r = await runCli(['read-id', '--port', sim.portPath!, '--timeout', '3']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^错误: 身份证民族代码无效\(99\)/);
  });

  it('exits non-zero for a port that does not exist', async () => {
    const r = await runCli(['read-id', '--port', '/dev/ttyNO-SUCH-PORT']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toBe('错误: 串口 /dev/ttyNO-SUCH-PORT 不存在，请检查设备连接和端口设置\n');
  });

  it('rejects invalid options', async () => {
    const r = await runCli(['read-id', '--port', '/dev/null', '--timeout', 'abc']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/超时秒数无效/);
    const r2 = await runCli(['read-id']);
    expect(r2.code).not.toBe(0);
    expect(r2.stderr).toMatch(/--port/);
  });
});

describe('counter simulate id-reader', () => {
  it('prints a port to open, serves read-id, toggles the card on Enter, and stops on SIGINT', async () => {
    const child = spawn(TSX, [CLI, 'simulate', 'id-reader'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    const lines: Array<() => void> = [];
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      lines.splice(0).forEach((f) => f());
    });
    const waitFor = async (re: RegExp) => {
      while (!re.test(stdout)) {
        if (child.exitCode !== null) throw new Error(`simulator exited: ${stdout}`);
        await new Promise<void>((r) => lines.push(r));
      }
    };
    try {
      await waitFor(/按回车/);
      const port = /请在应用中打开串口: (\S+)/.exec(stdout)![1];
      const r = await runCli(['read-id', '--port', port, '--timeout', '5']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).name).toBe('张伟明');
      child.stdin.write('\n');
      await waitFor(/已取走证件/);
      const none = await runCli(['read-id', '--port', port, '--timeout', '0.3']);
      expect(none.stderr).toMatch(/未检测到身份证/);
    } finally {
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    }
    expect(stdout).toMatch(/模拟器已停止/);
  });
});
