/**
 * Out-of-process driver for a provincial 社保卡 reader library. Such libraries are Windows DLLs (often
 * 32-bit, often crashing), so the host never loads them: it spawns a small driver program (configured
 * command line; on Windows an exe wrapping the DLL) and speaks JSON lines over its stdin/stdout:
 *
 *   → {"id":1,"call":"readCardBas"}
 *   ← {"id":1,"ok":true,"output":"990100|…|"}
 *   ← {"id":1,"ok":false,"code":-11,"message":"未插卡"}
 *
 * A call that does not answer in time kills the driver (a hung DLL call never returns); a driver that
 * exits fails its pending calls. Either way the next call starts a fresh driver.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { identityFromProvincial, parseProvincialCardInfo, ProvincialLibraryError, type ProvincialCardInfo } from './provincial-library';
import type { SsCardIdentity } from './identity';
import { redact } from '../redact';

export interface LibraryDriverOptions {
  /** Program and arguments, e.g. `["C:\\sscard\\driver.exe", "--port", "USB1"]`. */
  command: string[];
  timeoutMs?: number;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

type Reply = { id: number; ok: true; output: string } | { id: number; ok: false; code: number; message: string };

interface PendingCall {
  resolve(r: Reply): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
}

const MAX_LINE = 64 * 1024;

export { splitCommandLine } from './command-line';

export class ProvincialLibraryDriver {
  private child: ChildProcessWithoutNullStreams | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, PendingCall>();
  private stdoutBuf = '';
  private stderrTail = '';
  private readonly timeoutMs: number;

  constructor(private readonly options: LibraryDriverOptions) {
    if (options.command.length === 0) throw new RangeError('driver command is empty');
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** The basic card read: parsed and validated. */
  async readCardInfo(): Promise<ProvincialCardInfo> {
    const reply = await this.call('readCardBas');
    if (!reply.ok) {
      throw new ProvincialLibraryError(`读卡库返回错误（代码 ${reply.code}）：${redact(reply.message)}`, 'library-error', reply.code);
    }
    if (typeof reply.output !== 'string') throw new ProvincialLibraryError('读卡驱动应答缺少 output', 'driver-failed');
    return parseProvincialCardInfo(reply.output);
  }

  async readIdentity(): Promise<SsCardIdentity> {
    return identityFromProvincial(await this.readCardInfo());
  }

  /** One raw call. */
  call(name: string, params?: Record<string, unknown>): Promise<Reply> {
    let child: ChildProcessWithoutNullStreams;
    try {
      child = this.ensureStarted();
    } catch (err) {
      return Promise.reject(err);
    }
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ProvincialLibraryError(`读卡库在 ${Math.round(this.timeoutMs / 1000)} 秒内没有响应，已重启读卡驱动`, 'timeout'));
        // The DLL call is stuck; a fresh driver is started by the next call.
        this.kill(new ProvincialLibraryError('读卡驱动已因调用超时重启，请重试', 'driver-failed'));
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      child.stdin.write(JSON.stringify({ id, call: name, ...(params ? { params } : {}) }) + '\n', (err) => {
        if (err) this.failAll(new ProvincialLibraryError(`无法向读卡驱动发送命令：${err.message}`, 'driver-crashed'));
      });
    });
  }

  async close(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.failAll(new ProvincialLibraryError('读卡驱动已关闭', 'driver-failed'));
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 1000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.stdin.end();
      child.kill('SIGTERM');
    });
  }

  private ensureStarted(): ChildProcessWithoutNullStreams {
    if (this.child) return this.child;
    const [cmd, ...args] = this.options.command;
    const child = spawn(cmd, args, { cwd: this.options.cwd, env: this.options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    this.child = child;
    this.stdoutBuf = '';
    this.stderrTail = '';
    child.stdout.setEncoding('utf8');
    // A killed driver's late output and exit belong to it alone, never to its replacement's calls.
    child.stdout.on('data', (d: string) => {
      if (this.child === child) this.onStdout(d);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      this.stderrTail = (this.stderrTail + d).slice(-500);
    });
    child.stdin.on('error', () => undefined); // reported through 'exit'
    child.once('error', (err) => {
      if (this.child !== child) return;
      this.child = null;
      this.failAll(new ProvincialLibraryError(`无法启动读卡驱动 ${cmd}：${err.message}`, 'driver-failed'));
    });
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      const why = signal ? `信号 ${signal}` : `退出码 ${code}`;
      // A driver's stderr may echo the card it read: it reaches device status and logs redacted.
      const tail = redact(this.stderrTail.trim());
      this.failAll(new ProvincialLibraryError(`读卡驱动意外退出（${why}）${tail ? `：${tail}` : ''}`, 'driver-crashed'));
    });
    return child;
  }

  private onStdout(text: string): void {
    this.stdoutBuf += text;
    if (this.stdoutBuf.length > MAX_LINE && !this.stdoutBuf.includes('\n')) {
      this.kill(new ProvincialLibraryError('读卡驱动输出异常（单行过长）', 'driver-failed'));
      return;
    }
    let nl: number;
    while ((nl = this.stdoutBuf.indexOf('\n')) >= 0) {
      const line = this.stdoutBuf.slice(0, nl).trim();
      this.stdoutBuf = this.stdoutBuf.slice(nl + 1);
      if (line) this.onLine(line);
    }
  }

  private onLine(line: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(line);
    } catch {
      return; // drivers may print log lines; only JSON objects with an id are replies
    }
    if (typeof msg !== 'object' || msg === null) return;
    const m = msg as Record<string, unknown>;
    if (typeof m.id !== 'number') return;
    const call = this.pending.get(m.id);
    if (!call) return;
    this.pending.delete(m.id);
    clearTimeout(call.timer);
    if (m.ok === true) {
      call.resolve({ id: m.id, ok: true, output: m.output as string });
    } else if (m.ok === false) {
      const code = typeof m.code === 'number' ? m.code : -1;
      const message = typeof m.message === 'string' && m.message ? m.message : '未知错误';
      call.resolve({ id: m.id, ok: false, code, message });
    } else {
      call.reject(new ProvincialLibraryError('读卡驱动应答格式错误（缺少 ok 字段）', 'driver-failed'));
    }
  }

  private failAll(err: Error): void {
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer);
      this.pending.delete(id);
      call.reject(err);
    }
  }

  /** Kills the current driver; its unanswered calls fail with reason (they can never be answered now). */
  private kill(reason: Error): void {
    const child = this.child;
    if (!child) return;
    this.failAll(reason);
    this.child = null;
    child.kill('SIGKILL');
  }
}
