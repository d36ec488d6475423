/**
 * Two ByteTransports wired to each other in memory: the fallback for simulators where no pty exists.
 * Delivery is asynchronous (like a real link); closing either end closes both, the peer with an error.
 */
import { LinkEvents } from './link-events';
import { TransportError, type ByteTransport } from './transport';

class LinkEnd implements ByteTransport {
  peer!: LinkEnd;
  private open_ = false;
  private readonly events = new LinkEvents();

  constructor(readonly id: string) {}

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    if (this.events.closed) throw new TransportError(`连接 ${this.id} 已关闭`, 'open-failed');
    this.open_ = true;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open_) throw new TransportError(`连接 ${this.id} 未打开`, 'write-failed');
    const copy = Buffer.from(bytes);
    setImmediate(() => this.peer.deliver(copy));
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.events.onData(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    return this.events.onClose(listener);
  }

  async close(): Promise<void> {
    this.end();
    this.peer.end(new TransportError(`连接 ${this.peer.id} 的对端已断开`, 'disconnected'));
  }

  private deliver(chunk: Buffer): void {
    // Bytes sent before this end opened are lost, as on a serial line.
    if (this.open_) this.events.emitData(chunk);
  }

  private end(err?: Error): void {
    this.open_ = false;
    this.events.emitClose(err);
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
