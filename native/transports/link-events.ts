/**
 * The listener bookkeeping every ByteTransport needs: incoming bytes fanned out to subscribers, and a
 * close notice delivered exactly once per opening of the link.
 */
export class LinkEvents {
  private readonly dataListeners = new Set<(chunk: Buffer) => void>();
  private readonly closeListeners = new Set<(err?: Error) => void>();
  private closeSent = false;

  onData(listener: (chunk: Buffer) => void): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  onClose(listener: (err?: Error) => void): () => void {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  emitData(chunk: Buffer): void {
    for (const l of this.dataListeners) l(chunk);
  }

  /** Tell subscribers the link is gone (err = unexpected loss); later calls do nothing until rearm(). */
  emitClose(err?: Error): void {
    if (this.closeSent) return;
    this.closeSent = true;
    for (const l of [...this.closeListeners]) l(err);
  }

  /** The link was opened again, so it may close again. */
  rearm(): void {
    this.closeSent = false;
  }

  get closed(): boolean {
    return this.closeSent;
  }
}
