/** The write-only USB printer-class transport, against real files standing in for /dev/usb/lpN. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReceiptPrinter } from '../../../../native/devices/receipt-printer';
import { renderTestPage } from '../../../../native/protocols/escpos/receipt';
import { TransportError } from '../../../../native/transports/transport';
import { UsbPrinterTransport } from '../../../../native/transports/usb-printer-transport';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'usb-lp-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('UsbPrinterTransport', () => {
  it('writes the exact job bytes to the device file, and ReceiptPrinter skips the status check', async () => {
    const file = path.join(dir, 'lp0');
    fs.writeFileSync(file, '');
    const t = new UsbPrinterTransport(file);
    expect(t.bidirectional).toBe(false);
    const printer = new ReceiptPrinter(t, { statusTimeoutMs: 50 });
    expect(printer.canQueryStatus).toBe(false);
    await printer.open();
    const job = renderTestPage(58, 'x');
    await printer.print(job);
    await printer.print(job);
    await printer.close();
    expect(Buffer.compare(fs.readFileSync(file), Buffer.concat([job, job]))).toBe(0);
  });

  it('reports a missing device as not-found in Chinese', async () => {
    const err = await new UsbPrinterTransport(path.join(dir, 'lp9')).open().catch((e: TransportError) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err).toMatchObject({ code: 'not-found', message: expect.stringContaining('不存在') });
  });

  it('reports a device without permission', async () => {
    if (process.getuid?.() === 0) return; // root may open anything
    const file = path.join(dir, 'lp-locked');
    fs.writeFileSync(file, '');
    fs.chmodSync(file, 0o400);
    const err = await new UsbPrinterTransport(file).open().catch((e: TransportError) => e);
    expect(err).toMatchObject({ code: 'open-failed', message: expect.stringContaining('没有权限') });
  });

  it('refuses writes when closed and notifies close listeners once', async () => {
    const file = path.join(dir, 'lp1');
    fs.writeFileSync(file, '');
    const t = new UsbPrinterTransport(file);
    let closes = 0;
    t.onClose(() => closes++);
    await t.open();
    await t.close();
    await t.close();
    expect(closes).toBe(1);
    await expect(t.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'write-failed' });
  });
});
