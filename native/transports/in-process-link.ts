/**
 * Two ByteTransports wired to each other in memory: the fallback for simulators where no pty exists.
 * Delivery is asynchronous (like a real link); closing either end closes both, the peer with an error.
 */
import { TransportError, type ByteTransport } from './transport';

class LinkEnd implements ByteTransport {
  peer!: LinkEnd;
  private open_ = false;
  private ended = false;
  private readonly dataListeners = new Set<(chunk: Buffer) => void>();
  private readonly closeListeners = new Set<(err?: Error) => void>();

  constructor(readonly id: string) {}

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.ended) throw new TransportError(`连接 ${this.id} 已关闭`, 'open-failed');
    this.open_ = true;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open_) throw new TransportError(`连接 ${this.id} 未打开`, 'write-failed');
    const copy = Buffer.from(bytes);
    setImmediate(() => this.peer.deliver(copy));
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.end();
    this.peer.end(new TransportError(`连接 ${this.peer.id} 的对端已断开`, 'disconnected'));
  }

  private deliver(chunk: Buffer): void {
    // Bytes sent before this end opened are lost, as on a serial line.
    if (!this.open_) return;
    for (const l of this.dataListeners) l(chunk);
  }

  private end(err?: Error): void {
    if (this.ended) return;
    this.ended = true;
    this.open_ = false;
    for (const l of [...this.closeListeners]) l(err);
  }
}

/** [hostEnd, deviceEnd]: bytes written to one arrive at the other. */
export function createLinkedPair(name = 'in-process'): [ByteTransport, ByteTransport] {
  const a = new LinkEnd(`${name}:host`);
  const b = new LinkEnd(`${name}:device`);
  a.peer = b;
  b.peer = a;
  return [a, b];
}
