/**
 * One configured device's life: open its link, attach the kind's driver, watch for the link going away,
 * reconnect with backoff, and reconnect at once when hot-plug polling sees it come back. Calls into the
 * driver are serialised (one exchange on the wire at a time) and fail with a Chinese message while the
 * device is not connected.
 */
import { AppError } from '../../contract/errors';
import type { DeviceStatus } from '../../contract/schemas';
import type { ByteTransport } from '../../../native/transports/transport';
import type { DeviceLink } from './device-links';
import { StatusCell } from './device-status';

export interface DeviceDriver<S> {
  /** Builds the session on an opened transport (may talk to the device; a throw counts as a failed open). */
  attach(transport: ByteTransport, status: StatusCell): Promise<S>;
  /** Releases the session and closes the transport. */
  detach(session: S): Promise<void>;
  /** Periodic check while connected and idle (e.g. printer paper status). */
  tick?(session: S, status: StatusCell): Promise<void>;
}

export interface ReconnectPolicy {
  initialMs: number;
  maxMs: number;
}

export class ManagedDevice<S> {
  readonly status: StatusCell;
  private link: DeviceLink | null = null;
  private session: S | null = null;
  private transport: ByteTransport | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private delay: number;
  private stopped = true;
  private queue: Promise<unknown> = Promise.resolve();
  private busy = 0;
  /** Bumped on every (re)start so late callbacks from a previous link are ignored. */
  private generation = 0;

  constructor(
    init: Pick<DeviceStatus, 'id' | 'kind' | 'label'>,
    private readonly driver: DeviceDriver<S>,
    private readonly policy: ReconnectPolicy,
    clock?: () => Date,
  ) {
    this.status = new StatusCell({ ...init, state: 'disabled', location: '—', simulated: false, lastError: null }, clock);
    this.delay = policy.initialMs;
  }

  get label(): string {
    return this.status.get().label;
  }

  get currentLink(): DeviceLink | null {
    return this.link;
  }

  get connected(): boolean {
    return this.session !== null;
  }

  /** Starts on a link (null = switched off, with an optional reason shown as the last error). */
  async start(link: DeviceLink | null, disabledReason: string | null = null): Promise<void> {
    await this.stop();
    this.generation++;
    this.link = link;
    this.delay = this.policy.initialMs;
    if (!link) {
      this.status.set({ state: 'disabled', location: '—', simulated: false, lastError: disabledReason });
      return;
    }
    this.stopped = false;
    this.status.set({ state: 'connecting', location: link.location, simulated: link.simulated, lastError: null });
    await this.connect();
  }

  /** Closes the session and the link; no reconnects until start() again. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearRetry();
    await this.connecting?.catch(() => undefined);
    const session = this.session;
    this.session = null;
    this.transport = null;
    if (session) await this.driver.detach(session).catch(() => undefined);
    const link = this.link;
    this.link = null;
    await link?.close().catch(() => undefined);
  }

  /** Opens now unless connected or already trying. */
  connect(): Promise<void> {
    if (this.stopped || this.session) return Promise.resolve();
    if (!this.connecting) {
      this.clearRetry();
      this.connecting = this.attempt().finally(() => {
        this.connecting = null;
      });
    }
    return this.connecting;
  }

  /** Hot-plug poll: connect a waiting device that has appeared; drop a connected one that vanished; driver tick. */
  async poll(): Promise<void> {
    const link = this.link;
    if (this.stopped || !link || this.connecting) return;
    const present = await link.present().catch(() => false);
    if (link !== this.link) return;
    if (!this.session) {
      if (present) await this.connect();
      return;
    }
    if (!present) {
      this.lost(new Error('gone')); // detaching closes the transport
      return;
    }
    const session = this.session;
    if (this.driver.tick && this.busy === 0) await this.exclusive(() => this.driver.tick!(session, this.status)).catch(() => undefined);
  }

  /** Runs fn with the session, one call at a time; throws a Chinese AppError when not connected. */
  use<T>(fn: (session: S) => Promise<T>): Promise<T> {
    return this.exclusive(() => {
      const session = this.session;
      if (!session) throw this.notConnected();
      return fn(session);
    });
  }

  notConnected(): AppError {
    const s = this.status.get();
    if (s.state === 'disabled') return new AppError('disabled', `${s.label}未启用${s.lastError ? `（${s.lastError}）` : ''}，请在“设备”页配置`);
    return new AppError('disconnected', `${s.label}未连接${s.lastError ? `：${s.lastError}` : ''}，请检查连接后重试`);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    this.busy++;
    const run = this.queue.then(fn, fn).finally(() => this.busy--);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async attempt(): Promise<void> {
    const link = this.link;
    const generation = this.generation;
    if (!link) return;
    this.status.set({ state: 'connecting', location: link.location });
    let transport: ByteTransport | null = null;
    try {
      transport = await link.transport();
      await transport.open();
      const session = await this.driver.attach(transport, this.status);
      if (generation !== this.generation || this.stopped) {
        await this.driver.detach(session).catch(() => undefined);
        return;
      }
      const t = transport;
      t.onClose((err) => {
        if (this.transport === t) this.lost(err);
      });
      this.session = session;
      this.transport = t;
      this.delay = this.policy.initialMs;
      // location may change when a simulator was restarted
      this.status.set({ state: 'connected', location: link.location, lastError: null });
      if (!t.isOpen) return this.lost(new Error('closed during attach'));
      // First condition check right away (e.g. a printer that is out of paper).
      if (this.driver.tick) void this.exclusive(() => this.driver.tick!(session, this.status)).catch(() => undefined);
    } catch (err) {
      await transport?.close().catch(() => undefined);
      if (generation !== this.generation || this.stopped) return;
      this.status.set({ state: 'disconnected', location: link.location, lastError: chineseMessage(err, `无法连接${this.label}`) });
      this.scheduleRetry();
    }
  }

  private lost(err?: Error): void {
    const session = this.session;
    if (!session) return;
    this.session = null;
    this.transport = null;
    void this.driver.detach(session).catch(() => undefined);
    if (this.stopped) return;
    this.status.set({
      state: 'disconnected',
      lastError: err ? `${this.label}连接已断开（设备被拔出或数据线松动），正在等待重新连接` : `${this.label}连接已关闭`,
    });
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.delay);
    this.retryTimer.unref?.();
    this.delay = Math.min(this.delay * 2, this.policy.maxMs);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}

/** A thrown value's message when it is one of ours (Chinese), else a Chinese fallback with the detail. */
export function chineseMessage(err: unknown, fallback: string): string {
  const message = err instanceof Error ? err.message : String(err);
  return /[\u4e00-\u9fff]/.test(message) ? message : `${fallback}：${message}`;
}
