/**
 * One complete 社保卡 read over a reader link: open, wait for a card, power on, read, power off, close.
 * What the CLI and the device manager call; every failure comes out as ReaderError / SsCardError /
 * TransportError with a Chinese message.
 */
import type { ByteTransport } from '../../transports/transport';
import { CardReaderClient } from './card-reader-client';
import type { SsCardIdentity } from './identity';
import { ReaderError, type ReaderFraming } from './reader-protocol';
import { SsCardReader } from './sscard-reader';

export interface ReadSsCardOptions {
  /** How long to wait for a card to be inserted. */
  waitForCardMs?: number;
  /** Per-request reply timeout. */
  replyTimeoutMs?: number;
  pollIntervalMs?: number;
  /** Keep the transport open afterwards (the caller owns it). */
  keepOpen?: boolean;
}

export async function readSsCard(transport: ByteTransport, framing: ReaderFraming, options: ReadSsCardOptions = {}): Promise<SsCardIdentity> {
  const { waitForCardMs = 10_000, replyTimeoutMs = 2000, pollIntervalMs = 300 } = options;
  if (!transport.isOpen) await transport.open();
  const client = new CardReaderClient(transport, framing, { timeoutMs: replyTimeoutMs });
  try {
    const deadline = Date.now() + waitForCardMs;
    while ((await client.cardStatus()) === 'absent') {
      if (Date.now() >= deadline) throw new ReaderError('等待插卡超时：读卡器上没有社会保障卡', 'no-card');
      await new Promise((r) => setTimeout(r, pollIntervalMs));
    }
    const atr = await client.powerOn();
    const identity = await new SsCardReader(client).read({ atr: Buffer.from(atr).toString('hex').toUpperCase() });
    await client.powerOff().catch(() => undefined);
    return identity;
  } finally {
    client.dispose();
    if (!options.keepOpen) await transport.close().catch(() => undefined);
  }
}
