/** The transports the ID reader runs on: serialport over socat ptys, in-process links, pty links. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinkedPair } from '../../../../native/transports/in-process-link';
import { createPtyLink, socatAvailable } from '../../../../native/transports/pty-link';
import { listSerialPorts, SerialTransport } from '../../../../native/transports/serial-port';
import { TransportError } from '../../../../native/transports/transport';

const received = (t: { onData(l: (c: Buffer) => void): () => void }, n: number) =>
  new Promise<Buffer>((resolve) => {
    const parts: Buffer[] = [];
    const off = t.onData((c) => {
      parts.push(c);
      const all = Buffer.concat(parts);
      if (all.length >= n) {
        off();
        resolve(all);
      }
    });
  });

describe('SerialTransport', () => {
  it('carries bytes both ways over a socat pty pair at 115200 8N1', async () => {
    expect(socatAvailable()).toBe(true);
    const link = await createPtyLink();
    const a = new SerialTransport({ path: link.devicePath });
    const b = new SerialTransport({ path: link.hostPath, baudRate: 115200 });
    try {
      await a.open();
      await b.open();
      expect(a.isOpen && b.isOpen).toBe(true);
      const payload = Buffer.from(Array.from({ length: 3000 }, (_, i) => i & 0xff));
      const got = received(b, payload.length);
      await a.write(payload);
      expect(await got).toEqual(payload);
      const back = received(a, 2);
      await b.write(Buffer.from([0xaa, 0x55]));
      expect(await back).toEqual(Buffer.from([0xaa, 0x55]));
    } finally {
      await a.close();
      await b.close();
      await link.close();
    }
  });

  it('says in Chinese that a port does not exist', async () => {
    const t = new SerialTransport({ path: '/dev/ttyNOPE9' });
    const err = await t.open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).code).toBe('not-found');
    expect((err as Error).message).toBe('串口 /dev/ttyNOPE9 不存在，请检查设备连接和端口设置');
  });

  it('fails to open something that is not a serial port', async () => {
    const t = new SerialTransport({ path: '/etc/hostname' });
    const err = await t.open().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).code).toBe('open-failed');
    expect((err as Error).message).toMatch(/^无法打开串口 \/etc\/hostname/);
  });

  it('refuses to write while closed', async () => {
    const err = await new SerialTransport({ path: '/dev/null' }).write(Buffer.from([1])).catch((e: unknown) => e);
    expect((err as TransportError).code).toBe('write-failed');
  });

  it('reports the link vanishing (socat killed) once, with a disconnected error', async () => {
    const link = await createPtyLink();
    // Both ends open, as with a simulator attached (see the report: serialport spins on EOF reads
    // from a pty whose other end nobody has opened).
    const device = new SerialTransport({ path: link.devicePath });
    const t = new SerialTransport({ path: link.hostPath });
    await device.open();
    await t.open();
    const hello = received(t, 1);
    await device.write(Buffer.from([0x55]));
    await hello;
    const closes: Array<Error | undefined> = [];
    const closed = new Promise<void>((r) => t.onClose((e) => (closes.push(e), r())));
    await link.close();
    await closed;
    expect(link.alive).toBe(false);
    expect(fs.existsSync(link.hostPath)).toBe(false);
    expect((closes[0] as TransportError).code).toBe('disconnected');
    expect(closes[0]!.message).toMatch(/已断开/);
    await t.close();
    await device.close();
    expect(closes).toHaveLength(1);
  });

  it('lists serial ports without throwing', async () => {
    expect(Array.isArray(await listSerialPorts())).toBe(true);
  });
});

describe('createLinkedPair', () => {
  it('delivers bytes asynchronously and closes both ends together', async () => {
    const [host, device] = createLinkedPair();
    await host.open();
    await device.open();
    const got = received(device, 3);
    await host.write(Buffer.from([1, 2, 3]));
    expect(await got).toEqual(Buffer.from([1, 2, 3]));
    const peerClosed = new Promise<Error | undefined>((r) => device.onClose(r));
    await host.close();
    const err = await peerClosed;
    expect((err as TransportError).code).toBe('disconnected');
    expect(device.isOpen).toBe(false);
    await expect(device.write(Buffer.from([1]))).rejects.toBeInstanceOf(TransportError);
    await expect(device.open()).rejects.toBeInstanceOf(TransportError);
  });
});
