/**
 * A byte transport: what every device protocol is driven by. Serial ports, socat pseudo-terminals,
 * HID report pipes, in-process links and unit-test buffers all implement it, so protocol code never
 * touches a port.
 */
export interface ByteTransport {
  /** Human-readable id, e.g. "/dev/ttyUSB0" or "hid:1a86:e010". */
  readonly id: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribe to incoming bytes; returns an unsubscribe function. */
  onData(listener: (chunk: Buffer) => void): () => void;
  /** Called once when the link goes away (unplugged, closed by peer, or close()). err = unexpected loss. */
  onClose(listener: (err?: Error) => void): () => void;
  close(): Promise<void>;
}

/** Typed transport failure with a clerk-readable Chinese message. */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: 'not-found' | 'open-failed' | 'write-failed' | 'disconnected' | 'timeout' | 'busy',
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
